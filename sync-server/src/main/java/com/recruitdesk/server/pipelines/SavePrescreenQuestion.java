package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.PrescreenQuestionRules;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A job's prescreen question (seed 002 job_prescreen_questions) created or replaced; the scores of
 * the job's applications that answered are worked out again, since the weights or rules may have
 * changed. The one writer of {@code prescreen_questions}; what a question must be is
 * {@link PrescreenQuestionRules}, which the desktop's editor applies too.
 */
final class SavePrescreenQuestion implements Mutator<PipelineMutations.SavePrescreenQuestion> {
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
        List<String> problems = PrescreenQuestionRules.problems(args);
        if (!problems.isEmpty()) {
            throw Rejection.invalid(String.join(" ", problems));
        }
        String text = args.questionText().strip();
        List<String> choices = PrescreenQuestionRules.choices(args.choices());
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
            throw Rejection.invalid(PrescreenQuestionRules.qidTaken(args.qid(), List.of(args.qid()))
                    .orElseThrow());
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
}
