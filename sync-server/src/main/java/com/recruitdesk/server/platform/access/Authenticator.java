package com.recruitdesk.server.platform.access;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.platform.http.ApiException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** Guards every API route but the few a caller without a token must reach. */
public final class Authenticator {
    private static final String ATTRIBUTE = "recruitdesk.principal";
    private static final Set<String> OPEN = Set.of(Paths.LOGIN, Paths.REFRESH, Paths.PASSWORD, Paths.VERSION);

    private final AccessTokens tokens;

    public Authenticator(AccessTokens tokens) {
        this.tokens = tokens;
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
        ctx.attribute(ATTRIBUTE, tokens.verify(header.substring(7).trim()));
    }

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("route is not behind the authenticator");
        }
        return principal;
    }
}
