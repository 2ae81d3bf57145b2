package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Locale;

/** Cancels an interview with a reason; the panel is notified and the candidate told (the reason stays internal). */
final class CancelInterview implements Mutator<InterviewMutations.Cancel> {
    @Override
    public MutationType<InterviewMutations.Cancel> type() {
        return InterviewMutations.CANCEL;
    }

    @Override
    public Access<InterviewMutations.Cancel> access() {
        return Scheduling.staff();
    }

    @Override
    public void apply(MutationContext ctx, InterviewMutations.Cancel args) throws SQLException {
        ObjectNode row = Rows.require(ctx, "interview_sessions", args.interviewId(), "The interview");
        String reason = Rows.text(args.reason(), "reason for cancelling", InterviewRules.MAX_REASON)
                .strip();
        String status = row.path("status").asText();
        if (!InterviewRules.canMove(status, "cancelled")) {
            throw Rejection.invalid("The interview is "
                    + InterviewRules.label(status).toLowerCase(Locale.ROOT) + " and can no longer be cancelled.");
        }
        Rows.update(
                ctx,
                "update interview_sessions set status = 'cancelled', cancellation_reason = ? where id = ?",
                reason,
                args.interviewId());
        Interview interview =
                Interview.load(ctx.connection(), args.interviewId()).orElseThrow();
        Notifications.aboutInterview(
                ctx.connection(),
                ctx.organizationId(),
                interview.panel(ctx.connection()),
                interview.id(),
                "Interview cancelled: " + interview.candidateName(),
                InterviewRules.label(interview.what()) + " on " + interview.when() + " is cancelled: " + reason,
                "high");
        ObjectNode details = ctx.mapper().createObjectNode().put("reason", reason);
        details.set(
                "candidateMessage",
                new CandidateMessages(ctx.connection(), ctx.mapper())
                        .tell(interview, CandidateMessages.Event.CANCELLED, ctx.userId(), ctx.now())
                        .json(ctx.mapper()));
        History.record(
                ctx, interview, status, "cancelled", "Cancelled the " + interview.what() + ": " + reason, details);
    }
}
