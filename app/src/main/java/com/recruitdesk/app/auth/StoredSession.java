package com.recruitdesk.app.auth;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.protocol.auth.TokenResponse;
import java.util.List;
import java.util.UUID;

/**
 * What the app keeps between runs so the next start needs no password: the server, who signed in
 * (with the roles the server last gave, so the right panes open before any network), and the
 * refresh token. A file written before roles were kept reads with none.
 */
public record StoredSession(
        String server, String email, UUID userId, String fullName, String refreshToken, List<Role> roles) {
    public StoredSession {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public StoredSession(String server, String email, UUID userId, String fullName, String refreshToken) {
        this(server, email, userId, fullName, refreshToken, List.of());
    }

    /** The session a sign-in just made. */
    public static StoredSession signedIn(String server, TokenResponse tokens) {
        return new StoredSession(
                server,
                tokens.user().email(),
                tokens.user().id(),
                tokens.user().fullName(),
                tokens.refreshToken(),
                roles(tokens));
    }

    public StoredSession withRefreshToken(String token) {
        return new StoredSession(server, email, userId, fullName, token, roles);
    }

    /** The roles the synced row of the user now has (an administrator changed them). */
    public StoredSession withRoles(List<Role> changed) {
        return new StoredSession(server, email, userId, fullName, refreshToken, changed);
    }

    /** After a refresh: the new token, and the name and roles the server answered with. */
    public StoredSession withTokens(TokenResponse tokens) {
        if (tokens.user() == null) {
            return withRefreshToken(tokens.refreshToken());
        }
        return new StoredSession(server, email, userId, tokens.user().fullName(), tokens.refreshToken(), roles(tokens));
    }

    private static List<Role> roles(TokenResponse tokens) {
        return tokens.user().roles().stream().map(RoleGrant::role).distinct().toList();
    }

    @Override
    public String toString() {
        return "StoredSession[server=" + server + ", email=" + email + ", roles=" + roles + ", refreshToken=<hidden>]";
    }
}
