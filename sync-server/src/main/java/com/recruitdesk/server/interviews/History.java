package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.pipelines.Timeline;
import com.recruitdesk.server.platform.sync.MutationContext;
import java.sql.SQLException;

/**
 * Every change to an interview lands in the activity log and, when the interview is for an
 * application, on that application's timeline (field {@code interview}, through the Pipelines
 * feature's timeline writer).
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
                    .insert()
                    .execute(ctx.connection());
        }
        details.put("interviewId", interview.id().toString());
        ctx.logActivity(Entities.INTERVIEW_SESSION, interview.id(), description, details);
    }
}
