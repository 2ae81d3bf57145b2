package com.recruitdesk.server;

/** Start-up could not complete; the message is one sentence telling the operator what to fix. */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupException(String message) {
        super(message);
    }
}
