package com.recruitdesk.app.admin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reading synced rows (camelCase JSON as the server sends them) without tripping over nulls. */
final class Rows {
    private Rows() {}

    static List<ObjectNode> of(LocalStore store, String entity) {
        return store.query(
                "select data from current where entity = ?", List.of(entity), rs -> store.parse(rs.getString(1)));
    }

    /** The rows of administration's entities that wait for the server (an optimistic row is shown). */
    static Set<UUID> pending(LocalStore store) {
        return new HashSet<>(store.query(
                "select id from current where pending and entity in (?, ?, ?, ?)",
                List.of(Entities.USER, Entities.WHATSAPP_ACCOUNT, Entities.MESSAGE_TEMPLATE, Entities.SYSTEM_SETTING),
                rs -> UUID.fromString(rs.getString(1))));
    }

    static String text(JsonNode row, String field) {
        JsonNode v = row.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    static UUID uuid(JsonNode row, String field) {
        String s = text(row, field);
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Instant instant(JsonNode row, String field) {
        String s = text(row, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A time as the server writes it into rows. */
    static String format(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
                .toString();
    }
}
