package com.recruitdesk.app.cohorts.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.cohorts.StudentData;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Setting up cohorts and sponsors and enrolling students: {@code cohort.save}, {@code cohort.setState},
 * {@code sponsor.save}, {@code enrollment.create}, {@code enrollment.saveStudentData}, {@code enrollment.reissueLink}
 * and {@code enrollment.sendLink}, each shown at once (offline too) and taken back with its sentence if the
 * server refuses it. They write to disk: call them off the FX thread.
 */
public final class CohortCommands {
    private static final ObjectMapper JSON = Json.newMapper();

    private final LocalStore store;
    private final Submitter submitter;
    private final Clock clock;

    public CohortCommands(LocalStore store, Submitter submitter, Clock clock) {
        this.store = store;
        this.submitter = submitter;
        this.clock = clock;
    }

    /** Creates the cohort {@code args.cohortId()} or edits it. */
    public void save(CohortMutations.SaveCohort args) {
        ObjectNode row = store.row(Entities.COHORT, args.cohortId())
                .orElseGet(() -> JSON.createObjectNode()
                        .put("id", args.cohortId().toString())
                        .put("state", "draft")
                        .put("createdAt", now()));
        row.put("institutionId", args.institutionId().toString())
                .put("name", args.name())
                .put("programType", args.programType())
                .put(
                        "startDate",
                        args.startDate() == null ? null : args.startDate().toString())
                .put("endDate", args.endDate() == null ? null : args.endDate().toString())
                .put("studentCount", args.studentCount())
                .put(
                        "sponsorId",
                        args.sponsorId() == null ? null : args.sponsorId().toString());
        if (args.requiredDocuments() != null) {
            row.set("requiredDocuments", JSON.valueToTree(args.requiredDocuments()));
        }
        submitter.submit(
                CohortMutations.SAVE_COHORT,
                args,
                List.of(new LocalStore.Optimistic(Entities.COHORT, args.cohortId(), row)));
    }

    /** Creates the sponsor {@code args.sponsorId()} or edits it. */
    public void saveSponsor(CohortMutations.SaveSponsor args) {
        ObjectNode row = store.row(Entities.SPONSOR, args.sponsorId())
                .orElseGet(() -> JSON.createObjectNode()
                        .put("id", args.sponsorId().toString())
                        .put("createdAt", now()));
        row.put("institutionId", args.institutionId().toString())
                .put("companyName", args.companyName())
                .put("contactName", args.contactName())
                .put("contactEmail", args.contactEmail())
                .put("contactPhone", args.contactPhone())
                .put("taxNumber", args.taxNumber());
        submitter.submit(
                CohortMutations.SAVE_SPONSOR,
                args,
                List.of(new LocalStore.Optimistic(Entities.SPONSOR, args.sponsorId(), row)));
    }

    public void setState(UUID cohortId, String state) {
        List<LocalStore.Optimistic> shown = store.row(Entities.COHORT, cohortId)
                .map(row -> List.of(new LocalStore.Optimistic(Entities.COHORT, cohortId, row.put("state", state))))
                .orElse(List.of());
        submitter.submit(CohortMutations.SET_COHORT_STATE, new CohortMutations.SetCohortState(cohortId, state), shown);
    }

    /**
     * Enrolls a student by name and email or WhatsApp number, with their demographics ({@link
     * StudentData}, checked first); returns the new enrollment's id.
     */
    public UUID enroll(
            UUID cohortId,
            UUID institutionId,
            String fullName,
            String email,
            String whatsappId,
            Map<String, String> studentData) {
        UUID id = UUID.randomUUID();
        var args = new CohortMutations.CreateEnrollment(
                id, cohortId, null, fullName, blankToNull(email), blankToNull(whatsappId), studentData);
        ObjectNode row = JSON.createObjectNode()
                .put("id", id.toString())
                .put("cohortId", cohortId.toString())
                .put("institutionId", institutionId.toString())
                .put("studentName", fullName)
                .put("state", "waiting")
                .put("documentVerificationState", "pending")
                .put("createdAt", now());
        row.set("studentData", JSON.valueToTree(StudentData.stored(studentData)));
        submitter.submit(
                CohortMutations.CREATE_ENROLLMENT,
                args,
                List.of(new LocalStore.Optimistic(Entities.COHORT_ENROLLMENT, id, row)));
        return id;
    }

    /** Replaces a student's demographics ({@link StudentData}, checked first); shown at once. */
    public void saveStudentData(UUID enrollmentId, Map<String, String> studentData) {
        List<LocalStore.Optimistic> shown = store.row(Entities.COHORT_ENROLLMENT, enrollmentId)
                .map(row -> {
                    row.set("studentData", JSON.valueToTree(StudentData.stored(studentData)));
                    return List.of(new LocalStore.Optimistic(Entities.COHORT_ENROLLMENT, enrollmentId, row));
                })
                .orElse(List.of());
        submitter.submit(
                CohortMutations.SAVE_STUDENT_DATA,
                new CohortMutations.SaveStudentData(enrollmentId, studentData),
                shown);
    }

    /** A new upload link for the student; the old one stops working once the server has it. */
    public void reissueLink(UUID enrollmentId) {
        List<LocalStore.Optimistic> shown = store.row(Entities.COHORT_ENROLLMENT, enrollmentId)
                .map(row -> List.of(new LocalStore.Optimistic(
                        Entities.COHORT_ENROLLMENT,
                        enrollmentId,
                        row.put(
                                        "invitationGeneration",
                                        row.path("invitationGeneration").asInt(1) + 1)
                                .put(
                                        "invitationExpiresAt",
                                        clock.instant()
                                                .plus(CohortRules.INVITATION_VALID)
                                                .truncatedTo(ChronoUnit.MICROS)
                                                .toString()))))
                .orElse(List.of());
        submitter.submit(CohortMutations.REISSUE_LINK, new CohortMutations.ReissueLink(enrollmentId), shown);
    }

    /**
     * Asks the server to send the student their link on WhatsApp (the approved template; decision
     * 0039); {@code pageAddress} is the server's address as this computer reaches it.
     */
    public void sendLink(UUID enrollmentId, String pageAddress) {
        submitter.submit(CohortMutations.SEND_LINK, new CohortMutations.SendLink(enrollmentId, pageAddress), List.of());
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** A field left empty is sent as no value. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
