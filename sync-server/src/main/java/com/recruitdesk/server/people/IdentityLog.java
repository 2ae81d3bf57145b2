package com.recruitdesk.server.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes what identity reconciliation did to a person into {@code activity_logs} as a system event,
 * so staff see why a number moved or two people became one, and can review what a merge left.
 */
final class IdentityLog {
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
        String[] keys = new String[details.length / 2];
        String[] values = new String[details.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = details[2 * i];
            values[i] = details[2 * i + 1];
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into activity_logs (organization_id, action_type, severity, entity_type, entity_id, description,
                                           details)
                values (?, ?, ?, 'candidate', ?, ?, jsonb_strip_nulls(jsonb_object(?::text[], ?::text[])))
                """)) {
            ps.setObject(1, organization);
            ps.setString(2, action);
            ps.setString(3, severity);
            ps.setObject(4, candidate);
            ps.setString(5, description);
            ps.setArray(6, c.createArrayOf("text", keys));
            ps.setArray(7, c.createArrayOf("text", values));
            ps.executeUpdate();
        }
    }
}
