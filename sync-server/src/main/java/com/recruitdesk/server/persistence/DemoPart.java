package com.recruitdesk.server.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the parts of the demo dataset share: the organization, its staff, the time the dataset is
 * placed around, and the one list of rows they append to, parents before children.
 */
abstract class DemoPart {
    final DemoDataset.Staff staff;
    final UUID org;
    final Instant now;
    private final List<SyncedRow> rows;

    /** The first part: starts an empty list of rows. */
    DemoPart(DemoDataset.Staff staff, Instant now) {
        this.staff = staff;
        this.org = staff.organizationId();
        this.now = now.truncatedTo(ChronoUnit.MICROS);
        this.rows = new ArrayList<>();
    }

    /** A further part appending to the same rows. */
    DemoPart(DemoPart shared) {
        this.staff = shared.staff;
        this.org = shared.org;
        this.now = shared.now;
        this.rows = shared.rows;
    }

    List<SyncedRow> rows() {
        return rows;
    }

    /** The same id for the same row of the same organization, on every load. */
    UUID id(String kind, Object key) {
        return UUID.nameUUIDFromBytes(("demo/" + org + "/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8));
    }

    Instant ago(Duration d) {
        return now.minus(d);
    }

    static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    <T extends SyncedRow> T add(T row, String kind, Object key, Instant createdAt) {
        row.id = id(kind, key);
        row.createdAt = createdAt;
        row.updatedAt = createdAt;
        rows.add(row);
        return row;
    }

    /** The two demo recruiters share the work: even people go to the first, odd to the second. */
    UUID recruiterFor(int i) {
        return i % 2 == 0 ? staff.recruiter() : staff.recruiter2();
    }
}
