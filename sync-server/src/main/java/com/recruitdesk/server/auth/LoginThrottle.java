package com.recruitdesk.server.auth;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.server.platform.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Slows password guessing: after {@link #MAX_PER_ACCOUNT} failures for one email, or
 * {@link #MAX_PER_ADDRESS} from one network address, within {@link #WINDOW}, sign-in is refused
 * with 429 until the oldest failure leaves the window. Failures are counted in the database so
 * that every server instance agrees.
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_PER_ACCOUNT = 5;
    static final int MAX_PER_ADDRESS = 20;

    private final LoginFailures failures;
    private final Clock clock;

    public LoginThrottle(LoginFailures failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /**
     * Counts this attempt as a failure of the account and of the address before its password is
     * checked, in one step with the check (so parallel guesses cannot all pass it): throws 429 with
     * {@code Retry-After} when either is over its limit. Returns what to {@link #succeeded} with.
     */
    public LoginFailures.Reservation attempt(String email, String address) {
        Instant now = clock.instant();
        LoginFailures.Reservation reservation = failures.reserve(
                List.of(
                        new LoginFailures.Limit(account(email), MAX_PER_ACCOUNT),
                        new LoginFailures.Limit(address(address), MAX_PER_ADDRESS)),
                now,
                now.minus(WINDOW));
        reservation.refusal().ifPresent(r -> refuse(r.window(), now));
        return reservation;
    }

    /** The attempt ended before its password was checked (the server was busy): it counts for nothing. */
    public void notTried(LoginFailures.Reservation attempt) {
        failures.release(attempt.ids());
    }

    /** The password was right: this attempt is no failure, and the account's failures are cleared. */
    public void succeeded(String email, LoginFailures.Reservation attempt) {
        failures.release(attempt.ids());
        failures.clear(account(email));
        failures.purge(clock.instant().minus(WINDOW));
    }

    private static void refuse(LoginFailures.Window window, Instant now) {
        Instant free = window.oldest().orElse(now).plus(WINDOW);
        long seconds = Math.max(1, Duration.between(now, free).toSeconds() + 1);
        throw new ApiException(
                429,
                ErrorCodes.TOO_MANY_REQUESTS,
                "Too many failed sign-ins; try again in " + minutes(seconds) + ".",
                Map.of("Retry-After", Long.toString(seconds)));
    }

    private static String minutes(long seconds) {
        long m = (seconds + 59) / 60;
        return m == 1 ? "a minute" : m + " minutes";
    }

    private static String account(String email) {
        return "email:" + email;
    }

    private static String address(String address) {
        return "ip:" + address;
    }
}
