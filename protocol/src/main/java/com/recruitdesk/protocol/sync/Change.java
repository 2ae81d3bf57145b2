package com.recruitdesk.protocol.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * One row change in a pull: {@code op} is {@link #UPSERT} with the row as the client stores it
 * (camelCase fields) or {@link #DELETE} with no data, also sent when the user may no longer see the row.
 * {@code seq} is the change's place in the feed; with {@code version} it says which of two changes of
 * one row is the newer ({@link ChangeOrder}).
 */
public record Change(String entity, UUID id, String op, long version, ObjectNode data, long seq) {
    public static final String UPSERT = "upsert";
    public static final String DELETE = "delete";

    /** A change without a feed place (tests, optimistic rows): ordered by its version alone. */
    public Change(String entity, UUID id, String op, long version, ObjectNode data) {
        this(entity, id, op, version, data, 0);
    }

    @JsonIgnore
    public boolean isDelete() {
        return DELETE.equals(op) || data == null;
    }
}
