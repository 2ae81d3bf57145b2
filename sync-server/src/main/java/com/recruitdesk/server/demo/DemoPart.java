package com.recruitdesk.server.demo;

import com.recruitdesk.server.platform.db.Insert;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the parts of the demo dataset share: the organization, its staff, the time the dataset is
 * placed around, and the one list of rows they append to, parents before children. Each row is
 * written when the dataset loads, through the writer of its table (the ones the mutations and
 * webhooks use), so a row may still be changed after it was added.
 */
abstract class DemoPart {
    /** One row's write; 1 when written, 0 when it was there already. */
    @FunctionalInterface
    interface Write {
        int run(Connection c) throws SQLException;
    }

    final DemoDataset.Staff staff;
    final UUID org;
    final Instant now;
    private final List<Write> writes;

    /** The first part: starts an empty list of rows. */
    DemoPart(DemoDataset.Staff staff, Instant now) {
        this.staff = staff;
        this.org = staff.organizationId();
        this.now = now.truncatedTo(ChronoUnit.MICROS);
        this.writes = new ArrayList<>();
    }

    /** A further part appending to the same rows. */
    DemoPart(DemoPart shared) {
        this.staff = shared.staff;
        this.org = shared.org;
        this.now = shared.now;
        this.writes = shared.writes;
    }

    List<Write> writes() {
        return writes;
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

    /** Adds a row's write; it runs when the dataset loads, after the rows added before it. */
    void write(Write write) {
        writes.add(write);
    }

    /**
     * A row of a table no feature writes yet (jobs, interviews, cohorts, leads: their features come
     * with their own issues), with its stable id, its times and the organization set.
     */
    Insert row(String table, String kind, Object key, Instant createdAt) {
        Insert insert = Insert.into(table)
                .set("id", id(kind, key))
                .set("organization_id", org)
                .set("created_at", createdAt)
                .set("updated_at", createdAt)
                .orSkipExistingId();
        write(insert::execute);
        return insert;
    }

    /** The id a {@link #row} was given. */
    static UUID idOf(Insert row) {
        return (UUID) row.get("id");
    }

    /** The two demo recruiters share the work: even people go to the first, odd to the second. */
    UUID recruiterFor(int i) {
        return i % 2 == 0 ? staff.recruiter() : staff.recruiter2();
    }
}
