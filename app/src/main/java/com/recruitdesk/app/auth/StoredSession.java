package com.recruitdesk.app.auth;

import java.util.UUID;

/** What the app keeps between runs so the next start needs no password. */
public record StoredSession(String server, String email, UUID userId, String fullName, String refreshToken) {
    public StoredSession withRefreshToken(String token) {
        return new StoredSession(server, email, userId, fullName, token);
    }

    @Override
    public String toString() {
        return "StoredSession[server=" + server + ", email=" + email + ", refreshToken=<hidden>]";
    }
}
