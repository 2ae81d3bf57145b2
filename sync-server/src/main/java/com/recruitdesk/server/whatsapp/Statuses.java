package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies delivery statuses to outbound messages. Statuses only move forward (queued → sent →
 * delivered → read); {@code failed} is final, keeps Meta's error code and title (details in the
 * payload's {@code error}), and is shown even after "delivered" ({@code payload.failedAfter}).
 * A status for a message we do not know yet is kept and applied when the message gets its id.
 */
final class Statuses {
    private final ObjectMapper mapper;

    Statuses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static int rank(String status) {
        return switch (status) {
            case "queued" -> 0;
            case "sent" -> 1;
            case "delivered" -> 2;
            case "read" -> 3;
            case "failed" -> 4;
            default -> -1;
        };
    }

    void apply(Connection c, UUID accountId, StatusEvent e) throws SQLException {
        if (e.providerId() == null || !e.isDeliveryState()) {
            return;
        }
        Current current = lock(c, accountId, e.providerId());
        if (current == null
                && e.ourMessageId().isPresent()
                && link(c, accountId, e.ourMessageId().get(), e.providerId())) {
            current = lock(c, accountId, e.providerId());
        }
        if (current == null) {
            keepPending(c, accountId, e);
            return;
        }
        advance(c, current, e);
    }

    /** Applies, then forgets, the statuses that arrived before the message had {@code providerId}. */
    void applyPending(Connection c, UUID accountId, String providerId) throws SQLException {
        List<StatusEvent> pending = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                delete from whatsapp_pending_statuses where whatsapp_account_id = ? and provider_message_id = ?
                returning status, occurred_at, error::text
                """)) {
            ps.setObject(1, accountId);
            ps.setString(2, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String error = rs.getString(3);
                    pending.add(new StatusEvent(
                            providerId,
                            rs.getString(1),
                            rs.getTimestamp(2).toInstant(),
                            error == null ? null : (ObjectNode) readTree(error),
                            null));
                }
            }
        }
        pending.sort(java.util.Comparator.comparingInt(p -> rank(p.status())));
        for (StatusEvent e : pending) {
            apply(c, accountId, e);
        }
    }

    private record Current(UUID id, String status) {}

    private static Current lock(Connection c, UUID accountId, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select id, status from messages
                 where whatsapp_account_id = ? and provider_message_id = ? and direction = 'outbound'
                   for update
                """)) {
            ps.setObject(1, accountId);
            ps.setString(2, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Current(rs.getObject(1, UUID.class), rs.getString(2)) : null;
            }
        }
    }

    /** A status naming our message id links a send whose answer we never got (a time-out). */
    private static boolean link(Connection c, UUID accountId, UUID messageId, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update messages set provider_message_id = ?
                 where id = ? and whatsapp_account_id = ? and direction = 'outbound' and provider_message_id is null
                """)) {
            ps.setString(1, providerId);
            ps.setObject(2, messageId);
            ps.setObject(3, accountId);
            return ps.executeUpdate() == 1;
        }
    }

    private void keepPending(Connection c, UUID accountId, StatusEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into whatsapp_pending_statuses (whatsapp_account_id, provider_message_id, status, occurred_at, error)
                values (?, ?, ?, ?, ?::jsonb)
                on conflict do nothing
                """)) {
            ps.setObject(1, accountId);
            ps.setString(2, e.providerId());
            ps.setString(3, e.status());
            ps.setTimestamp(4, Timestamp.from(e.at()));
            ps.setString(5, e.error() == null ? null : e.error().toString());
            ps.executeUpdate();
        }
    }

    private void advance(Connection c, Current current, StatusEvent e) throws SQLException {
        if ("failed".equals(current.status())) {
            return; // final
        }
        if ("failed".equals(e.status())) {
            fail(c, current, e);
            return;
        }
        if (rank(e.status()) <= rank(current.status())) {
            return; // late or repeated: statuses only move forward
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update messages
                   set status = ?,
                       delivered_at = case when ? in ('delivered', 'read') then coalesce(delivered_at, ?) else delivered_at end,
                       read_at = case when ? = 'read' then coalesce(read_at, ?) else read_at end
                 where id = ?
                """)) {
            Timestamp at = Timestamp.from(e.at());
            ps.setString(1, e.status());
            ps.setString(2, e.status());
            ps.setTimestamp(3, at);
            ps.setString(4, e.status());
            ps.setTimestamp(5, at);
            ps.setObject(6, current.id());
            ps.executeUpdate();
        }
    }

    private void fail(Connection c, Current current, StatusEvent e) throws SQLException {
        ObjectNode error = e.error() == null ? mapper.createObjectNode() : e.error();
        ObjectNode patch = mapper.createObjectNode();
        patch.set("error", error);
        if (rank(current.status()) >= rank("delivered")) {
            patch.put("failedAfter", current.status());
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update messages
                   set status = 'failed', error_code = ?, error_title = ?, payload = coalesce(payload, '{}'::jsonb) || ?::jsonb
                 where id = ?
                """)) {
            ps.setInt(1, error.path("code").asInt(0));
            ps.setString(2, error.path("title").asText(error.path("message").asText("Failed")));
            ps.setString(3, patch.toString());
            ps.setObject(4, current.id());
            ps.executeUpdate();
        }
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String json) throws SQLException {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException ex) {
            throw new SQLException("unreadable pending status error: " + json, ex);
        }
    }
}
