package com.recruitdesk.server.cohorts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.people.PersonRow;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrolls a student in a cohort: a person of the organization (found by id, email or WhatsApp number,
 * else added), with seed 004's demographics; the enrollment's invitation link opens the upload page
 * until it expires.
 */
final class CreateEnrollment implements Mutator<CohortMutations.CreateEnrollment> {
    @Override
    public MutationType<CohortMutations.CreateEnrollment> type() {
        return CohortMutations.CREATE_ENROLLMENT;
    }

    @Override
    public Access<CohortMutations.CreateEnrollment> access() {
        return Access.anyOf(
                Access.administrators(),
                Access.institutionAdminOf("cohorts", "The cohort", CohortMutations.CreateEnrollment::cohortId));
    }

    @Override
    public void apply(MutationContext ctx, CohortMutations.CreateEnrollment a) throws SQLException {
        if (a.enrollmentId() == null) {
            throw Rejection.invalid("An enrollment needs the id the client made for it (enrollmentId).");
        }
        Map<String, Object> studentData = Checks.studentData(a.studentData());
        ObjectNode cohort = Rows.require(ctx, "cohorts", a.cohortId(), "The cohort");
        String state = cohort.path("state").asText();
        if (!CohortRules.takesUploads(state)) {
            throw Rejection.invalid(
                    "The cohort is " + state + "; students are enrolled in draft or active cohorts only.");
        }
        if (Rows.exists(ctx, "select 1 from cohort_enrollments where id = ?", a.enrollmentId())) {
            throw Rejection.invalid("An enrollment with this id exists already.");
        }
        UUID person = person(ctx, a);
        if (Rows.exists(
                ctx,
                "select 1 from cohort_enrollments where cohort_id = ? and candidate_id = ?",
                a.cohortId(),
                person)) {
            throw Rejection.invalid("This student is enrolled in the cohort already.");
        }
        UUID institution = UUID.fromString(cohort.path("institution_id").asText());
        new EnrollmentRow(
                        a.enrollmentId(),
                        ctx.organizationId(),
                        institution,
                        a.cohortId(),
                        person,
                        studentData,
                        ctx.now().plus(CohortRules.INVITATION_VALID),
                        null)
                .insert()
                .execute(ctx.connection());
        // The person's row was written before the enrollment that puts them in the institution's scope:
        // written again, it reaches the institution's admins (the person's scope rule is another feature's).
        Rows.update(ctx, "update candidates set updated_at = now() where id = ?", person);
        ctx.logActivity(
                Entities.COHORT_ENROLLMENT,
                a.enrollmentId(),
                "Enrolled a student in " + cohort.path("name").asText(),
                ctx.mapper().createObjectNode().put("candidateId", person.toString()));
    }

    /** The person enrolled: named by id, else found by email or number, else added as a new person. */
    private static UUID person(MutationContext ctx, CohortMutations.CreateEnrollment a) throws SQLException {
        if (a.candidateId() != null) {
            Rows.require(ctx, "candidates", a.candidateId(), "The person");
            return a.candidateId();
        }
        String email = Checks.email(a.email());
        String whatsapp = Checks.whatsapp(a.whatsappId());
        if (email == null && whatsapp == null) {
            throw Rejection.invalid("A new student needs an email address or a WhatsApp number.");
        }
        Optional<UUID> known = Sql.one(
                ctx.connection(),
                "select id from candidates where organization_id = ? and merged_into_id is null"
                        + " and (email = ? or whatsapp_id = ?) order by (email = ?) desc nulls last limit 1",
                rs -> rs.getObject(1, UUID.class),
                ctx.organizationId(),
                email,
                whatsapp,
                email);
        if (known.isPresent()) {
            return known.get();
        }
        String name =
                Rows.text(a.fullName(), "student's name", CohortRules.MAX_NAME).strip();
        PersonRow row = new PersonRow()
                .id(UUID.randomUUID())
                .organizationId(ctx.organizationId())
                .source("cohort")
                .email(email)
                .whatsappId(whatsapp)
                .phone(whatsapp)
                .fullName(name);
        row.insert().execute(ctx.connection());
        return row.id();
    }
}
