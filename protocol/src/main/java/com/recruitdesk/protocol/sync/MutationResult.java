package com.recruitdesk.protocol.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * What the server decided for one mutation. A rejection is final: the client drops its optimistic
 * effect and shows {@code message}. For a {@code conflict}, {@code current} holds the server's
 * values of the fields in dispute, so the desktop can offer a merge.
 */
public record MutationResult(UUID id, String status, String code, String message, ObjectNode current) {
    public static final String APPLIED = "applied";
    public static final String REJECTED = "rejected";

    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    public static final String INVALID = "invalid";
    public static final String CONFLICT = "conflict";
    /** The server failed on this mutation (a bug, logged with the mutation's id); the rest of its batch applied. */
    public static final String INTERNAL = "internal";

    public static MutationResult applied(UUID id) {
        return new MutationResult(id, APPLIED, null, null, null);
    }

    public static MutationResult rejected(UUID id, String code, String message) {
        return new MutationResult(id, REJECTED, code, message, null);
    }

    @JsonIgnore
    public boolean isApplied() {
        return APPLIED.equals(status);
    }
}
