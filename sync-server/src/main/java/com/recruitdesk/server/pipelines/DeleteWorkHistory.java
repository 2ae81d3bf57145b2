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

/** A role taken off a person's work history (seed 002 section F); the change feed tells the desktops. */
final class DeleteWorkHistory implements Mutator<PipelineMutations.DeleteWorkHistory> {
    @Override
    public MutationType<PipelineMutations.DeleteWorkHistory> type() {
        return PipelineMutations.DELETE_WORK_HISTORY;
    }

    @Override
    public Access<PipelineMutations.DeleteWorkHistory> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.DeleteWorkHistory args) throws SQLException {
        ObjectNode role = Rows.require(ctx, "candidate_work_history", args.roleId(), "The role");
        UUID person = UUID.fromString(role.path("candidate_id").asText());
        Rows.update(ctx, "delete from candidate_work_history where id = ?", args.roleId());
        ctx.logActivity(
                Entities.CANDIDATE,
                person,
                "Removed the role at " + role.path("company_name").asText() + " from the work history",
                ctx.mapper().createObjectNode().put("roleId", args.roleId().toString()));
    }
}
