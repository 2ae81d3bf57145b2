package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A cohort of an institution (004). */
@Entity
@Table(name = "cohorts")
class CohortEntity extends SyncedRow {
    UUID organizationId;
    UUID institutionId;
    UUID createdByUserId;
    String name;
    /** learnership, internship or candidacy. */
    String programType;

    UUID sponsorId;
    String sponsorEmail;
    Integer studentCount;
    Instant adminSignedAt;
    /** draft, active, completed or cancelled. */
    String state = "draft";

    LocalDate startDate;
    LocalDate endDate;
}
