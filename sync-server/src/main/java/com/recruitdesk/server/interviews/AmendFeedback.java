package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Amends a submitted scorecard: what changed (each field from its value then, the original's or an
 * earlier amendment's, to the new one) and why, kept beside the original, which is never altered.
 * Only the scorecard's author may; anyone else is told it does not exist. The one writer of
 * {@code interview_feedback_amendments}.
 */
final class AmendFeedback implements Mutator<InterviewMutations.AmendFeedback> {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public MutationType<InterviewMutations.AmendFeedback> type() {
        return InterviewMutations.AMEND_FEEDBACK;
    }

    @Override
    public Access<InterviewMutations.AmendFeedback> access() {
        return Access.ownerOf(
                "interview_feedback",
                "interviewer_user_id",
                "The scorecard",
                InterviewMutations.AmendFeedback::feedbackId);
    }

    @Override
    public void apply(MutationContext ctx, InterviewMutations.AmendFeedback args) throws SQLException {
        if (args.amendmentId() == null) {
            throw Rejection.invalid("An amendment needs the id the client made for it (amendmentId).");
        }
        Scheduling.check(() -> InterviewRules.checkAmendment(args.changes(), args.reason()));
        ObjectNode feedback = Rows.require(ctx, "interview_feedback", args.feedbackId(), "The scorecard");
        if (!feedback.path("is_final").asBoolean()) {
            throw Rejection.invalid(
                    "The scorecard is still a draft: submit it; amendments are for submitted scorecards.");
        }
        if (Rows.exists(ctx, "select 1 from interview_feedback_amendments where id = ?", args.amendmentId())) {
            throw Rejection.invalid("An amendment with this id exists already.");
        }
        ObjectNode now = effective(ctx, feedback);
        ObjectNode changes = JSON.objectNode();
        for (var e : new TreeMap<>(args.changes()).entrySet()) {
            JsonNode to = typed(e.getKey(), e.getValue());
            JsonNode from = now.path(e.getKey());
            if (!sameValue(from, to)) {
                ObjectNode change = changes.putObject(e.getKey());
                change.set("from", from.isMissingNode() ? JSON.nullNode() : from);
                change.set("to", to);
            }
        }
        if (changes.isEmpty()) {
            throw Rejection.invalid("The amendment changes nothing: the scorecard already says that.");
        }
        UUID session = UUID.fromString(feedback.path("interview_session_id").asText());
        Insert.into("interview_feedback_amendments")
                .set("id", args.amendmentId())
                .set("organization_id", ctx.organizationId())
                .set("feedback_id", args.feedbackId())
                .set("interview_session_id", session)
                .set("interviewer_user_id", ctx.userId())
                .json("changes", changes)
                .set("reason", args.reason().strip())
                .execute(ctx.connection());
        Interview interview = Interview.load(ctx.connection(), session).orElseThrow();
        ObjectNode details = ctx.mapper()
                .createObjectNode()
                .put("feedbackId", args.feedbackId().toString());
        details.set("changes", changes);
        details.put("reason", args.reason().strip());
        History.record(
                ctx,
                interview,
                null,
                "feedback_amended",
                "Amended a scorecard for the " + interview.what() + " ("
                        + String.join(
                                ", ",
                                changes.properties().stream()
                                        .map(Map.Entry::getKey)
                                        .map(f -> InterviewRules.label(f).toLowerCase(java.util.Locale.ROOT))
                                        .toList())
                        + "): " + args.reason().strip(),
                details);
    }

    /** The scorecard's values as amended so far, by amendable field. */
    private static ObjectNode effective(MutationContext ctx, ObjectNode feedback) throws SQLException {
        ObjectNode values = JSON.objectNode();
        for (String field : InterviewRules.AMENDABLE) {
            String column = FeedbackRow.RATING_COLUMNS.getOrDefault(field, field);
            JsonNode v = feedback.path(column);
            values.set(field, v.isNumber() ? JSON.numberNode(v.decimalValue().stripTrailingZeros()) : v);
        }
        for (String changes : Sql.list(
                ctx.connection(),
                "select changes::text from interview_feedback_amendments where feedback_id = ? order by created_at, id",
                rs -> rs.getString(1),
                UUID.fromString(feedback.path("id").asText()))) {
            try {
                ctx.mapper()
                        .readTree(changes)
                        .properties()
                        .forEach(c -> values.set(c.getKey(), c.getValue().path("to")));
            } catch (IOException e) {
                throw new SQLException("unreadable amendment", e);
            }
        }
        return values;
    }

    private static JsonNode typed(String field, String value) {
        return switch (field) {
            case "overall_rating", "technical_skills", "communication", "problem_solving", "culture_fit" ->
                JSON.numberNode(Integer.parseInt(value.strip()));
            case "requires_second_round" -> JSON.booleanNode(Boolean.parseBoolean(value));
            default -> value == null || value.isBlank() ? JSON.nullNode() : JSON.textNode(value.strip());
        };
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        boolean aEmpty = a.isNull() || a.isMissingNode();
        boolean bEmpty = b.isNull() || b.isMissingNode();
        return aEmpty || bEmpty ? aEmpty == bEmpty : a.equals(b);
    }
}
