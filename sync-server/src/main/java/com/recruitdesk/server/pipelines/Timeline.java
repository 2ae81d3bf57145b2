package com.recruitdesk.server.pipelines;

import com.recruitdesk.server.platform.db.HashChain;
import com.recruitdesk.server.platform.db.Insert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step of an application's history, as the one writer of {@code application_timeline} takes it:
 * every mutation that changes an application, and the demo's pipelines. Entries are hash-chained per
 * application ({@link HashChain}, decision 0025); the caller holds the application's row lock, so
 * two entries never take the same place.
 *
 * @param id null for a new id; the demo gives its stable ones
 * @param field what changed: {@code stage}, a detail column such as {@code follow_up_status},
 *     {@code created}, {@code note}, {@code prescreen}
 * @param previous the value before; null for the first step
 * @param changedBy the user who made the change; null for the system (or the candidate applying)
 * @param at null for now
 */
public record Timeline(
        UUID id,
        UUID organizationId,
        UUID applicationId,
        String field,
        String previous,
        String next,
        UUID changedBy,
        String remarks,
        Instant at) {
    /** The chain: per application, over these columns in this order. */
    public static final HashChain.Spec CHAIN = new HashChain.Spec(
            "application_timeline",
            "application_id",
            List.of(
                    "application_id",
                    "chain_seq",
                    "field",
                    "previous_status",
                    "new_status",
                    "changed_by_user_id",
                    "remarks",
                    "created_at"));

    /** Writes it as the next entry of its application's chain; 0 when its id is taken already. */
    public int append(Connection c, Instant now) throws SQLException {
        return HashChain.append(c, CHAIN, insert(), now);
    }

    /** The entry as its chain's next one, not written yet. */
    public Insert row(Connection c, Instant now) throws SQLException {
        return HashChain.link(c, CHAIN, insert(), now);
    }

    private Insert insert() {
        return Insert.into("application_timeline")
                .set("id", id == null ? UUID.randomUUID() : id)
                .set("organization_id", organizationId)
                .set("application_id", applicationId)
                .set("field", field)
                .set("previous_status", previous)
                .set("new_status", next == null ? "" : next)
                .set("changed_by_user_id", changedBy)
                .set("remarks", remarks)
                .set("created_at", at)
                .set("updated_at", at);
    }
}
