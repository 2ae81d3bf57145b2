package com.recruitdesk.app.api;

import java.time.Duration;
import java.util.Optional;

/** The server answered with an error: its status, stable code and sentence for people. */
public final class ApiFailure extends Exception {
    private final int status;
    private final String code;
    private final Duration retryAfter;

    public ApiFailure(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The server is down or busy (5xx, 429): worth trying again later, unlike a refusal. */
    public boolean unavailable() {
        return status >= 500 || status == 429;
    }

    /**
     * 502, 503 or 504: the server is stopping, starting or without its database, or a proxy cannot
     * reach it — a state that passes by itself, unlike a 500 (a fault) or a 429 (slow down).
     */
    public boolean passing() {
        return status == 502 || status == 503 || status == 504;
    }

    /** The server no longer serves this desktop's protocol (426): only installing a newer version helps. */
    public boolean clientTooOld() {
        return status == 426;
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
