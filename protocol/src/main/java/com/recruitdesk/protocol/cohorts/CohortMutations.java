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
     * StudentData}).
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

    /**
     * Replaces an enrolled student's demographics with {@code studentData} ({@link StudentData}; a field
     * left out or blank is cleared).
     */
    public record SaveStudentData(UUID enrollmentId, Map<String, String> studentData) {}

    /**
     * Gives the student a new upload link: the link they had stops working (its page says it has
     * expired) and the new one works for {@link CohortRules#INVITATION_VALID} from now.
     */
    public record ReissueLink(UUID enrollmentId) {}

    /**
     * Sends the student their upload link on WhatsApp from the server, as the approved template {@link
     * CohortRules#LINK_TEMPLATE} of the organization's number, with the link as a parameter; the reviewer
     * never handles the conversation. {@code pageAddress} is the address the reviewer reaches this
     * server at ({@code https://host[:port]}), which the link starts with.
     */
    public record SendLink(UUID enrollmentId, String pageAddress) {}

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

    public static final MutationType<SaveStudentData> SAVE_STUDENT_DATA = MutationType.of(
            "enrollment.saveStudentData",
            SaveStudentData.class,
            Feature.COHORTS,
            "The student's details were not saved");
    public static final MutationType<ReissueLink> REISSUE_LINK = MutationType.of(
            "enrollment.reissueLink", ReissueLink.class, Feature.COHORTS, "The student's new link was not made");
    public static final MutationType<SendLink> SEND_LINK = MutationType.of(
            "enrollment.sendLink", SendLink.class, Feature.COHORTS, "The link was not sent on WhatsApp");

    public static final List<MutationType<?>> ALL = List.of(
            SAVE_COHORT,
            SET_COHORT_STATE,
            SAVE_SPONSOR,
            CREATE_ENROLLMENT,
            VERIFY_DOCUMENT,
            SAVE_STUDENT_DATA,
            REISSUE_LINK,
            SEND_LINK);
}
