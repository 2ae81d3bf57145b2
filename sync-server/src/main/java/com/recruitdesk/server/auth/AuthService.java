package com.recruitdesk.server.auth;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.admin.UserRules;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.auth.UserInfo;
import com.recruitdesk.server.platform.access.AccessTokens;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in, refresh-token rotation and sign-out. Passwords and tokens are never logged. */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    public static final Duration REFRESH_TTL = Duration.ofDays(30);
    /**
     * How long a spent refresh token may be presented again for the same answer: a client whose
     * response was lost retries at once; a thief with a copied token is rarely that quick.
     */
    public static final Duration RETRY_GRACE = Duration.ofSeconds(10);
    /** One sentence whether the email exists or not, so the answer reveals no account. */
    static final String WRONG_CREDENTIALS = "The email or password is not correct.";

    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;

    public AuthService(
            Accounts accounts,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            PasswordHasher hasher,
            LoginThrottle throttle,
            Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
    }

    public TokenResponse login(String email, String password, String address) {
        Account account = verify(email, password, address);
        if (account.passwordChangeRequired()) {
            throw new ApiException(
                    403,
                    ErrorCodes.PASSWORD_CHANGE_REQUIRED,
                    "This password was given to you to sign in once: choose your own to continue.");
        }
        return session(account, address);
    }

    /**
     * Replaces the user's password, proven by the current one (how a temporary password is turned into
     * the user's own), and signs them in as {@link #login} does.
     */
    public TokenResponse changePassword(String email, String currentPassword, String newPassword, String address) {
        Account account = verify(email, currentPassword, address);
        UserRules.passwordProblem(newPassword).ifPresent(problem -> {
            throw new ApiException(400, ErrorCodes.INVALID, problem);
        });
        if (newPassword.equals(currentPassword)) {
            throw new ApiException(400, ErrorCodes.INVALID, "Choose a password other than the one you were given.");
        }
        accounts.changePassword(account.id(), hasher.hash(newPassword));
        LOG.info("{} chose a new password", account.email());
        return session(account, address);
    }

    /** The active account whose password this is; a 401 (counted by the throttle) otherwise. */
    private Account verify(String email, String password, String address) {
        String normalized = Accounts.normalizeEmail(email);
        LoginFailures.Reservation attempt = throttle.attempt(normalized, address);
        Optional<Account> found = accounts.findByEmail(normalized);
        boolean ok;
        try {
            if (found.isPresent()) {
                ok = hasher.matches(password, found.get().passwordHash())
                        && found.get().active();
            } else {
                hasher.burnVerification(password);
                ok = false;
            }
        } catch (ApiException busy) {
            throttle.notTried(attempt); // no password was checked: not a failure
            throw busy;
        }
        if (!ok) {
            LOG.info("Failed sign-in for {} from {}", normalized, address);
            throw new ApiException(401, ErrorCodes.UNAUTHORIZED, WRONG_CREDENTIALS);
        }
        throttle.succeeded(normalized, attempt);
        return found.get();
    }

    private TokenResponse session(Account account, String address) {
        Instant now = clock.instant();
        accounts.recordLogin(account.id(), now);
        String refresh = RefreshTokenCodec.newToken();
        Instant refreshExpires = now.plus(REFRESH_TTL);
        refreshTokens.startFamily(account.id(), RefreshTokenCodec.hash(refresh), refreshExpires);
        LOG.info("{} signed in from {}", account.email(), address);
        return tokens(account, refresh, refreshExpires);
    }

    public TokenResponse refresh(String presented) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(presented, REFRESH_TTL, RETRY_GRACE);
        return switch (rotation.outcome()) {
            case ROTATED -> {
                Account account = accounts.findById(rotation.userId())
                        .filter(Account::active)
                        .orElseThrow(() -> new ApiException(
                                401,
                                ErrorCodes.ACCOUNT_INACTIVE,
                                "This account has been deactivated; ask an administrator."));
                // Issued as of the successor's own time and id, so a retried refresh gets the same pair.
                AccessTokens.Issued access = accessTokens.issue(
                        new Principal(account.id(), account.organizationId(), account.roles()),
                        rotation.issuedAt(),
                        rotation.nextId());
                yield new TokenResponse(
                        access.token(), access.expiresAt(), rotation.next(), rotation.nextExpiresAt(), info(account));
            }
            case REUSED -> {
                LOG.warn(
                        "A spent refresh token of user {} was presented again; its family is revoked",
                        rotation.userId());
                throw new ApiException(
                        401,
                        ErrorCodes.UNAUTHORIZED,
                        "This refresh token was already used; every session it started is signed out. Sign in again.");
            }
            case EXPIRED ->
                throw new ApiException(401, ErrorCodes.UNAUTHORIZED, "The session has expired; sign in again.");
            case REVOKED ->
                throw new ApiException(401, ErrorCodes.UNAUTHORIZED, "The session was signed out; sign in again.");
            case UNKNOWN ->
                throw new ApiException(401, ErrorCodes.UNAUTHORIZED, "The refresh token is not valid; sign in again.");
        };
    }

    /** Signs out the session the refresh token belongs to; a token of another user changes nothing. */
    public void logout(Principal principal, String refreshToken) {
        if (!refreshTokens.revokeFamilyOf(RefreshTokenCodec.hash(refreshToken), principal.userId())) {
            throw new ApiException(404, ErrorCodes.NOT_FOUND, "No session of yours has this refresh token.");
        }
    }

    public UserInfo me(Principal principal) {
        return accounts.findById(principal.userId())
                .map(AuthService::info)
                .orElseThrow(() -> new ApiException(401, ErrorCodes.UNAUTHORIZED, "This account no longer exists."));
    }

    private TokenResponse tokens(Account account, String refresh, Instant refreshExpires) {
        AccessTokens.Issued access =
                accessTokens.issue(new Principal(account.id(), account.organizationId(), account.roles()));
        return new TokenResponse(access.token(), access.expiresAt(), refresh, refreshExpires, info(account));
    }

    static UserInfo info(Account a) {
        return new UserInfo(a.id(), a.organizationId(), a.email(), a.fullName(), a.roles());
    }
}
