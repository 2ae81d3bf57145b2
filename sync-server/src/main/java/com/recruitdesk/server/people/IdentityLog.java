package com.recruitdesk.server.people;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.platform.sync.ActivityLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes what identity reconciliation did to a person into {@code activity_logs} as a system event,
 * so staff see why a number moved or two people became one, and can review what a merge left.
 */
final class IdentityLog {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private IdentityLog() {}

    /** {@code details} are name, value pairs; null values are left out. */
    static void write(
            Connection c,
            UUID organization,
            UUID candidate,
            String action,
            String severity,
            String description,
            String... details)
            throws SQLException {
        ObjectNode fields = JSON.objectNode();
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i + 1] != null) {
                fields.put(details[i], details[i + 1]);
            }
        }
        new ActivityLog(organization, null, action, severity, Entities.CANDIDATE, candidate, description, fields)
                .write(c);
    }
}
