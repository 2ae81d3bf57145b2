package com.recruitdesk.server.cohorts;

import com.recruitdesk.server.platform.db.Insert;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new row of {@code cohorts}, as its one writer takes it: {@code cohort.save} and the demo.
 *
 * @param state null for draft
 * @param requiredDocuments null for the default checklist
 * @param createdAt null for now
 */
public record CohortRow(
        UUID id,
        UUID organizationId,
        UUID institutionId,
        UUID createdBy,
        String name,
        String programType,
        String state,
        LocalDate startDate,
        LocalDate endDate,
        Integer studentCount,
        UUID sponsorId,
        String sponsorEmail,
        Instant adminSignedAt,
        List<String> requiredDocuments,
        Instant createdAt) {
    public Insert insert() {
        return Insert.into("cohorts")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("institution_id", institutionId)
                .set("created_by_user_id", createdBy)
                .set("name", name)
                .set("program_type", programType)
                .set("state", state)
                .set("start_date", startDate)
                .set("end_date", endDate)
                .set("student_count", studentCount)
                .set("sponsor_id", sponsorId)
                .set("sponsor_email", sponsorEmail)
                .set("admin_signed_at", adminSignedAt)
                .json("required_documents", requiredDocuments)
                .set("created_at", createdAt)
                .set("updated_at", createdAt);
    }
}
