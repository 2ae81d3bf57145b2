package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reading the fields of synced rows (camelCase JSON) without tripping over nulls. */
final class RowFields {
    private RowFields() {}

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

    static Integer integer(JsonNode row, String field) {
        JsonNode v = row.path(field);
        return v.isNumber() ? v.asInt() : null;
    }

    static Instant instant(JsonNode row, String field) {
        String iso = text(row, field);
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate date(JsonNode row, String field) {
        String iso = text(row, field);
        try {
            return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The name to show for a person's row. */
    static String personName(JsonNode person) {
        if (person == null) {
            return "Unknown person";
        }
        for (String f : new String[] {"fullName", "whatsappName", "firstName", "email", "whatsappId"}) {
            String v = text(person, f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "Unknown person";
    }
}
