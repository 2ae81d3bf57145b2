package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.WorkHistory;
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
import java.util.Optional;

/**
 * A role of a person's work history (seed 002 section F) added or replaced, checked by the protocol's
 * {@link WorkHistory}; the one writer of {@code candidate_work_history} (its removal is
 * {@link DeleteWorkHistory}). A role id already used for another person is refused, not moved.
 */
final class SaveWorkHistory implements Mutator<PipelineMutations.SaveWorkHistory> {
    @Override
    public MutationType<PipelineMutations.SaveWorkHistory> type() {
        return PipelineMutations.SAVE_WORK_HISTORY;
    }

    @Override
    public Access<PipelineMutations.SaveWorkHistory> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.SaveWorkHistory args) throws SQLException {
        if (args.roleId() == null) {
            throw Rejection.invalid("A role needs the id the client made for it (roleId).");
        }
        var problems = WorkHistory.problems(args);
        if (!problems.isEmpty()) {
            throw Rejection.invalid(String.join(" ", problems));
        }
        ObjectNode person = Rows.require(ctx, "candidates", args.candidateId(), "The candidate");
        Optional<ObjectNode> existing = Rows.lock(ctx, "candidate_work_history", args.roleId());
        if (existing.isEmpty()
                && Rows.exists(ctx, "select 1 from candidate_work_history where id = ?", args.roleId())) {
            throw Rejection.notFound("The role"); // another organization's: no hint that it exists
        }
        if (existing.isPresent()
                && !existing.get()
                        .path("candidate_id")
                        .asText()
                        .equals(args.candidateId().toString())) {
            throw Rejection.invalid("This role belongs to another person's work history.");
        }
        String company = args.companyName().strip();
        String title = args.jobTitle() == null || args.jobTitle().isBlank()
                ? null
                : args.jobTitle().strip();
        LocalDate start = date(args.startDate());
        LocalDate end = date(args.endDate());
        if (existing.isPresent()) {
            Sql.update(
                    ctx.connection(),
                    "update candidate_work_history set company_name = ?, job_title = ?, start_date = ?,"
                            + " end_date = ?, is_current = ? where id = ? and organization_id = ?",
                    company,
                    title,
                    start,
                    end,
                    args.isCurrent(),
                    args.roleId(),
                    ctx.organizationId());
        } else {
            Insert.into("candidate_work_history")
                    .set("id", args.roleId())
                    .set("organization_id", ctx.organizationId())
                    .set("candidate_id", args.candidateId())
                    .set("company_name", company)
                    .set("job_title", title)
                    .set("start_date", start)
                    .set("end_date", end)
                    .set("is_current", args.isCurrent())
                    .execute(ctx.connection());
        }
        ctx.logActivity(
                Entities.CANDIDATE,
                args.candidateId(),
                (existing.isPresent() ? "Changed " : "Added ") + (title == null ? "a role" : title) + " at " + company
                        + " in the work history of " + CreateApplication.name(person),
                ctx.mapper()
                        .createObjectNode()
                        .put("roleId", args.roleId().toString())
                        .put("companyName", company)
                        .put("isCurrent", args.isCurrent()));
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
