package com.recruitdesk.protocol.auth;

import java.time.Instant;

/**
 * Answer to login and refresh. The access token is short-lived and sent as {@code Authorization:
 * Bearer}; the refresh token is single-use and must be replaced by the one returned with it.
 */
public record TokenResponse(
        String accessToken,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt,
        UserInfo user) {
    @Override
    public String toString() {
        return "TokenResponse[user=" + user + ", tokens=<hidden>]";
    }
}
