package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.JobFields;
import com.recruitdesk.protocol.pipelines.JobStatus;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Moves a job through its one state machine ({@link JobStatus}); a live job is published on the
 * public job pages, so opening one checks its closing date and gives it a page address.
 */
final class SetJobStatus implements Mutator<PipelineMutations.SetJobStatus> {
    @Override
    public MutationType<PipelineMutations.SetJobStatus> type() {
        return PipelineMutations.SET_JOB_STATUS;
    }

    @Override
    public Access<PipelineMutations.SetJobStatus> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.SetJobStatus args) throws SQLException {
        if (args.status() == null || !JobStatus.ALL.contains(args.status())) {
            throw Rejection.invalid("A job's status is one of " + String.join(", ", JobStatus.ALL) + ".");
        }
        ObjectNode job = Rows.require(ctx, "jobs", args.jobId(), "The job");
        String from = job.path("status").asText();
        if (from.equals(args.status())) {
            return;
        }
        if (!JobStatus.mayMove(from, args.status())) {
            throw Rejection.invalid("A job that is " + JobStatus.label(from).toLowerCase(java.util.Locale.ROOT)
                    + " cannot become " + JobStatus.label(args.status()).toLowerCase(java.util.Locale.ROOT)
                    + "; it can become "
                    + String.join(", ", JobStatus.next(from).stream().sorted().toList()) + ".");
        }
        boolean live = JobStatus.isLive(args.status());
        if (live) {
            LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
            List<String> problems = JobFields.crossFieldProblems(
                    name -> job.get(com.recruitdesk.protocol.pipelines.FieldSpec.named(JobFields.ALL, name)
                            .orElseThrow()
                            .column()),
                    args.status(),
                    today);
            if (!problems.isEmpty()) {
                throw Rejection.invalid(String.join(" ", problems));
            }
        }
        String slug = job.path("slug").isTextual()
                ? job.path("slug").asText()
                : SaveJob.freeSlug(
                        ctx, args.jobId(), JobFields.slugOf(job.path("title").asText()));
        Rows.update(
                ctx,
                """
                update jobs set status = ?, slug = ?, is_published = ?,
                       published_at = case when ? then coalesce(published_at, ?) end
                 where id = ?
                """,
                args.status(),
                slug,
                live,
                live,
                java.time.OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC),
                args.jobId());
        ctx.logActivity(
                Entities.JOB,
                args.jobId(),
                "Job " + job.path("title").asText() + ": " + JobStatus.label(from) + " → "
                        + JobStatus.label(args.status()),
                ctx.mapper().createObjectNode().put("from", from).put("to", args.status()));
    }
}
