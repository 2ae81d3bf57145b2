package com.recruitdesk.server.pipelines;

import com.recruitdesk.server.platform.db.Insert;
import java.time.Instant;
import java.util.UUID;

/**
 * One step of an application's history, as the one writer of {@code application_timeline} takes it:
 * {@code application.move} and the demo's pipelines.
 *
 * @param id null for a new id; the demo gives its stable ones
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
    public Insert insert() {
        return Insert.into("application_timeline")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("application_id", applicationId)
                .set("field", field)
                .set("previous_status", previous)
                .set("new_status", next)
                .set("changed_by_user_id", changedBy)
                .set("remarks", remarks)
                .set("created_at", at)
                .set("updated_at", at);
    }
}
