package com.recruitdesk.protocol.cohorts;

import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Cohorts feature's mutations (seed 004). Ids of new rows are made by the client. Institution
 * admins call them for their own institution only, the organization's administrators for every
 * institution of theirs.
 */
public final class CohortMutations {
    private CohortMutations() {}

    /**
     * Creates the cohort {@code cohortId} in {@code institutionId} (state draft), or edits it when it
     * exists (its institution never changes; {@code baseVersion} is the version the edit was made on).
     * {@code programType} one of {@link CohortRules#PROGRAM_TYPES}; {@code requiredDocuments} the
     * checklist of document types every student uploads ({@link CohortRules#DOCUMENT_TYPES}; null
     * keeps the default or the current list).
     */
    public record SaveCohort(
            UUID cohortId,
            UUID institutionId,
            String name,
            String programType,
            LocalDate startDate,
            LocalDate endDate,
            Integer studentCount,
            UUID sponsorId,
            List<String> requiredDocuments,
            Long baseVersion) {}

    /** Moves a cohort along {@link CohortRules#canMove}: draft → active → completed, or cancelled. */
    public record SetCohortState(UUID cohortId, String state) {}

    /** Creates the sponsor {@code sponsorId} of {@code institutionId}, or edits it. */
    public record SaveSponsor(
            UUID sponsorId,
            UUID institutionId,
            String companyName,
            String contactName,
            String contactEmail,
            String contactPhone,
            String taxNumber) {}

    /**
     * Enrolls a student in a cohort under {@code enrollmentId}: the person {@code candidateId} if given,
     * else the one with this email or WhatsApp number, else a new person with {@code fullName}. Makes
     * the invitation link of the upload page. {@code studentData}: seed 004's demographics ({@link
     * CohortRules#STUDENT_DATA_FIELDS}).
     */
    public record CreateEnrollment(
            UUID enrollmentId,
            UUID cohortId,
            UUID candidateId,
            String fullName,
            String email,
            String whatsappId,
            Map<String, String> studentData) {}

    /**
     * A reviewer's decision on one uploaded document, bound to the bytes they looked at: {@code sha256}
     * (lowercase hex) must be the document's current file, else it is refused as a conflict.
     * {@code action} approved or rejected; a rejection names a {@link CohortRules#REASON_CODES} code,
     * and {@code reasonText} (required for {@code other}); {@code checks} the checklist items ticked.
     */
    public record VerifyDocument(
            UUID verificationId,
            UUID documentId,
            String action,
            String reasonCode,
            String reasonText,
            String sha256,
            List<String> checks) {}

    public static final MutationType<SaveCohort> SAVE_COHORT =
            MutationType.of("cohort.save", SaveCohort.class, Feature.COHORTS, "The cohort was not saved");
    public static final MutationType<SetCohortState> SET_COHORT_STATE = MutationType.of(
            "cohort.setState", SetCohortState.class, Feature.COHORTS, "The cohort's state was not changed");
    public static final MutationType<SaveSponsor> SAVE_SPONSOR =
            MutationType.of("sponsor.save", SaveSponsor.class, Feature.COHORTS, "The sponsor was not saved");
    public static final MutationType<CreateEnrollment> CREATE_ENROLLMENT = MutationType.of(
            "enrollment.create", CreateEnrollment.class, Feature.COHORTS, "The student was not enrolled");
    public static final MutationType<VerifyDocument> VERIFY_DOCUMENT = MutationType.of(
            "document.verify", VerifyDocument.class, Feature.COHORTS, "Your decision on the document was undone");

    public static final List<MutationType<?>> ALL =
            List.of(SAVE_COHORT, SET_COHORT_STATE, SAVE_SPONSOR, CREATE_ENROLLMENT, VERIFY_DOCUMENT);
}
