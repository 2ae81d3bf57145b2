package com.recruitdesk.app.conversations.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Reading the fields of synced rows (camelCase JSON) without tripping over nulls. */
final class Fields {
    private Fields() {}

    static String text(JsonNode row, String field) {
        JsonNode v = row.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    static UUID uuid(JsonNode row, String field) {
        try {
            return uuid(text(row, field));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A column of the store that holds a UUID or null. */
    static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s);
    }

    static Instant instant(JsonNode row, String field) {
        return instant(text(row, field));
    }

    static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A time as the server writes it into rows (ISO-8601, microseconds, UTC). */
    static String format(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
                .toString();
    }
}
