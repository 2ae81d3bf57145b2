package com.recruitdesk.protocol.auth;

/** {@code POST /api/v1/auth/refresh} and {@code POST /api/v1/auth/logout}. */
public record RefreshRequest(String refreshToken) {
    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=<hidden>]";
    }
}
