package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.UUID;

/** A prescreen question taken off its job, with its answers; the job's scores are worked out again. */
final class DeletePrescreenQuestion implements Mutator<PipelineMutations.DeletePrescreenQuestion> {
    @Override
    public MutationType<PipelineMutations.DeletePrescreenQuestion> type() {
        return PipelineMutations.DELETE_PRESCREEN_QUESTION;
    }

    @Override
    public Access<PipelineMutations.DeletePrescreenQuestion> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.DeletePrescreenQuestion args) throws SQLException {
        ObjectNode q = Rows.require(ctx, "prescreen_questions", args.questionId(), "The question");
        UUID jobId = UUID.fromString(q.path("job_id").asText());
        Rows.update(ctx, "delete from prescreen_questions where id = ?", args.questionId());
        Prescreens.rescoreJob(ctx, jobId);
        ctx.logActivity(
                Entities.JOB,
                jobId,
                "Removed the prescreen question " + q.path("qid").asText(),
                ctx.mapper()
                        .createObjectNode()
                        .put("questionId", args.questionId().toString()));
    }
}
