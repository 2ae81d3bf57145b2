package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person enrolled in a cohort, with the verification state of their documents (004). */
@Entity
@Table(name = "cohort_enrollments")
class CohortEnrollmentEntity extends SyncedRow {
    UUID organizationId;
    /** Must equal the cohort's (a composite foreign key checks it). */
    UUID institutionId;

    UUID cohortId;
    UUID candidateId;
    /** waiting, in_progress or complete. */
    String state = "waiting";
    /** pending, verified or rejected. */
    String documentVerificationState = "pending";
    /** Required when rejected, null otherwise. */
    String rejectionReason;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> studentData = new LinkedHashMap<>();
}
