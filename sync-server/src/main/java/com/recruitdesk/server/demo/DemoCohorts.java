package com.recruitdesk.server.demo;

import com.recruitdesk.server.people.PersonRow;
import com.recruitdesk.server.platform.db.Insert;
import java.time.Duration;
import java.time.Instant;
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
    private final List<PersonRow> people;
    private final List<UUID> institutionIds = new ArrayList<>();

    DemoCohorts(DemoPart shared, List<PersonRow> people) {
        super(shared);
        this.people = people;
        institutions();
        cohorts();
    }

    /** The first institution is the demo institution admin's. */
    List<UUID> institutionIds() {
        return institutionIds;
    }

    // ---------------------------------------------------------------------------------------------
    // Institutions

    private void institutions() {
        institutionIds.add(institution(
                "Ubuntu Skills Academy",
                "2014/118203/08",
                "12 Jorissen Street, Braamfontein, Johannesburg",
                "admissions@ubuntu-skills.test",
                "+27115550190"));
        institutionIds.add(institution(
                "Cape Peninsula Training Institute",
                "2009/004512/08",
                "45 Voortrekker Road, Bellville, Cape Town",
                "info@cpti.test",
                "+27215550191"));
    }

    private UUID institution(String name, String registration, String address, String email, String phone) {
        Insert row = row("institutions", "institution", name, ago(Duration.ofDays(200)))
                .set("name", name)
                .set("registration_number", registration)
                .set("address", address)
                .set("contact_email", email)
                .set("contact_phone", phone)
                .json(
                        "settings",
                        new LinkedHashMap<>(Map.of(
                                "requiredDocuments",
                                List.of("id_document", "matric_certificate", "proof_of_address"),
                                "verificationDeadlineDays",
                                14)));
        return idOf(row);
    }

    // ---------------------------------------------------------------------------------------------
    // Cohorts

    /** A cohort and what its enrollments need of it; its student count grows as they are added. */
    private record Cohort(UUID id, UUID institutionId, String name, Instant createdAt, Insert row) {}

    private void cohorts() {
        UUID ubuntu = institutionIds.get(0);
        UUID cpti = institutionIds.get(1);
        Cohort retail = cohort(ubuntu, "Retail Learnership 2026", "learnership", "active", -60, 300);
        Cohort itSupport = cohort(ubuntu, "IT Support Internship, Winter 2026", "internship", "draft", 40, 220);
        Cohort hospitality = cohort(cpti, "Hospitality Learnership 2025", "learnership", "completed", -400, -35);
        Cohort graduates = cohort(cpti, "Graduate Candidacy Programme 2026", "candidacy", "active", -20, 340);

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

    private Cohort cohort(UUID institution, String name, String type, String state, int startDays, int endDays) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant createdAt = ago(Duration.ofDays(Math.max(5, 30 - startDays)));
        Insert row = row("cohorts", "cohort", name, createdAt)
                .set("institution_id", institution)
                .set("created_by_user_id", staff.admin())
                .set("name", name)
                .set("program_type", type)
                .set("state", state)
                .set("start_date", today.plusDays(startDays))
                .set("end_date", today.plusDays(endDays))
                .set("sponsor_email", type.equals("learnership") ? "skills@sponsor-retail.test" : null)
                .set("student_count", 0)
                .set(
                        "admin_signed_at",
                        state.equals("draft") ? null : ago(Duration.ofDays(Math.max(1, -startDays + 10))));
        return new Cohort(idOf(row), institution, name, createdAt, row);
    }

    private static final List<String> REJECTIONS = List.of(
            "ID copy is not certified",
            "Proof of address is older than three months",
            "Matric certificate is unreadable; please upload a clearer scan");

    private void enroll(Cohort cohort, int person, String state, String verification, int k) {
        row(
                        "cohort_enrollments",
                        "cohort_enrollment",
                        cohort.name() + "/" + person,
                        cohort.createdAt().plus(Duration.ofDays(1 + k)))
                .set("institution_id", cohort.institutionId())
                .set("cohort_id", cohort.id())
                .set("candidate_id", people.get(person).id())
                .set("state", state)
                .set("document_verification_state", verification)
                .set(
                        "rejection_reason",
                        verification.equals("rejected") ? REJECTIONS.get((person + k) % REJECTIONS.size()) : null)
                .json(
                        "student_data",
                        new LinkedHashMap<>(Map.of(
                                "age",
                                19 + (person + k) % 9,
                                "gender",
                                person % 2 == 0 ? "female" : "male",
                                "race",
                                List.of("african", "african", "coloured", "indian", "white")
                                        .get((person + k) % 5),
                                "city",
                                people.get(person).location(),
                                "disability",
                                k % 5 == 4 ? "hearing" : "none")));
        Insert counted = cohort.row();
        counted.set("student_count", (Integer) counted.get("student_count") + 1);
    }
}
