package com.recruitdesk.protocol.auth;

/** {@code POST /api/v1/auth/login}. */
public record LoginRequest(String email, String password) {
    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", password=<hidden>]";
    }
}
