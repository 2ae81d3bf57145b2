package com.recruitdesk.server.demo;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.whatsapp.MediaDownloads;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes the demo organization's working data (WhatsApp numbers, people, conversations, jobs,
 * applications, interviews, institutions and cohorts, canned responses, leads) in one transaction,
 * through the same row writers the mutations and webhooks use. Every row has an id derived from the
 * organization and its place in the dataset, and only missing rows are inserted, so loading twice
 * changes nothing.
 */
final class DemoDataset {
    private final Database db;

    DemoDataset(Database db) {
        this.db = db;
    }

    /** The demo organization and the staff who own, answer and interview. */
    record Staff(
            UUID organizationId,
            UUID admin,
            UUID manager,
            UUID recruiter,
            UUID recruiter2,
            UUID interviewer,
            UUID interviewer2,
            UUID sales) {}

    /**
     * @param inserted rows written by this load; 0 when the dataset was there already
     * @param institutionIds the demo institutions, first one first (the institution admin's)
     */
    record Loaded(int inserted, List<UUID> institutionIds) {
        Loaded {
            institutionIds = List.copyOf(institutionIds);
        }
    }

    /** Inserts whatever of the dataset is missing; times are placed relative to {@code now}. */
    Loaded load(Staff staff, Instant now) throws SQLException {
        DemoPart first = new DemoPart(staff, now) {};
        DemoInbox inbox = new DemoInbox(first);
        new DemoPipeline(first, inbox.people(), inbox.numbers());
        DemoCohorts cohorts = new DemoCohorts(first, inbox.people());
        new DemoCrm(first);
        return db.transaction(c -> {
            // Instances starting together load one after the other.
            Sql.one(c, "select pg_advisory_xact_lock(4712)", rs -> true);
            int inserted = 0;
            for (DemoPart.Write write : first.writes()) {
                inserted += write.run(c);
            }
            queueMedia(c, staff.organizationId());
            return new Loaded(inserted, cohorts.institutionIds());
        });
    }

    /**
     * The demo's photos, CVs and voice notes are fetched by the WhatsApp media task, from the
     * simulator, like any inbound media; a file fetched or given up on is not asked for again.
     */
    private static void queueMedia(Connection c, UUID organization) throws SQLException {
        MediaDownloads.queueUnfetched(c, organization);
    }
}
