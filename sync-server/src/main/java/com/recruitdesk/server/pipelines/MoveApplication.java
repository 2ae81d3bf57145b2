package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Moves an application to another pipeline stage and writes the move on its timeline. */
public final class MoveApplication implements Mutator {
    static final List<String> STAGES =
            List.of("new", "screening", "interview", "offer", "hired", "rejected", "withdrawn");
    static final int MAX_REMARKS = 2_000;

    @Override
    public String name() {
        return PipelineMutations.MOVE_APPLICATION.name();
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "move applications");
        PipelineMutations.MoveApplication args = ctx.args(PipelineMutations.MoveApplication.class);
        if (args.stage() == null || !STAGES.contains(args.stage())) {
            throw Rejection.invalid("A pipeline stage is one of " + String.join(", ", STAGES) + ".");
        }
        if (args.remarks() != null && args.remarks().length() > MAX_REMARKS) {
            throw Rejection.invalid("The remarks are longer than " + MAX_REMARKS + " characters.");
        }
        ObjectNode application = Rows.require(ctx, "applications", args.applicationId(), "The application");
        Rows.checkConflicts(
                ctx, "application", application, args.baseVersion(), Map.of("stage", TextNode.valueOf(args.stage())));
        String previous = application.path("stage").asText();
        if (previous.equals(args.stage())) {
            return;
        }
        Rows.update(ctx, "update applications set stage = ? where id = ?", args.stage(), args.applicationId());
        Rows.update(
                ctx,
                """
                insert into application_timeline (organization_id, application_id, field, previous_status, new_status,
                                                  changed_by_user_id, remarks)
                values (?, ?, 'stage', ?, ?, ?, ?)
                """,
                ctx.principal().organizationId(),
                args.applicationId(),
                previous,
                args.stage(),
                ctx.principal().userId(),
                args.remarks());
        ctx.logActivity(
                "application",
                args.applicationId(),
                "Stage " + previous + " → " + args.stage(),
                ctx.mapper().createObjectNode().put("from", previous).put("to", args.stage()));
    }
}
