package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.JobFields;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates a job (a draft, under the id the client made) or edits some of its fields, merged field by
 * field with what others changed meanwhile. The one writer of {@code jobs}' editable columns.
 */
final class SaveJob implements Mutator<PipelineMutations.SaveJob> {
    @Override
    public MutationType<PipelineMutations.SaveJob> type() {
        return PipelineMutations.SAVE_JOB;
    }

    @Override
    public Access<PipelineMutations.SaveJob> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.SaveJob args) throws SQLException {
        if (args.jobId() == null) {
            throw Rejection.invalid("Say which job (its id is missing).");
        }
        FieldEdit edit = FieldEdit.read(args.changes(), JobFields.ALL);
        checkReferences(ctx, edit);
        Optional<ObjectNode> existing = Rows.lock(ctx, "jobs", args.jobId());
        if (existing.isEmpty() && args.baseVersion() != null) {
            throw Rejection.notFound("The job");
        }
        if (existing.isEmpty()) {
            create(ctx, args.jobId(), edit);
            return;
        }
        ObjectNode job = existing.get();
        edit.checkConflicts(ctx, Entities.JOB, job, args.baseVersion());
        String status = job.path("status").asText();
        checkRules(ctx, args.jobId(), edit, job, status);
        if (edit.changedFrom(job).isEmpty()) {
            return;
        }
        edit.write(ctx, "jobs", args.jobId(), Map.of());
        ctx.logActivity(
                Entities.JOB,
                args.jobId(),
                "Edited the job " + edit.after(job, JobFields.ALL, "title").asText(),
                edit.details(ctx, job.path("version").asLong() + 1));
    }

    private void create(MutationContext ctx, UUID id, FieldEdit edit) throws SQLException {
        ObjectNode none = ctx.mapper().createObjectNode();
        if (!edit.changes().hasNonNull("slug") && edit.changes().hasNonNull("title")) {
            edit.changes()
                    .put(
                            "slug",
                            freeSlug(
                                    ctx,
                                    id,
                                    JobFields.slugOf(edit.changes().get("title").asText())));
            FieldSpec slug = FieldSpec.named(JobFields.ALL, "slug").orElseThrow();
            edit.values().put(slug, edit.changes().get("slug").asText());
        }
        checkRules(ctx, id, edit, none, "draft");
        Insert row = Insert.into("jobs")
                .set("id", id)
                .set("organization_id", ctx.organizationId())
                .set("created_by_user_id", ctx.userId())
                .set("assigned_recruiter_id", ctx.userId())
                .set("status", "draft");
        edit.values().forEach((spec, value) -> row.set(spec.column(), value));
        row.execute(ctx.connection());
        ctx.logActivity(
                Entities.JOB,
                id,
                "Created the job " + edit.changes().get("title").asText(),
                edit.details(ctx, 1));
    }

    private static void checkRules(MutationContext ctx, UUID id, FieldEdit edit, ObjectNode job, String status)
            throws SQLException {
        LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
        List<String> problems =
                JobFields.crossFieldProblems(name -> edit.after(job, JobFields.ALL, name), status, today);
        if (!problems.isEmpty()) {
            throw Rejection.invalid(String.join(" ", problems));
        }
        JsonNode slug = edit.changes().get("slug");
        if (slug != null && slug.isTextual() && !slug.asText().isBlank()) {
            Optional<String> taken = Sql.one(
                    ctx.connection(),
                    "select title from jobs where organization_id = ? and slug = ? and id <> ?",
                    rs -> rs.getString(1),
                    ctx.organizationId(),
                    slug.asText(),
                    id);
            if (taken.isPresent()) {
                throw Rejection.invalid(
                        "The page address /jobs/" + slug.asText() + " is taken by the job " + taken.get() + ".");
            }
        }
    }

    /** References to other rows must be rows of the caller's organization, as any row the caller may see. */
    private static void checkReferences(MutationContext ctx, FieldEdit edit) throws SQLException {
        check(ctx, edit, "clientId", "select 1 from clients where id = ? and organization_id = ?", "The client");
        check(
                ctx,
                edit,
                "assignedRecruiterId",
                "select 1 from users where id = ? and organization_id = ?",
                "The recruiter");
        check(
                ctx,
                edit,
                "hiringManagerUserId",
                "select 1 from users where id = ? and organization_id = ?",
                "The hiring manager");
    }

    private static void check(MutationContext ctx, FieldEdit edit, String field, String sql, String what)
            throws SQLException {
        JsonNode value = edit.changes().get(field);
        if (value != null
                && value.isTextual()
                && !Rows.exists(ctx, sql, UUID.fromString(value.asText()), ctx.organizationId())) {
            throw Rejection.notFound(what);
        }
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... whichever no other job of the organization has. */
    static String freeSlug(MutationContext ctx, UUID id, String base) throws SQLException {
        String slug = base;
        for (int n = 2;
                Rows.exists(
                        ctx,
                        "select 1 from jobs where organization_id = ? and slug = ? and id <> ?",
                        ctx.organizationId(),
                        slug,
                        id);
                n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
