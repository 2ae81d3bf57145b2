package com.recruitdesk.server.platform.http;

import java.util.Map;

/** A request that ends with an error response: a status, a stable code and a sentence for people. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
