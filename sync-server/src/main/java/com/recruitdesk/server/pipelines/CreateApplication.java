package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.JobStatus;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Adds a person to a job (from the Pipelines pane or the Conversations candidate panel): a new
 * application in the first stage, under the id the client made, its timeline's first entry written
 * with it. One active application per person and job; an ended job takes none.
 */
final class CreateApplication implements Mutator<PipelineMutations.CreateApplication> {
    @Override
    public MutationType<PipelineMutations.CreateApplication> type() {
        return PipelineMutations.CREATE_APPLICATION;
    }

    @Override
    public Access<PipelineMutations.CreateApplication> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.CreateApplication args) throws SQLException {
        if (args.applicationId() == null) {
            throw Rejection.invalid("A new application needs the id the client made for it (applicationId).");
        }
        if (args.remarks() != null && args.remarks().length() > PipelineMutations.MAX_REMARKS) {
            throw Rejection.invalid("The remarks are longer than " + PipelineMutations.MAX_REMARKS + " characters.");
        }
        ObjectNode job = Rows.require(ctx, "jobs", args.jobId(), "The job");
        ObjectNode person = Rows.require(ctx, "candidates", args.candidateId(), "The candidate");
        add(ctx, args.applicationId(), job, person, args.remarks());
    }

    /**
     * Adds {@code person} to {@code job} as application {@code applicationId} (both rows already
     * found in the caller's organization): refused for an ended job or a person already active in it.
     */
    static void add(MutationContext ctx, UUID applicationId, ObjectNode job, ObjectNode person, String remarks)
            throws SQLException {
        UUID jobId = UUID.fromString(job.path("id").asText());
        UUID candidateId = UUID.fromString(person.path("id").asText());
        if (Rows.exists(ctx, "select 1 from applications where id = ?", applicationId)) {
            throw Rejection.invalid("An application with this id exists already.");
        }
        if (JobStatus.ENDED.contains(job.path("status").asText())) {
            throw Rejection.invalid("The job " + job.path("title").asText() + " is "
                    + JobStatus.label(job.path("status").asText()).toLowerCase(java.util.Locale.ROOT)
                    + " and takes no new applications.");
        }
        Optional<String> active = Sql.one(
                ctx.connection(),
                "select stage from applications where job_id = ? and candidate_id = ? and is_active",
                rs -> rs.getString(1),
                jobId,
                candidateId);
        if (active.isPresent()) {
            throw Rejection.invalid(name(person) + " is in this job's pipeline already (stage " + active.get() + ").");
        }
        Insert.into("applications")
                .set("id", applicationId)
                .set("organization_id", ctx.organizationId())
                .set("candidate_id", candidateId)
                .set("job_id", jobId)
                .set("applied_at", ctx.now())
                .set("stage", PipelineMutations.STAGES.getFirst())
                .execute(ctx.connection());
        new Timeline(
                        null,
                        ctx.organizationId(),
                        applicationId,
                        "created",
                        null,
                        PipelineMutations.STAGES.getFirst(),
                        ctx.userId(),
                        remarks,
                        null)
                .append(ctx.connection(), ctx.now());
        ctx.logActivity(
                Entities.APPLICATION,
                applicationId,
                "Added " + name(person) + " to the job " + job.path("title").asText(),
                ctx.mapper()
                        .createObjectNode()
                        .put("jobId", jobId.toString())
                        .put("candidateId", candidateId.toString()));
    }

    static String name(ObjectNode person) {
        for (String field : new String[] {"full_name", "whatsapp_name", "first_name", "email", "whatsapp_id"}) {
            if (person.path(field).isTextual() && !person.path(field).asText().isBlank()) {
                return person.path(field).asText();
            }
        }
        return "The candidate";
    }
}
