package com.recruitdesk.protocol.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * One row change in a pull: {@code op} is {@link #UPSERT} with the row as the client stores it
 * (camelCase fields) or {@link #DELETE} with no data, also sent when the user may no longer see the row.
 */
public record Change(String entity, UUID id, String op, long version, ObjectNode data) {
    public static final String UPSERT = "upsert";
    public static final String DELETE = "delete";
}
