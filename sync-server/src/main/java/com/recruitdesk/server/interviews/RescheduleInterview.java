package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Changes an interview still to happen: its time, length, type, mode, place, notes or panel. Edits
 * merge field by field against {@code baseVersion}. The panel is told what changed (and who left it,
 * that they left it: their laptop loses the interview); the candidate is told when the time or the
 * place moved.
 */
final class RescheduleInterview implements Mutator<InterviewMutations.Reschedule> {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public MutationType<InterviewMutations.Reschedule> type() {
        return InterviewMutations.RESCHEDULE;
    }

    @Override
    public Access<InterviewMutations.Reschedule> access() {
        return Scheduling.staff();
    }

    @Override
    public void apply(MutationContext ctx, InterviewMutations.Reschedule args) throws SQLException {
        ObjectNode current = Rows.require(ctx, "interview_sessions", args.interviewId(), "The interview");
        InterviewMutations.Details d = args.details();
        Scheduling.check(() -> InterviewRules.checkDetails(d));
        Instant at = Scheduling.check(() -> InterviewRules.resolve(d.startsAt(), d.timezone()));
        String status = current.path("status").asText();
        if (!status.equals("scheduled")) {
            throw Rejection.invalid(
                    "The interview is " + InterviewRules.label(status).toLowerCase(java.util.Locale.ROOT)
                            + "; only a scheduled interview can be changed.");
        }
        Map<String, Object> wanted = new LinkedHashMap<>();
        wanted.put("interview_type", d.interviewType());
        wanted.put("interview_mode", d.interviewMode());
        wanted.put("scheduled_at", at);
        wanted.put("duration_minutes", InterviewRules.duration(d.durationMinutes()));
        wanted.put("timezone", InterviewRules.zone(d.timezone()).getId());
        wanted.put("meeting_link", InterviewRow.blankToNull(d.meetingLink()));
        wanted.put("meeting_room", InterviewRow.blankToNull(d.meetingRoom()));
        wanted.put("preparation_notes", InterviewRow.blankToNull(d.preparationNotes()));
        wanted.put("question_guide", InterviewRow.blankToNull(d.questionGuide()));
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        for (var e : wanted.entrySet()) {
            JsonNode value = json(e.getValue());
            if (!same(current.get(e.getKey()), e.getValue())) {
                changed.put(e.getKey(), value);
            }
        }
        Rows.checkConflicts(ctx, Entities.INTERVIEW_SESSION, current, args.baseVersion(), changed);
        Panel panel = Panel.of(ctx, d);
        List<UUID> before = Interview.load(ctx.connection(), args.interviewId())
                .orElseThrow()
                .panel(ctx.connection());
        boolean panelChanged = !before.equals(panel.everyone());
        if (changed.isEmpty() && !panelChanged) {
            return;
        }
        if (!changed.isEmpty()) {
            List<Object> params = new ArrayList<>();
            changed.keySet().forEach(k -> params.add(wanted.get(k)));
            params.add(args.interviewId());
            Sql.update(
                    ctx.connection(),
                    "update interview_sessions set "
                            + String.join(
                                    ", ",
                                    changed.keySet().stream()
                                            .map(k -> k + " = ?")
                                            .toList())
                            + " where id = ?",
                    params.toArray());
            if (changed.containsKey("scheduled_at")) {
                InterviewTasks.invitationSent(ctx.connection(), args.interviewId(), ctx.now());
            }
        }
        List<UUID> left = new ArrayList<>(before);
        left.removeAll(panel.everyone());
        List<UUID> joined = new ArrayList<>(panel.everyone());
        joined.removeAll(before);
        if (panelChanged) {
            reseat(ctx, args.interviewId(), panel, left, joined);
        }
        Interview interview =
                Interview.load(ctx.connection(), args.interviewId()).orElseThrow();
        List<UUID> stayed = new ArrayList<>(panel.everyone());
        stayed.removeAll(joined);
        String summary =
                InterviewRules.label(interview.what()) + ", " + interview.when() + ", " + interview.where() + ".";
        Notifications.aboutInterview(
                ctx.connection(),
                ctx.organizationId(),
                stayed,
                interview.id(),
                "Interview changed: " + interview.candidateName(),
                summary,
                "normal");
        Notifications.aboutInterview(
                ctx.connection(),
                ctx.organizationId(),
                joined,
                interview.id(),
                "Interview scheduled: " + interview.candidateName(),
                summary,
                "normal");
        Notifications.aboutInterview(
                ctx.connection(),
                ctx.organizationId(),
                left,
                interview.id(),
                "You are no longer on the panel: " + interview.candidateName(),
                InterviewRules.label(interview.what()) + " on " + interview.when() + " goes ahead without you.",
                "normal");
        ObjectNode details = ctx.mapper().createObjectNode();
        details.putArray("changed")
                .addAll(changed.keySet().stream().map(JSON::textNode).toList());
        details.put("panelChanged", panelChanged);
        boolean moved = changed.containsKey("scheduled_at")
                || changed.containsKey("interview_mode")
                || changed.containsKey("meeting_link")
                || changed.containsKey("meeting_room");
        if (moved) {
            details.set(
                    "candidateMessage",
                    new CandidateMessages(ctx.connection(), ctx.mapper())
                            .tell(interview, CandidateMessages.Event.RESCHEDULED, ctx.userId(), ctx.now())
                            .json(ctx.mapper()));
        }
        History.record(
                ctx,
                interview,
                "scheduled",
                "rescheduled",
                changed.containsKey("scheduled_at")
                        ? "Moved the " + interview.what() + " to " + interview.when()
                        : "Changed the " + interview.what(),
                details);
    }

    /** Takes {@code left} off the panel (not someone who has a scorecard in), seats {@code joined}, and sets the lead. */
    private static void reseat(MutationContext ctx, UUID interview, Panel panel, List<UUID> left, List<UUID> joined)
            throws SQLException {
        for (UUID u : left) {
            if (Rows.exists(
                    ctx,
                    "select 1 from interview_feedback where interview_session_id = ? and interviewer_user_id = ?",
                    interview,
                    u)) {
                throw Rejection.invalid(
                        "A panelist who has a scorecard for this interview cannot be taken off its panel.");
            }
            Sql.update(
                    ctx.connection(),
                    "delete from interview_participants where interview_session_id = ? and user_id = ?",
                    interview,
                    u);
        }
        Sql.update(
                ctx.connection(),
                "update interview_participants set participant_role = 'panelist'"
                        + " where interview_session_id = ? and participant_role = 'lead' and user_id <> ?",
                interview,
                panel.lead());
        for (UUID u : joined) {
            InterviewRow.seat(
                            null,
                            ctx.organizationId(),
                            interview,
                            u,
                            u.equals(panel.lead()) ? "lead" : "panelist",
                            null)
                    .execute(ctx.connection());
        }
        Sql.update(
                ctx.connection(),
                "update interview_participants set participant_role = 'lead'"
                        + " where interview_session_id = ? and user_id = ? and participant_role <> 'lead'",
                interview,
                panel.lead());
    }

    private static JsonNode json(Object value) {
        return switch (value) {
            case null -> JSON.nullNode();
            case Integer i -> IntNode.valueOf(i);
            case Instant i ->
                JSON.textNode(OffsetDateTime.ofInstant(i, ZoneOffset.UTC).toString());
            default -> JSON.textNode(value.toString());
        };
    }

    /** Whether the stored value (as {@code to_jsonb}) is already {@code wanted}. */
    private static boolean same(JsonNode stored, Object wanted) {
        if (stored == null || stored.isNull()) {
            return wanted == null;
        }
        return switch (wanted) {
            case null -> false;
            case Instant i -> OffsetDateTime.parse(stored.asText()).toInstant().equals(i);
            case Integer i -> stored.asInt() == i;
            default -> Objects.equals(stored.asText(), wanted.toString());
        };
    }
}
