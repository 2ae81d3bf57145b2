package com.recruitdesk.server.auth;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.server.platform.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /** Throws 429 with {@code Retry-After} when either the account or the address is over its limit. */
    public void check(String email, String address) {
        Instant now = clock.instant();
        checkSubject(account(email), MAX_PER_ACCOUNT, now);
        checkSubject(address(address), MAX_PER_ADDRESS, now);
    }

    public void recordFailure(String email, String address) {
        Instant now = clock.instant();
        failures.record(account(email), now);
        failures.record(address(address), now);
    }

    /** A correct password clears the account's failures; the address keeps its count. */
    public void recordSuccess(String email) {
        failures.clear(account(email));
        failures.purge(clock.instant().minus(WINDOW));
    }

    private void checkSubject(String subject, int max, Instant now) {
        LoginFailures.Window window = failures.since(subject, now.minus(WINDOW));
        if (window.count() >= max) {
            Instant free = window.oldest().orElse(now).plus(WINDOW);
            long seconds = Math.max(1, Duration.between(now, free).toSeconds() + 1);
            throw new ApiException(
                    429,
                    ErrorCodes.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins; try again in " + minutes(seconds) + ".",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
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
