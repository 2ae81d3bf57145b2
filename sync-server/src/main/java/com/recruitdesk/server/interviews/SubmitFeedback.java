package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Submits the caller's scorecard for an interview they sit on, final at once ({@code is_final},
 * {@code submitted_at}); a second submit is refused, and changes after it are amendments. Submitting
 * unseals the other interviewers' scorecards for the same candidate and job, in the change feed
 * (V11); the interviews of that candidate and job are locked first, so two panelists submitting at
 * once both see each other's.
 */
final class SubmitFeedback implements Mutator<InterviewMutations.SubmitFeedback> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.ENGLISH);

    @Override
    public MutationType<InterviewMutations.SubmitFeedback> type() {
        return InterviewMutations.SUBMIT_FEEDBACK;
    }

    @Override
    public Access<InterviewMutations.SubmitFeedback> access() {
        return Access.participantOf(InterviewMutations.SubmitFeedback::interviewId);
    }

    @Override
    public void apply(MutationContext ctx, InterviewMutations.SubmitFeedback args) throws SQLException {
        if (args.feedbackId() == null) {
            throw Rejection.invalid("A scorecard needs the id the client made for it (feedbackId).");
        }
        Scheduling.check(() -> InterviewRules.checkScorecard(args.scorecard()));
        ObjectNode session = Rows.require(ctx, "interview_sessions", args.interviewId(), "The interview");
        Interview interview =
                Interview.load(ctx.connection(), args.interviewId()).orElseThrow();
        String status = session.path("status").asText();
        if (status.equals("cancelled") || status.equals("no_show")) {
            throw Rejection.invalid("The " + interview.what() + " on " + interview.when() + " was "
                    + (status.equals("cancelled")
                            ? "cancelled ("
                                    + session.path("cancellation_reason").asText("no reason given") + ")"
                            : "marked a no-show")
                    + ", so it takes no scorecard. Your draft stays on this computer.");
        }
        Sql.list(
                ctx.connection(),
                "select id from interview_sessions where candidate_id = ? and job_id is not distinct from ?"
                        + " order by id for update",
                rs -> rs.getObject(1, UUID.class),
                interview.candidateId(),
                session.hasNonNull("job_id")
                        ? UUID.fromString(session.path("job_id").asText())
                        : null);
        Optional<Existing> mine = Sql.one(
                ctx.connection(),
                "select id, submitted_at from interview_feedback where interview_session_id = ? and interviewer_user_id = ?",
                rs -> new Existing(
                        rs.getObject(1, UUID.class),
                        Optional.ofNullable(rs.getObject(2, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)),
                args.interviewId(),
                ctx.userId());
        if (mine.isPresent() && mine.get().submittedAt().isPresent()) {
            throw Rejection.invalid("You submitted your scorecard for this interview on "
                    + WHEN.format(mine.get().submittedAt().get().atZone(interview.zone()))
                    + "; it cannot be submitted again. Add an amendment to change it.");
        }
        String name = Sql.one(
                        ctx.connection(),
                        "select full_name from users where id = ?",
                        rs -> rs.getString(1),
                        ctx.userId())
                .orElse(null);
        FeedbackRow row = new FeedbackRow(
                mine.map(Existing::id).orElse(args.feedbackId()),
                ctx.organizationId(),
                args.interviewId(),
                ctx.userId(),
                name,
                args.scorecard(),
                ctx.now(),
                null);
        if (mine.isPresent()) {
            row.overwrite(ctx.connection(), row.id()); // the draft this server held becomes the scorecard
        } else {
            if (Rows.exists(ctx, "select 1 from interview_feedback where id = ?", args.feedbackId())) {
                throw Rejection.invalid("A scorecard with this id exists already.");
            }
            row.insert().execute(ctx.connection());
        }
        History.record(
                ctx,
                interview,
                null,
                "feedback_submitted",
                "Submitted a scorecard for the " + interview.what() + ": "
                        + InterviewRules.label(args.scorecard().recommendation()) + ", "
                        + args.scorecard().overallRating() + " of 5",
                ctx.mapper()
                        .createObjectNode()
                        .put("feedbackId", row.id().toString())
                        .put("recommendation", args.scorecard().recommendation())
                        .put("overallRating", args.scorecard().overallRating()));
    }

    /** The caller's row for the interview: a draft the server holds (the demo's), or a submitted scorecard. */
    private record Existing(UUID id, Optional<java.time.Instant> submittedAt) {}
}
