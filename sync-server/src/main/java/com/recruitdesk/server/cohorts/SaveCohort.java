package com.recruitdesk.server.cohorts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creates a cohort (a draft) in an institution, or edits one: its name, programme, dates, size, sponsor, checklist. */
final class SaveCohort implements Mutator<CohortMutations.SaveCohort> {
    @Override
    public MutationType<CohortMutations.SaveCohort> type() {
        return CohortMutations.SAVE_COHORT;
    }

    @Override
    public Access<CohortMutations.SaveCohort> access() {
        return Access.anyOf(
                Access.administrators(), Access.adminOfInstitution(CohortMutations.SaveCohort::institutionId));
    }

    @Override
    public void apply(MutationContext ctx, CohortMutations.SaveCohort a) throws SQLException {
        if (a.cohortId() == null) {
            throw Rejection.invalid("A cohort needs the id the client made for it (cohortId).");
        }
        String name = Rows.text(a.name(), "cohort's name", CohortRules.MAX_NAME).strip();
        String programType = Checks.oneOf(a.programType(), CohortRules.PROGRAM_TYPES, "A programme type");
        if (a.startDate() != null && a.endDate() != null && a.endDate().isBefore(a.startDate())) {
            throw Rejection.invalid("A cohort ends on or after the day it starts.");
        }
        if (a.studentCount() != null && (a.studentCount() < 0 || a.studentCount() > 100_000)) {
            throw Rejection.invalid("The expected number of students is between 0 and 100000.");
        }
        List<String> required = a.requiredDocuments() == null ? null : Checks.documentTypes(a.requiredDocuments());
        Rows.require(ctx, "institutions", a.institutionId(), "The institution");
        if (a.sponsorId() != null
                && !Rows.exists(
                        ctx,
                        "select 1 from sponsors where id = ? and institution_id = ? and organization_id = ?",
                        a.sponsorId(),
                        a.institutionId(),
                        ctx.organizationId())) {
            throw Rejection.notFound("The sponsor");
        }
        if (Rows.exists(
                ctx,
                "select 1 from cohorts where institution_id = ? and lower(name) = lower(?) and id <> ?",
                a.institutionId(),
                name,
                a.cohortId())) {
            throw Rejection.invalid("This institution has a cohort named '" + name + "' already.");
        }
        Optional<ObjectNode> existing = Rows.lock(ctx, "cohorts", a.cohortId());
        if (existing.isEmpty()) {
            create(ctx, a, name, programType, required);
            return;
        }
        ObjectNode cohort = existing.get();
        if (!a.institutionId().toString().equals(cohort.path("institution_id").asText())) {
            throw Rejection.notFound("The cohort"); // a cohort never moves to another institution
        }
        Map<String, JsonNode> wanted = new LinkedHashMap<>();
        var json = ctx.mapper();
        wanted.put("name", json.valueToTree(name));
        wanted.put("program_type", json.valueToTree(programType));
        wanted.put(
                "start_date",
                json.valueToTree(a.startDate() == null ? null : a.startDate().toString()));
        wanted.put(
                "end_date",
                json.valueToTree(a.endDate() == null ? null : a.endDate().toString()));
        wanted.put("student_count", json.valueToTree(a.studentCount()));
        wanted.put(
                "sponsor_id",
                json.valueToTree(a.sponsorId() == null ? null : a.sponsorId().toString()));
        if (required != null) {
            wanted.put("required_documents", json.valueToTree(required));
        }
        Rows.checkConflicts(ctx, Entities.COHORT, cohort, a.baseVersion(), wanted);
        Rows.update(
                ctx,
                "update cohorts set name = ?, program_type = ?, start_date = ?, end_date = ?, student_count = ?,"
                        + " sponsor_id = ?, required_documents = coalesce(?, required_documents) where id = ?",
                name,
                programType,
                a.startDate(),
                a.endDate(),
                a.studentCount(),
                a.sponsorId(),
                required == null ? null : Sql.jsonb(required),
                a.cohortId());
        // A changed checklist changes what every enrollment still needs.
        for (UUID enrollment : Sql.list(
                ctx.connection(),
                "select id from cohort_enrollments where cohort_id = ? for update",
                rs -> rs.getObject(1, UUID.class),
                a.cohortId())) {
            EnrollmentState.refresh(ctx.connection(), enrollment);
        }
        ctx.logActivity(Entities.COHORT, a.cohortId(), "Edited the cohort " + name, null);
    }

    private static void create(
            MutationContext ctx, CohortMutations.SaveCohort a, String name, String programType, List<String> required)
            throws SQLException {
        if (Rows.exists(ctx, "select 1 from cohorts where id = ?", a.cohortId())) {
            throw Rejection.notFound("The cohort"); // another organization's id: as if it did not exist
        }
        new CohortRow(
                        a.cohortId(),
                        ctx.organizationId(),
                        a.institutionId(),
                        ctx.userId(),
                        name,
                        programType,
                        null,
                        a.startDate(),
                        a.endDate(),
                        a.studentCount(),
                        a.sponsorId(),
                        null,
                        null,
                        required,
                        null)
                .insert()
                .execute(ctx.connection());
        ctx.logActivity(
                Entities.COHORT,
                a.cohortId(),
                "Created the cohort " + name,
                ctx.mapper().createObjectNode().put("programType", programType));
    }
}
