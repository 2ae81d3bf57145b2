package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.platform.db.Insert;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The one writer of {@code activity_logs}: every state change a person makes (through
 * {@link MutationContext#logActivity}) and what the system did on its own that staff should review
 * (a WhatsApp identity merged, a number moved).
 *
 * @param organizationId the organization it happened in
 * @param userId who did it; null for the system
 * @param action the mutation's name, or a system event such as {@code whatsapp.identity_merged}
 * @param severity {@code info} (the column's default when null), {@code warn}, ...
 * @param ipAddress the address the request came from; null for what the system did by itself
 */
public record ActivityLog(
        UUID organizationId,
        UUID userId,
        String action,
        String severity,
        String entityType,
        UUID entityId,
        String description,
        JsonNode details,
        String ipAddress) {
    /** What the system did on its own: no request, no address. */
    public ActivityLog(
            UUID organizationId,
            UUID userId,
            String action,
            String severity,
            String entityType,
            UUID entityId,
            String description,
            JsonNode details) {
        this(organizationId, userId, action, severity, entityType, entityId, description, details, null);
    }

    public void write(Connection c) throws SQLException {
        insert().execute(c);
    }

    /** Writes {@code logs} in one batch (a group commit's, decision 0043). */
    static void writeAll(Connection c, List<ActivityLog> logs) throws SQLException {
        if (!logs.isEmpty()) {
            Insert.executeAll(c, logs.stream().map(ActivityLog::insert).toList());
        }
    }

    private Insert insert() {
        return Insert.into("activity_logs")
                .set("organization_id", organizationId)
                .set("user_id", userId)
                .set("action_type", action)
                .set("severity", severity)
                .set("entity_type", entityType)
                .set("entity_id", entityId)
                .set("description", description)
                .json("details", details)
                .set("ip_address", ipAddress);
    }
}
