package com.recruitdesk.server.conversations;

import com.recruitdesk.server.platform.db.Insert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** The one writer of new {@code canned_responses}: {@code cannedResponse.save} and the demo's quick replies. */
public final class CannedResponses {
    private CannedResponses() {}

    /**
     * Inserts the canned response {@code id}; 0 when that id is taken already (by any organization).
     * {@code createdAt} null is now.
     */
    public static int insert(
            Connection c, UUID id, UUID organization, String shortcut, String body, UUID createdBy, Instant createdAt)
            throws SQLException {
        return Insert.into("canned_responses")
                .set("id", id)
                .set("organization_id", organization)
                .set("shortcut", shortcut)
                .set("body", body)
                .set("created_by_user_id", createdBy)
                .set("created_at", createdAt)
                .set("updated_at", createdAt)
                .orSkipExistingId()
                .execute(c);
    }
}
