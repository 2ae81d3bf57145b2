package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/**
 * Asks for an export of a job's applications (seed 002 export_jobs): a queued row, under the id the
 * client made, that a background task ({@code Exports}) builds into a ZIP with progress.
 */
final class RequestExport implements Mutator<PipelineMutations.RequestExport> {
    @Override
    public MutationType<PipelineMutations.RequestExport> type() {
        return PipelineMutations.REQUEST_EXPORT;
    }

    @Override
    public Access<PipelineMutations.RequestExport> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.RequestExport args) throws SQLException {
        if (args.exportId() == null) {
            throw Rejection.invalid("An export needs the id the client made for it (exportId).");
        }
        if (args.format() == null || !PipelineMutations.EXPORT_FORMATS.contains(args.format())) {
            throw Rejection.invalid(
                    "An export is written as one of " + String.join(", ", PipelineMutations.EXPORT_FORMATS) + ".");
        }
        ObjectNode job = Rows.require(ctx, "jobs", args.jobId(), "The job");
        if (Rows.exists(ctx, "select 1 from export_jobs where id = ?", args.exportId())) {
            throw Rejection.invalid("An export with this id exists already.");
        }
        Insert.into("export_jobs")
                .set("id", args.exportId())
                .set("organization_id", ctx.organizationId())
                .set("job_id", args.jobId())
                .set("created_by_user_id", ctx.userId())
                .set("export_format", args.format())
                .set("with_cvs", args.withCvs())
                .set("status", "queued")
                .execute(ctx.connection());
        ctx.logActivity(
                Entities.EXPORT_JOB,
                args.exportId(),
                "Asked for an export of " + job.path("title").asText() + " (" + args.format() + ")",
                ctx.mapper()
                        .createObjectNode()
                        .put("jobId", args.jobId().toString())
                        .put("format", args.format())
                        .put("withCvs", args.withCvs()));
    }
}
