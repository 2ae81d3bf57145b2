package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Map;

/** Moves an application to another pipeline stage and writes the move on its timeline. */
final class MoveApplication implements Mutator<PipelineMutations.MoveApplication> {
    @Override
    public MutationType<PipelineMutations.MoveApplication> type() {
        return PipelineMutations.MOVE_APPLICATION;
    }

    @Override
    public Access<PipelineMutations.MoveApplication> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.MoveApplication args) throws SQLException {
        if (args.stage() == null || !PipelineMutations.STAGES.contains(args.stage())) {
            throw Rejection.invalid("A pipeline stage is one of " + String.join(", ", PipelineMutations.STAGES) + ".");
        }
        if (args.remarks() != null && args.remarks().length() > PipelineMutations.MAX_REMARKS) {
            throw Rejection.invalid("The remarks are longer than " + PipelineMutations.MAX_REMARKS + " characters.");
        }
        ObjectNode application = Rows.require(ctx, "applications", args.applicationId(), "The application");
        Rows.checkConflicts(
                ctx,
                Entities.APPLICATION,
                application,
                args.baseVersion(),
                Map.of("stage", TextNode.valueOf(args.stage())));
        String previous = application.path("stage").asText();
        if (previous.equals(args.stage())) {
            return;
        }
        Rows.update(ctx, "update applications set stage = ? where id = ?", args.stage(), args.applicationId());
        new Timeline(
                        null,
                        ctx.organizationId(),
                        args.applicationId(),
                        "stage",
                        previous,
                        args.stage(),
                        ctx.userId(),
                        args.remarks(),
                        null)
                .append(ctx.connection(), ctx.now());
        ctx.logActivity(
                Entities.APPLICATION,
                args.applicationId(),
                "Stage " + previous + " → " + args.stage(),
                ctx.mapper().createObjectNode().put("from", previous).put("to", args.stage()));
    }
}
