package com.recruitdesk.server.platform;

/** Start-up could not complete; the message is one sentence telling the operator what to fix. */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupException(String message) {
        super(message);
    }

    /** The innermost cause's message: the sentence that says what went wrong, without the wrapping. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
