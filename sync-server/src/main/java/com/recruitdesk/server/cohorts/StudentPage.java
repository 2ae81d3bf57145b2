package com.recruitdesk.server.cohorts;

import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the student's upload page shows, read in one go: who, which cohort, each required document's state. */
record StudentPage(
        UUID enrollmentId,
        UUID organizationId,
        UUID institutionId,
        UUID candidateId,
        String studentName,
        String cohortName,
        String cohortState,
        String institutionName,
        int generation,
        Instant expiresAt,
        List<Requirement> requirements) {

    /** One document the cohort asks for and, if uploaded, its current file's state and the reason of a rejection. */
    record Requirement(String type, String label, String state, String filename, String reason) {
        boolean uploaded() {
            return state != null;
        }

        boolean acceptsUpload() {
            return !"verified".equals(state);
        }
    }

    Optional<Requirement> requirement(String type) {
        return requirements.stream().filter(r -> r.type().equals(type)).findFirst();
    }

    static Optional<StudentPage> read(Connection c, UUID enrollment) throws SQLException {
        Optional<StudentPage> head = Sql.one(
                c,
                """
                select e.id, e.organization_id, e.institution_id, e.candidate_id,
                       coalesce(p.first_name, p.full_name, 'there'), k.name, k.state, i.name,
                       e.invitation_generation, e.invitation_expires_at,
                       array(select jsonb_array_elements_text(k.required_documents))
                  from cohort_enrollments e
                  join cohorts k on k.id = e.cohort_id
                  join institutions i on i.id = e.institution_id
                  join candidates p on p.id = e.candidate_id
                 where e.id = ?
                """,
                rs -> {
                    List<Requirement> required = new ArrayList<>();
                    for (Object type : (Object[]) rs.getArray(11).getArray()) {
                        required.add(new Requirement(
                                (String) type, CohortRules.documentLabel((String) type), null, null, null));
                    }
                    OffsetDateTime expires = rs.getObject(10, OffsetDateTime.class);
                    return new StudentPage(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getInt(9),
                            expires == null ? null : expires.toInstant(),
                            required);
                },
                enrollment);
        if (head.isEmpty()) {
            return head;
        }
        Map<String, Requirement> current = new HashMap<>();
        Sql.list(
                c,
                """
                select d.document_category, d.verification_state, d.original_filename,
                       (select v.reason from document_verifications v where v.uploaded_document_id = d.id
                         order by v.sequence desc limit 1)
                  from uploaded_documents d where d.cohort_enrollment_id = ? and d.replaced_by_id is null
                """,
                rs -> current.put(
                        rs.getString(1),
                        new Requirement(
                                rs.getString(1),
                                CohortRules.documentLabel(rs.getString(1)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4))),
                enrollment);
        StudentPage page = head.get();
        List<Requirement> merged = page.requirements().stream()
                .map(r -> current.getOrDefault(r.type(), r))
                .toList();
        return Optional.of(new StudentPage(
                page.enrollmentId(),
                page.organizationId(),
                page.institutionId(),
                page.candidateId(),
                page.studentName(),
                page.cohortName(),
                page.cohortState(),
                page.institutionName(),
                page.generation(),
                page.expiresAt(),
                merged));
    }
}
