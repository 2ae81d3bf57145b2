package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.MutationResult;

/** A mutator's final "no": its effects are rolled back and the client is told why. */
public final class Rejection extends RuntimeException {
    private final String code;
    private final transient ObjectNode current;

    public Rejection(String code, String message) {
        this(code, message, null);
    }

    public Rejection(String code, String message, ObjectNode current) {
        super(message, null, false, false);
        this.code = code;
        this.current = current;
    }

    public static Rejection forbidden(String message) {
        return new Rejection(MutationResult.FORBIDDEN, message);
    }

    public static Rejection notFound(String what) {
        return new Rejection(MutationResult.NOT_FOUND, what + " does not exist or is not yours to change.");
    }

    public static Rejection invalid(String message) {
        return new Rejection(MutationResult.INVALID, message);
    }

    public String code() {
        return code;
    }

    public ObjectNode current() {
        return current;
    }
}
