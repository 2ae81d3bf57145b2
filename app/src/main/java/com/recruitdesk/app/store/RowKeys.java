package com.recruitdesk.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a row sits in the lists panes show: the row it belongs under and the time it sorts by, in
 * epoch microseconds, as its feature's {@link EntityIndex} says. Computed in Java when a row is
 * written, so the store can index and page them without parsing JSON in SQL (the server may send
 * times with any UTC offset, which text order would get wrong).
 */
record RowKeys(String parent, Long sortKey) {
    static RowKeys of(EntityIndex rule, JsonNode data) {
        String parent = rule.parentField() == null ? null : RowValues.text(data, rule.parentField());
        Long sort = null;
        for (String field : rule.timeFields()) {
            sort = micros(RowValues.text(data, field));
            if (sort != null) {
                break;
            }
        }
        return new RowKeys(parent, sort);
    }

    /** An ISO-8601 time with offset as epoch microseconds, or null when absent or unreadable. */
    static Long micros(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return ChronoUnit.MICROS.between(Instant.EPOCH, OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
