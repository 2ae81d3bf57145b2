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
 * user; their organization, roles and whether the account is active are the database's as of their
 * current access epoch ({@link CurrentUser}, cached per epoch in {@link AccessCache}), so a
 * deactivated user's token stops working at once and a changed role counts at the next request, not
 * when the token expires.
 */
public final class Authenticator {
    private static final String ATTRIBUTE = "recruitdesk.principal";
    private static final Set<String> OPEN = Set.of(Paths.LOGIN, Paths.REFRESH, Paths.PASSWORD, Paths.VERSION);

    private final AccessTokens tokens;
    private final Database database;
    private final AccessCache cache = new AccessCache();

    public Authenticator(AccessTokens tokens, Database database) {
        this.tokens = tokens;
        this.database = database;
        database.onNotice((channel, payload) -> {
            if (Database.ACCESS_CHANNEL.equals(channel)) {
                accessChanged(payload);
            }
        });
    }

    /** The user as of their current access epoch; empty when they no longer exist. */
    public Optional<CurrentUser> current(UUID userId) {
        return cache.get(userId, () -> database.inTransaction(c -> CurrentUser.read(c, userId)));
    }

    /**
     * A notice of {@code sync_access}: that user's access changed. A payload that is not a user id
     * (or none: notices may have been lost) drops every entry.
     */
    public void accessChanged(String payload) {
        UUID userId = null;
        try {
            userId = payload == null ? null : UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            // not one user's: forget them all below
        }
        if (userId == null) {
            cache.forgetAll();
        } else {
            cache.forget(userId);
        }
    }

    /** The caller proven by {@code token}, as of their current access epoch; a 401 otherwise. */
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
