package com.recruitdesk.server.persistence;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Cohorts pane: two institutions, four cohorts of every programme type, and enrollments
 * whose documents are pending, verified or rejected (with the reason).
 */
final class DemoCohorts extends DemoPart {
    private final List<CandidateEntity> candidates;
    private final List<UUID> institutionIds = new ArrayList<>();

    DemoCohorts(DemoPart shared, List<CandidateEntity> candidates) {
        super(shared);
        this.candidates = candidates;
        institutions();
        cohorts();
    }

    /** The first institution is the demo institution admin's. */
    List<UUID> institutionIds() {
        return institutionIds;
    }

    // ---------------------------------------------------------------------------------------------
    // Institutions and WhatsApp numbers

    private void institutions() {
        institutionIds.add(institution(
                        "Ubuntu Skills Academy",
                        "2014/118203/08",
                        "12 Jorissen Street, Braamfontein, Johannesburg",
                        "admissions@ubuntu-skills.test",
                        "+27115550190")
                .id);
        institutionIds.add(institution(
                        "Cape Peninsula Training Institute",
                        "2009/004512/08",
                        "45 Voortrekker Road, Bellville, Cape Town",
                        "info@cpti.test",
                        "+27215550191")
                .id);
    }

    private InstitutionEntity institution(
            String name, String registration, String address, String email, String phone) {
        InstitutionEntity e = new InstitutionEntity();
        e.organizationId = org;
        e.name = name;
        e.registrationNumber = registration;
        e.address = address;
        e.contactEmail = email;
        e.contactPhone = phone;
        e.settings = new LinkedHashMap<>(Map.of(
                "requiredDocuments",
                List.of("id_document", "matric_certificate", "proof_of_address"),
                "verificationDeadlineDays",
                14));
        return add(e, "institution", name, ago(Duration.ofDays(200)));
    }

    // ---------------------------------------------------------------------------------------------
    // Cohorts

    private void cohorts() {
        UUID ubuntu = institutionIds.get(0);
        UUID cpti = institutionIds.get(1);
        CohortEntity retail = cohort(ubuntu, "Retail Learnership 2026", "learnership", "active", -60, 300);
        CohortEntity itSupport = cohort(ubuntu, "IT Support Internship, Winter 2026", "internship", "draft", 40, 220);
        CohortEntity hospitality = cohort(cpti, "Hospitality Learnership 2025", "learnership", "completed", -400, -35);
        CohortEntity graduates = cohort(cpti, "Graduate Candidacy Programme 2026", "candidacy", "active", -20, 340);

        // Retail: the verification queue of the institution admin, in every state.
        String[] retailStates = {
            "pending", "verified", "rejected", "pending", "verified", "rejected", "pending", "verified"
        };
        for (int k = 0; k < retailStates.length; k++) {
            enroll(retail, 41 + k, "in_progress", retailStates[k], k);
        }
        enroll(retail, 30, "in_progress", "pending", 8);
        enroll(retail, 34, "waiting", "rejected", 9);
        enroll(itSupport, 49, "waiting", "pending", 0);
        enroll(itSupport, 35, "waiting", "pending", 1);
        enroll(hospitality, 42, "complete", "verified", 0);
        enroll(hospitality, 44, "complete", "verified", 1);
        enroll(graduates, 40, "in_progress", "verified", 0);
        enroll(graduates, 46, "in_progress", "pending", 1);
        enroll(graduates, 38, "waiting", "rejected", 2);
    }

    private CohortEntity cohort(UUID institution, String name, String type, String state, int startDays, int endDays) {
        CohortEntity c = new CohortEntity();
        c.organizationId = org;
        c.institutionId = institution;
        c.createdByUserId = staff.admin();
        c.name = name;
        c.programType = type;
        c.state = state;
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        c.startDate = today.plusDays(startDays);
        c.endDate = today.plusDays(endDays);
        c.sponsorEmail = type.equals("learnership") ? "skills@sponsor-retail.test" : null;
        c.studentCount = 0;
        c.adminSignedAt = state.equals("draft") ? null : ago(Duration.ofDays(Math.max(1, -startDays + 10)));
        return add(c, "cohort", name, ago(Duration.ofDays(Math.max(5, 30 - startDays))));
    }

    private static final List<String> REJECTIONS = List.of(
            "ID copy is not certified",
            "Proof of address is older than three months",
            "Matric certificate is unreadable; please upload a clearer scan");

    private void enroll(CohortEntity cohort, int person, String state, String verification, int k) {
        CohortEnrollmentEntity e = new CohortEnrollmentEntity();
        e.organizationId = org;
        e.institutionId = cohort.institutionId;
        e.cohortId = cohort.id;
        e.candidateId = candidates.get(person).id;
        e.state = state;
        e.documentVerificationState = verification;
        e.rejectionReason = verification.equals("rejected") ? REJECTIONS.get((person + k) % REJECTIONS.size()) : null;
        e.studentData = new LinkedHashMap<>(Map.of(
                "age",
                19 + (person + k) % 9,
                "gender",
                person % 2 == 0 ? "female" : "male",
                "city",
                candidates.get(person).location,
                "disability",
                k % 5 == 4 ? "hearing impaired" : "none"));
        cohort.studentCount++;
        add(e, "cohort_enrollment", cohort.name + "/" + person, cohort.createdAt.plus(Duration.ofDays(1 + k)));
    }
}
