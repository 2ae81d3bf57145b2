package com.recruitdesk.server.cohorts;

import com.recruitdesk.server.platform.db.Insert;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A new row of {@code cohort_enrollments}, as its one writer takes it: {@code enrollment.create} and
 * the demo. Its states are then kept by {@link EnrollmentState} from its documents.
 *
 * @param createdAt null for now
 */
public record EnrollmentRow(
        UUID id,
        UUID organizationId,
        UUID institutionId,
        UUID cohortId,
        UUID candidateId,
        Map<String, Object> studentData,
        Instant invitationExpiresAt,
        Instant createdAt) {
    public Insert insert() {
        return Insert.into("cohort_enrollments")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("institution_id", institutionId)
                .set("cohort_id", cohortId)
                .set("candidate_id", candidateId)
                .json("student_data", studentData)
                .set("invitation_expires_at", invitationExpiresAt)
                .set("created_at", createdAt)
                .set("updated_at", createdAt);
    }
}
