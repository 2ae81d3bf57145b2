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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Starts an interview, ends it (with its actual length) or marks a no-show: the recruiters who
 * scheduled it or anyone on its panel (the interviewer is the one in the room).
 */
final class SetInterviewStatus implements Mutator<InterviewMutations.SetStatus> {
    private static final List<String> SETTABLE = List.of("in_progress", "completed", "no_show");

    @Override
    public MutationType<InterviewMutations.SetStatus> type() {
        return InterviewMutations.SET_STATUS;
    }

    @Override
    public Access<InterviewMutations.SetStatus> access() {
        return Access.anyOf(Scheduling.staff(), Access.participantOf(InterviewMutations.SetStatus::interviewId));
    }

    @Override
    public void apply(MutationContext ctx, InterviewMutations.SetStatus args) throws SQLException {
        if (args.status() == null || !SETTABLE.contains(args.status())) {
            throw Rejection.invalid("An interview is set to one of " + String.join(", ", SETTABLE)
                    + " (cancel it with interview.cancel).");
        }
        ObjectNode row = Rows.require(ctx, "interview_sessions", args.interviewId(), "The interview");
        String from = row.path("status").asText();
        String to = args.status();
        if (from.equals(to)) {
            return;
        }
        if (!InterviewRules.canMove(from, to)) {
            throw Rejection.invalid(
                    "The interview is " + InterviewRules.label(from).toLowerCase(Locale.ROOT) + "; it cannot become "
                            + InterviewRules.label(to).toLowerCase(Locale.ROOT) + ".");
        }
        Instant at = instant(args.at(), "time", ctx.now());
        if (at.isAfter(ctx.now().plus(ScheduleInterview.PAST_SLACK))) {
            throw Rejection.invalid("An interview's status changes now or in the past, not at " + at + ".");
        }
        switch (to) {
            case "in_progress" ->
                Rows.update(
                        ctx,
                        "update interview_sessions set status = 'in_progress', started_at = ? where id = ?",
                        at,
                        args.interviewId());
            case "completed" -> {
                Instant started = args.startedAt() != null
                        ? instant(args.startedAt(), "start", null)
                        : row.hasNonNull("started_at")
                                ? OffsetDateTime.parse(row.path("started_at").asText())
                                        .toInstant()
                                : null;
                if (started == null) {
                    throw Rejection.invalid("Say when the interview started (startedAt): it was never started here.");
                }
                if (at.isBefore(started)) {
                    throw Rejection.invalid(
                            "The interview cannot end (" + at + ") before it started (" + started + ").");
                }
                Rows.update(
                        ctx,
                        "update interview_sessions set status = 'completed', started_at = ?, ended_at = ?,"
                                + " actual_duration_minutes = ? where id = ?",
                        started,
                        at,
                        (int) Duration.between(started, at).plusSeconds(30).toMinutes(), // to the nearest minute
                        args.interviewId());
            }
            default ->
                Rows.update(ctx, "update interview_sessions set status = 'no_show' where id = ?", args.interviewId());
        }
        Interview interview =
                Interview.load(ctx.connection(), args.interviewId()).orElseThrow();
        History.record(
                ctx,
                interview,
                from,
                to,
                switch (to) {
                    case "in_progress" -> "Started the " + interview.what();
                    case "completed" -> "Ended the " + interview.what();
                    default -> "Marked a no-show at the " + interview.what();
                },
                ctx.mapper().createObjectNode().put("from", from).put("to", to).put("at", at.toString()));
    }

    private static Instant instant(String text, String what, Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("The " + what + " '" + text + "' is not a time with its offset, such as"
                    + " 2026-12-03T10:45:00+02:00.");
        }
    }
}
