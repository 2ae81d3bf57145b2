package com.recruitdesk.server.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where a page of the activity log ended: the time and id of its last line, as
 * {@code <epoch microseconds>_<id>} (PostgreSQL keeps microseconds, so the next page starts exactly
 * after it, also among lines of the same instant).
 */
record ActivityCursor(Instant at, UUID id) {
    static ActivityCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int sep = text.indexOf('_');
        try {
            long micros = Long.parseLong(text.substring(0, sep));
            return new ActivityCursor(
                    Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(text.substring(sep + 1)));
        } catch (RuntimeException e) {
            throw ActivityFilter.bad("'before' is not a cursor this server gave.");
        }
    }

    String text() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "_" + id;
    }
}
