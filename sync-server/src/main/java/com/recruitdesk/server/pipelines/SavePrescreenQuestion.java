package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A job's prescreen question (seed 002 job_prescreen_questions) created or replaced; the scores of
 * the job's applications that answered are worked out again, since the weights or rules may have
 * changed. The one writer of {@code prescreen_questions}.
 */
final class SavePrescreenQuestion implements Mutator<PipelineMutations.SavePrescreenQuestion> {
    static final int MAX_QUESTION = 1_000;

    @Override
    public MutationType<PipelineMutations.SavePrescreenQuestion> type() {
        return PipelineMutations.SAVE_PRESCREEN_QUESTION;
    }

    @Override
    public Access<PipelineMutations.SavePrescreenQuestion> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.SavePrescreenQuestion args) throws SQLException {
        if (args.questionId() == null) {
            throw Rejection.invalid("A prescreen question needs the id the client made for it (questionId).");
        }
        String text = Rows.text(args.questionText(), "question", MAX_QUESTION).strip();
        if (args.qid() == null || !args.qid().matches("[a-z][a-z0-9_]{0,63}")) {
            throw Rejection.invalid("A question id is lowercase letters, digits and '_', starting with a letter"
                    + " (such as ps_notice_period).");
        }
        if (args.questionType() == null || !PrescreenScoring.TYPES.contains(args.questionType())) {
            throw Rejection.invalid("A question's type is one of " + String.join(", ", PrescreenScoring.TYPES) + ".");
        }
        if (args.weight() < 1 || args.weight() > 100) {
            throw Rejection.invalid("A question's weight is from 1 to 100.");
        }
        List<String> choices = args.choices() == null
                ? List.of()
                : args.choices().stream()
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .toList();
        boolean choiceType = args.questionType().endsWith("choice");
        if (choiceType && choices.isEmpty()) {
            throw Rejection.invalid("A choice question needs its choices.");
        }
        if (new HashSet<>(choices.stream()
                                .map(c -> c.toLowerCase(java.util.Locale.ROOT))
                                .toList())
                        .size()
                != choices.size()) {
            throw Rejection.invalid("Each choice is offered once.");
        }
        checkRule(args.questionType(), args.validationRule(), choices);
        Rows.require(ctx, "jobs", args.jobId(), "The job");
        Optional<ObjectNode> existing = Rows.lock(ctx, "prescreen_questions", args.questionId());
        if (existing.isEmpty()
                && Rows.exists(ctx, "select 1 from prescreen_questions where id = ?", args.questionId())) {
            throw Rejection.notFound("The question"); // another organization's: as if it did not exist
        }
        if (existing.isPresent()
                && !existing.get().path("job_id").asText().equals(args.jobId().toString())) {
            throw Rejection.invalid("This question belongs to another job.");
        }
        Optional<UUID> clash = Sql.one(
                ctx.connection(),
                "select id from prescreen_questions where job_id = ? and qid = ? and id <> ?",
                rs -> rs.getObject(1, UUID.class),
                args.jobId(),
                args.qid(),
                args.questionId());
        if (clash.isPresent()) {
            throw Rejection.invalid("The job has a question " + args.qid() + " already.");
        }
        if (existing.isPresent()) {
            Rows.update(
                    ctx,
                    """
                    update prescreen_questions set qid = ?, question_text = ?, question_type = ?, required = ?,
                           must_have = ?, weight = ?, validation_rule = ?, choices = ?, sort_order = ?
                     where id = ?
                    """,
                    args.qid(),
                    text,
                    args.questionType(),
                    args.required(),
                    args.mustHave(),
                    args.weight(),
                    Sql.jsonb(args.validationRule()),
                    Sql.jsonb(choices),
                    args.sortOrder(),
                    args.questionId());
        } else {
            Insert.into("prescreen_questions")
                    .set("id", args.questionId())
                    .set("organization_id", ctx.organizationId())
                    .set("job_id", args.jobId())
                    .set("qid", args.qid())
                    .set("question_text", text)
                    .set("question_type", args.questionType())
                    .set("required", args.required())
                    .set("must_have", args.mustHave())
                    .set("weight", args.weight())
                    .json("validation_rule", args.validationRule())
                    .json("choices", choices)
                    .set("sort_order", args.sortOrder())
                    .execute(ctx.connection());
        }
        Prescreens.rescoreJob(ctx, args.jobId());
        ctx.logActivity(
                Entities.JOB,
                args.jobId(),
                (existing.isPresent() ? "Changed" : "Added") + " the prescreen question " + args.qid(),
                ctx.mapper()
                        .createObjectNode()
                        .put("questionId", args.questionId().toString()));
    }

    private static void checkRule(String type, ObjectNode rule, List<String> choices) {
        if (rule == null) {
            return;
        }
        List<String> numeric = switch (type) {
            case "number" -> List.of("min", "max");
            case "date" -> List.of("withinDays");
            case "text" -> List.of("minLength");
            case "multi_choice" -> List.of("minAccepted");
            default -> List.of();
        };
        for (String key : numeric) {
            if (rule.has(key) && !rule.get(key).isNumber()) {
                throw Rejection.invalid("The rule's " + key + " must be a number.");
            }
        }
        if (rule.has("min")
                && rule.has("max")
                && rule.get("min").decimalValue().compareTo(rule.get("max").decimalValue()) > 0) {
            throw Rejection.invalid("The rule's minimum is more than its maximum.");
        }
        if (rule.has("accept")) {
            if (!rule.get("accept").isArray()) {
                throw Rejection.invalid("The rule's accepted answers are a list of the choices.");
            }
            for (var a : rule.get("accept")) {
                if (choices.stream()
                        .noneMatch(c -> c.equalsIgnoreCase(a.asText().strip()))) {
                    throw Rejection.invalid("The accepted answer \"" + a.asText() + "\" is not one of the choices.");
                }
            }
        }
        if (rule.has("pattern")) {
            try {
                java.util.regex.Pattern.compile(rule.get("pattern").asText());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw Rejection.invalid("The rule's pattern is not a valid regular expression.");
            }
        }
    }
}
