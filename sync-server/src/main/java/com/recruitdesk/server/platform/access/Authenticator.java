package com.recruitdesk.server.platform.access;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.http.ApiException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Guards every API route but the few a caller without a token must reach. A valid token names the
 * user; their organization, roles and whether the account is active are read from the database on
 * each request ({@link CurrentUser}), so a deactivated user's token stops working at once and a
 * changed role counts at the next request, not when the token expires.
 */
public final class Authenticator {
    private static final String ATTRIBUTE = "recruitdesk.principal";
    private static final Set<String> OPEN = Set.of(Paths.LOGIN, Paths.REFRESH, Paths.PASSWORD, Paths.VERSION);

    private final AccessTokens tokens;
    private final Database database;

    public Authenticator(AccessTokens tokens, Database database) {
        this.tokens = tokens;
        this.database = database;
    }

    /** The user as the database has them now; empty when they no longer exist. */
    public Optional<CurrentUser> current(UUID userId) {
        return database.inTransaction(c -> CurrentUser.read(c, userId));
    }

    /** The caller proven by {@code token}, as the database has them now; a 401 otherwise. */
    public Principal verify(String token) {
        Principal claimed = tokens.verify(token);
        CurrentUser user = current(claimed.userId())
                .orElseThrow(() -> new ApiException(401, ErrorCodes.UNAUTHORIZED, "This account no longer exists."));
        if (!user.active()) {
            throw new ApiException(
                    401, ErrorCodes.ACCOUNT_INACTIVE, "This account has been deactivated; ask an administrator.");
        }
        return user.principal();
    }

    /** A before-handler for {@code /api/*}. */
    public void authenticate(Context ctx) {
        if (OPEN.contains(ctx.path()) || "OPTIONS".equals(ctx.method().name())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() == 7) {
            throw new ApiException(
                    401,
                    ErrorCodes.UNAUTHORIZED,
                    "Sign in first: this request needs an access token.",
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        ctx.attribute(ATTRIBUTE, verify(header.substring(7).trim()));
    }

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("route is not behind the authenticator");
        }
        return principal;
    }
}
