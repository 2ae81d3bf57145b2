package com.recruitdesk.server.conversations;

import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** The one writer of {@code candidate_tags}: {@code candidate.tag} and the demo's tags. */
public final class CandidateTags {
    private CandidateTags() {}

    /** Tags the person; 0 when they had the tag already. {@code at} null is now. */
    public static int add(Connection c, UUID organization, UUID candidate, String tag, Instant at) throws SQLException {
        return add(c, null, organization, candidate, tag, at);
    }

    /** As {@link #add(Connection, UUID, UUID, String, Instant)} under a given row id (the demo's stable ids). */
    public static int add(Connection c, UUID id, UUID organization, UUID candidate, String tag, Instant at)
            throws SQLException {
        return Insert.into("candidate_tags")
                .set("id", id)
                .set("organization_id", organization)
                .set("candidate_id", candidate)
                .set("tag", tag)
                .set("created_at", at)
                .set("updated_at", at)
                .orSkip()
                .execute(c);
    }

    /** Removes the tag; 0 when the person did not have it. */
    public static int remove(Connection c, UUID candidate, String tag) throws SQLException {
        return Sql.update(c, "delete from candidate_tags where candidate_id = ? and tag = ?", candidate, tag);
    }
}
