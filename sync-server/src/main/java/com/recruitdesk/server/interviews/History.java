package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.pipelines.Timeline;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.MutationContext;
import java.sql.SQLException;

/**
 * Every change to an interview lands in the activity log and, when the interview is for an
 * application, on that application's timeline (field {@code interview}, through the Pipelines
 * feature's timeline writer, which chains it).
 */
final class History {
    private History() {}

    static void record(
            MutationContext ctx,
            Interview interview,
            String previous,
            String next,
            String description,
            ObjectNode details)
            throws SQLException {
        if (interview.applicationId() != null) {
            // The timeline is hash-chained per application: its row lock keeps two entries off one place.
            Sql.one(
                    ctx.connection(),
                    "select 1 from applications where id = ? for update",
                    rs -> 1,
                    interview.applicationId());
            new Timeline(
                            null,
                            ctx.organizationId(),
                            interview.applicationId(),
                            "interview",
                            previous,
                            next,
                            ctx.userId(),
                            description,
                            null)
                    .append(ctx.connection(), ctx.now());
        }
        details.put("interviewId", interview.id().toString());
        ctx.logActivity(Entities.INTERVIEW_SESSION, interview.id(), description, details);
    }
}
