package com.recruitdesk.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Reading the fields of synced rows (camelCase JSON as the server wrote them) without tripping over
 * nulls or unreadable values: every feature's reads use these, so a field reads the same in every pane.
 */
public final class RowValues {
    private RowValues() {}

    public static String text(JsonNode row, String field) {
        JsonNode v = row.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    public static UUID uuid(JsonNode row, String field) {
        return uuidOrNull(text(row, field));
    }

    /** A UUID as rows hold it, or null when there is none or it is not one. */
    public static UUID uuidOrNull(String s) {
        try {
            return uuid(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A column of the store that holds a UUID or null. */
    public static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s);
    }

    public static Integer integer(JsonNode row, String field) {
        JsonNode v = row.path(field);
        return v.isNumber() ? v.asInt() : null;
    }

    /** A number the server may send as JSON number or as text (numeric columns: "4.0", 4.5); null when absent. */
    public static Double number(JsonNode row, String field) {
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

    public static Instant instant(JsonNode row, String field) {
        return instant(text(row, field));
    }

    public static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static LocalDate date(JsonNode row, String field) {
        return date(text(row, field));
    }

    /** An ISO date as rows hold it, or null when there is none or it is not one. */
    public static LocalDate date(String iso) {
        try {
            return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A time as the server writes it into rows (ISO-8601, microseconds, UTC). */
    public static String format(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
                .toString();
    }
}
