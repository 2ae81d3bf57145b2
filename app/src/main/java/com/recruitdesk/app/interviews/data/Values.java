package com.recruitdesk.app.interviews.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Reading the fields of synced rows (camelCase JSON as the server wrote them) without tripping over nulls. */
final class Values {
    private Values() {}

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

    /** A rating the server keeps as numeric(2,1) ("4.0", 4.5); null when not rated. */
    static Double number(JsonNode row, String field) {
        JsonNode v = row.path(field);
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.valueOf(v.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A time as the server writes it into rows (ISO-8601, microseconds, UTC). */
    static String format(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
                .toString();
    }
}
