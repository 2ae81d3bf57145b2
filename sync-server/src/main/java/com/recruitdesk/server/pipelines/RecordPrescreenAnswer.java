package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * A prescreen answer recorded by hand (from a phone call): stored, and the application's score,
 * must-have flag and completeness worked out again on the server ({@link Prescreens}); an entry on
 * the timeline says what was answered and what it earned.
 */
final class RecordPrescreenAnswer implements Mutator<PipelineMutations.RecordPrescreenAnswer> {
    @Override
    public MutationType<PipelineMutations.RecordPrescreenAnswer> type() {
        return PipelineMutations.RECORD_PRESCREEN_ANSWER;
    }

    @Override
    public Access<PipelineMutations.RecordPrescreenAnswer> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.RecordPrescreenAnswer args) throws SQLException {
        ObjectNode application = Rows.require(ctx, "applications", args.applicationId(), "The application");
        Rows.require(ctx, "prescreen_questions", args.questionId(), "The question");
        UUID jobId = UUID.fromString(application.path("job_id").asText());
        PrescreenScoring.Question q = Prescreens.questions(ctx.connection(), jobId).stream()
                .filter(x -> x.id().equals(args.questionId()))
                .findFirst()
                .orElseThrow(() -> Rejection.invalid("This question is not one of the application's job."));
        PrescreenScoring.problem(q, args.answerValue()).ifPresent(problem -> {
            throw Rejection.invalid(problem);
        });
        String value = args.answerValue().strip();
        Optional<String> before = PrescreenAnswers.put(
                ctx.connection(), ctx.organizationId(), args.applicationId(), q.id(), jobId, value, "phone", null);
        PrescreenScoring.Explanation e = Prescreens.rescore(ctx.connection(), args.applicationId(), jobId, ctx.now());
        PrescreenScoring.Line line = e.lines().stream()
                .filter(l -> l.qid().equals(q.qid()))
                .findFirst()
                .orElseThrow();
        new Timeline(
                        null,
                        ctx.organizationId(),
                        args.applicationId(),
                        "prescreen",
                        before.map(b -> q.qid() + ": " + b).orElse(null),
                        q.qid() + ": " + value,
                        ctx.userId(),
                        line.points() + " of " + line.weight() + " points, " + line.why() + "; score " + e.score(),
                        null)
                .append(ctx.connection(), ctx.now());
        ctx.logActivity(
                Entities.APPLICATION,
                args.applicationId(),
                "Recorded the answer to " + q.qid() + " (score " + e.score() + ")",
                ctx.mapper()
                        .createObjectNode()
                        .put("questionId", q.id().toString())
                        .put("score", e.score())
                        .put("complete", e.complete())
                        .put("mustHaveFailed", e.mustHaveFailed()));
    }
}
