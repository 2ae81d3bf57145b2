package com.recruitdesk.app.api;

/** The refresh token no longer works (expired, signed out elsewhere, or revoked): sign in again. */
public final class SessionEnded extends Exception {
    public SessionEnded(String message) {
        super(message);
    }
}
