package com.recruitdesk.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        Long utc = utcMicros(iso);
        if (utc != null) {
            return utc;
        }
        try {
            return ChronoUnit.MICROS.between(Instant.EPOCH, OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The server's own form, {@code 2026-11-25T12:00:00.123456Z}, read without the general parser,
     * which was about a quarter of a first sync's Java time (decision 0049); null for anything else, which the parser then reads.
     */
    private static Long utcMicros(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(n - 1) != 'Z'
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        long fraction = 0;
        if (n > 20) {
            int digitsAfter = n - 21;
            if (s.charAt(19) != '.' || digitsAfter < 1 || digitsAfter > 9) {
                return null;
            }
            int value = digits(s, 20, n - 1);
            if (value < 0) {
                return null;
            }
            fraction = value;
            for (int i = digitsAfter; i < 9; i++) {
                fraction *= 10; // to nanoseconds
            }
        }
        if (year < 0) {
            return null; // not digits: -1 would be a year LocalDateTime accepts
        }
        long seconds;
        try { // LocalDateTime checks every other field's range, 30 February and -1 included
            seconds = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
        // As Instant.until(MICROS) counts: whole nanoseconds, divided toward zero.
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), fraction) / 1_000;
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character there is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
