package com.recruitdesk.app.api;

/**
 * The refresh token no longer works (expired, signed out elsewhere, or revoked): sign in again.
 * {@link #deactivated()} when the server said the account itself was deactivated.
 */
public final class SessionEnded extends Exception {
    private final boolean deactivated;

    public SessionEnded(String message) {
        this(message, false);
    }

    public SessionEnded(String message, boolean deactivated) {
        super(message);
        this.deactivated = deactivated;
    }

    public boolean deactivated() {
        return deactivated;
    }
}
