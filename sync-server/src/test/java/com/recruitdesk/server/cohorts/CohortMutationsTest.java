package com.recruitdesk.server.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.server.support.CohortFixture;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** cohort.save, cohort.setState, sponsor.save and enrollment.create: who may, what they change, what is refused. */
@Tag("database")
class CohortMutationsTest {
    private static TestServer server;
    private static CohortFixture cohorts;
    private static SyncClient adminA;
    private static SyncClient adminB;
    private static SyncClient administrator;
    private static SyncClient interviewer;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        cohorts = CohortFixture.create(server);
        adminA = new SyncClient(server.api, CohortFixture.ADMIN_A, TestServer.PASSWORD);
        adminB = new SyncClient(server.api, CohortFixture.ADMIN_B, TestServer.PASSWORD);
        administrator = new SyncClient(server.api, "admin@demo.test", TestServer.PASSWORD);
        interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    private static CohortMutations.SaveCohort cohort(UUID id, UUID institution, String name, Long base) {
        return new CohortMutations.SaveCohort(
                id,
                institution,
                name,
                "internship",
                LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 11, 30),
                25,
                null,
                List.of("id_document", "qualification"),
                base);
    }

    private static JsonNode push(SyncClient who, CohortMutations.SaveCohort args) {
        return who.pushOne(SyncClient.mutation(CohortMutations.SAVE_COHORT, args));
    }

    @Test
    void anInstitutionAdminCreatesACohortOfTheirInstitutionAndTheirDesktopReceivesIt() {
        UUID id = UUID.randomUUID();

        JsonNode result = push(adminA, cohort(id, cohorts.institutionA, "IT Support Internship 2027", null));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        JsonNode row = adminA.pullAll().get("cohort/" + id).path("data");
        assertThat(row.path("state").asText()).isEqualTo("draft");
        assertThat(row.path("programType").asText()).isEqualTo("internship");
        assertThat(row.path("requiredDocuments").toString()).isEqualTo("[\"id_document\",\"qualification\"]");
        assertThat(adminB.pullAll()).doesNotContainKey("cohort/" + id);
        assertThat(count("select count(*) from activity_logs where action_type = 'cohort.save' and entity_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void anEditKeepsTheCohortsInstitutionAndChangesItsFields() {
        UUID id = UUID.randomUUID();
        push(administrator, cohort(id, cohorts.institutionA, "Winter Internship", null));

        JsonNode edit = push(adminA, cohort(id, cohorts.institutionA, "Winter Internship 2027", 1L));
        JsonNode moved = push(administrator, cohort(id, cohorts.institutionB, "Winter Internship 2027", 2L));

        assertThat(edit.path("status").asText()).isEqualTo("applied");
        assertThat(moved.path("code").asText()).isEqualTo("not_found");
        assertThat(count(
                        "select count(*) from cohorts where id = ? and name = 'Winter Internship 2027' and institution_id = ?",
                        id,
                        cohorts.institutionA))
                .isEqualTo(1);
    }

    @Test
    void anAdminOfAnotherInstitutionOrAnInterviewerIsRefusedAndNothingIsWritten() {
        UUID id = UUID.randomUUID();

        JsonNode byB = push(adminB, cohort(id, cohorts.institutionA, "Not theirs", null));
        JsonNode byInterviewer = push(interviewer, cohort(id, cohorts.institutionA, "Not theirs", null));
        JsonNode editByB = adminB.pushOne(SyncClient.mutation(
                CohortMutations.SET_COHORT_STATE, new CohortMutations.SetCohortState(cohorts.cohortA, "cancelled")));

        assertThat(byB.path("code").asText()).isEqualTo("not_found");
        assertThat(byInterviewer.path("status").asText()).isEqualTo("rejected");
        assertThat(editByB.path("code").asText()).isEqualTo("not_found");
        assertThat(count("select count(*) from cohorts where id = ?", id)).isZero();
        assertThat(count("select count(*) from cohorts where id = ? and state = 'active'", cohorts.cohortA))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name            | ''       | internship | id_document          | The cohort's name is empty
            unknown programme  | Cohort X | bootcamp   | id_document          | learnership, internship, candidacy
            unknown document   | Cohort X | internship | passport             | A required document is one of
            a document twice   | Cohort X | internship | id_document;id_document | names each type once
            taken name         | Retail Learnership 2026 | internship | id_document | has a cohort named
            """)
    void badCohortsAreRefusedWithTheReason(String what, String name, String type, String docs, String reason) {
        UUID id = UUID.randomUUID();
        var args = new CohortMutations.SaveCohort(
                id, cohorts.institutionA, name, type, null, null, null, null, List.of(docs.split(";")), null);

        JsonNode result = push(adminA, args);

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(count("select count(*) from cohorts where id = ?", id)).isZero();
    }

    @Test
    void aCohortEndingBeforeItStartsIsRefused() {
        var args = new CohortMutations.SaveCohort(
                UUID.randomUUID(),
                cohorts.institutionA,
                "Backwards",
                "internship",
                LocalDate.of(2027, 5, 1),
                LocalDate.of(2027, 4, 1),
                null,
                null,
                null,
                null);

        assertThat(push(adminA, args).path("message").asText()).contains("ends on or after the day it starts");
    }

    @Test
    void aCohortMovesOnlyAlongItsStates() {
        UUID id = UUID.randomUUID();
        push(adminA, cohort(id, cohorts.institutionA, "States cohort", null));
        var state = (java.util.function.Function<String, JsonNode>) s -> adminA.pushOne(
                SyncClient.mutation(CohortMutations.SET_COHORT_STATE, new CohortMutations.SetCohortState(id, s)));

        assertThat(state.apply("completed").path("message").asText())
                .contains("A cohort that is draft cannot become completed; it may become active or cancelled.");
        assertThat(state.apply("active").path("status").asText()).isEqualTo("applied");
        assertThat(state.apply("draft").path("code").asText()).isEqualTo("invalid");
        assertThat(state.apply("paused").path("message").asText()).contains("draft, active, completed, cancelled");
        assertThat(state.apply("completed").path("status").asText()).isEqualTo("applied");
        assertThat(state.apply("cancelled").path("message").asText()).contains("it stays completed");
        assertThat(count("select count(*) from cohorts where id = ? and state = 'completed'", id))
                .isEqualTo(1);
    }

    @Test
    void aSponsorIsAddedAndEditedAndItsEmailKeptInLowerCase() {
        UUID id = UUID.randomUUID();
        var add = new CohortMutations.SaveSponsor(
                id,
                cohorts.institutionA,
                "Shoprite Holdings",
                "Lerato M",
                "Skills@Shoprite.test",
                "+27215550100",
                "9000123456");

        assertThat(adminA.pushOne(SyncClient.mutation(CohortMutations.SAVE_SPONSOR, add))
                        .path("status")
                        .asText())
                .isEqualTo("applied");
        var edit = new CohortMutations.SaveSponsor(
                id, cohorts.institutionA, "Shoprite Holdings Ltd", null, null, null, "9000123456");
        assertThat(adminA.pushOne(SyncClient.mutation(CohortMutations.SAVE_SPONSOR, edit))
                        .path("status")
                        .asText())
                .isEqualTo("applied");

        JsonNode row = adminA.pullAll().get("sponsor/" + id).path("data");
        assertThat(row.path("companyName").asText()).isEqualTo("Shoprite Holdings Ltd");
        assertThat(row.path("taxNumber").asText()).isEqualTo("9000123456");
        assertThat(count("select count(*) from sponsors where id = ? and contact_email is null", id))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no company      | ''        | a@b.test     | The company's name is empty
            not an email    | Acme      | not-an-email | is not an email address
            """)
    void badSponsorsAreRefused(String what, String company, String email, String reason) {
        UUID id = UUID.randomUUID();
        var args = new CohortMutations.SaveSponsor(id, cohorts.institutionA, company, null, email, null, null);

        JsonNode result = adminA.pushOne(SyncClient.mutation(CohortMutations.SAVE_SPONSOR, args));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(count("select count(*) from sponsors where id = ?", id)).isZero();
    }

    @Test
    void aSponsorOfAnotherInstitutionIsNotFound() {
        var args = new CohortMutations.SaveSponsor(
                UUID.randomUUID(), cohorts.institutionA, "Acme", null, null, null, null);

        assertThat(adminB.pushOne(SyncClient.mutation(CohortMutations.SAVE_SPONSOR, args))
                        .path("code")
                        .asText())
                .isEqualTo("not_found");
        assertThat(interviewer
                        .pushOne(SyncClient.mutation(CohortMutations.SAVE_SPONSOR, args))
                        .path("status")
                        .asText())
                .isEqualTo("rejected");
    }

    private static JsonNode enroll(
            SyncClient who, UUID id, UUID cohort, String name, String email, Map<String, String> data) {
        return who.pushOne(SyncClient.mutation(
                CohortMutations.CREATE_ENROLLMENT,
                new CohortMutations.CreateEnrollment(id, cohort, null, name, email, null, data)));
    }

    @Test
    void enrollingANewStudentAddsThePersonAndAnInvitationThatExpires() {
        UUID id = UUID.randomUUID();

        JsonNode result = enroll(
                adminA,
                id,
                cohorts.cohortA,
                "Ayanda Zulu",
                "Ayanda@Student.test",
                Map.of("age", "21", "gender", "female", "city", "Soweto"));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        JsonNode row = adminA.pullAll().get("cohortEnrollment/" + id).path("data");
        assertThat(row.path("state").asText()).isEqualTo("waiting");
        assertThat(row.path("documentVerificationState").asText()).isEqualTo("pending");
        assertThat(row.path("studentData").path("city").asText()).isEqualTo("Soweto");
        assertThat(row.path("invitationExpiresAt").asText()).isNotEmpty();
        assertThat(count("select count(*) from candidates where email = 'ayanda@student.test' and source = 'cohort'"))
                .isEqualTo(1);
    }

    @Test
    void aStudentsDemographicsReachTheirInstitutionsAdminsAndAdministratorsButNotTheRestOfTheStaff() {
        UUID id = UUID.randomUUID();
        var recruiter = new SyncClient(server.api, "recruiter@demo.test", TestServer.PASSWORD);
        var manager = new SyncClient(server.api, "manager@demo.test", TestServer.PASSWORD);

        enroll(
                adminA,
                id,
                cohorts.cohortA,
                "Lerato Dube",
                "lerato@student.test",
                Map.of("race", "african", "disability", "none"));

        String key = "cohortEnrollment/" + id;
        assertThat(adminA.pullAll()
                        .get(key)
                        .path("data")
                        .path("studentData")
                        .path("race")
                        .asText())
                .isEqualTo("african");
        assertThat(administrator
                        .pullAll()
                        .get(key)
                        .path("data")
                        .path("studentData")
                        .path("disability")
                        .asText())
                .isEqualTo("none");
        for (SyncClient staff : List.of(recruiter, manager)) {
            JsonNode row = staff.pullAll().get(key).path("data");
            assertThat(row.path("state").asText()).isEqualTo("waiting");
            assertThat(row.has("studentData")).isFalse();
        }
    }

    @Test
    void aStudentKnownByEmailIsEnrolledAsThatPersonAndOnlyOncePerCohort() {
        UUID other = cohorts.cohort("Second cohort", "draft");
        enroll(adminA, UUID.randomUUID(), cohorts.cohortA, "Lindiwe", "lindiwe@student.test", null);

        JsonNode second = enroll(adminA, UUID.randomUUID(), other, "Lindiwe N", "lindiwe@student.test", null);
        JsonNode again = enroll(adminA, UUID.randomUUID(), cohorts.cohortA, "Lindiwe", "lindiwe@student.test", null);

        assertThat(second.path("status").asText()).isEqualTo("applied");
        assertThat(again.path("message").asText()).contains("enrolled in the cohort already");
        assertThat(count("select count(*) from candidates where email = 'lindiwe@student.test'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from cohort_enrollments e join candidates p on p.id = e.candidate_id"
                        + " where p.email = 'lindiwe@student.test'"))
                .isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no way to reach them | Sam   | ''          | ''           | an email address or a WhatsApp number
            a bad number         | Sam   | ''          | 0821234567   | with + and the country code
            no name              | ''    | sam@x.test  | ''           | The student's name is empty
            unknown data         | Sam   | sam2@x.test | ''           | Student data holds only
            """)
    void badEnrollmentsAreRefused(String what, String name, String email, String whatsapp, String reason) {
        UUID id = UUID.randomUUID();
        Map<String, String> data = what.equals("unknown data") ? Map.of("religion", "x") : Map.of();

        JsonNode result = adminA.pushOne(SyncClient.mutation(
                CohortMutations.CREATE_ENROLLMENT,
                new CohortMutations.CreateEnrollment(id, cohorts.cohortA, null, name, email, whatsapp, data)));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(count("select count(*) from cohort_enrollments where id = ?", id))
                .isZero();
    }

    private static JsonNode saveData(SyncClient who, UUID enrollment, Map<String, String> data) {
        return who.pushOne(SyncClient.mutation(
                CohortMutations.SAVE_STUDENT_DATA, new CohortMutations.SaveStudentData(enrollment, data)));
    }

    @Test
    void anInstitutionAdminEditsAStudentsDemographicsAndTheyAreStoredAsTheRulesSay() {
        UUID id = UUID.randomUUID();
        enroll(adminA, id, cohorts.cohortA, "Kagiso Mahlangu", "kagiso@student.test", Map.of("age", "20"));

        JsonNode result = saveData(
                adminA,
                id,
                Map.of("age", " 22 ", "gender", "male", "race", "coloured", "city", "  Durban ", "disability", ""));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        JsonNode data =
                adminA.pullAll().get("cohortEnrollment/" + id).path("data").path("studentData");
        assertThat(data.path("age").isInt()).isTrue();
        assertThat(data.path("age").asInt()).isEqualTo(22);
        assertThat(data.path("city").asText()).isEqualTo("Durban");
        assertThat(data.path("race").asText()).isEqualTo("coloured");
        assertThat(data.has("disability")).isFalse();
        assertThat(count(
                        "select count(*) from activity_logs where entity_id = ? and action_type = 'enrollment.saveStudentData'"
                                + " and details::text not like '%Durban%'",
                        id))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            age      | twenty | a whole number of years, not 'twenty'
            age      | 12     | between 15 and 80, not 12
            gender   | other  | The student's gender is one of female, male
            race     | black  | The student's race is one of african, coloured
            disability | blind | The student's disability is one of none, sight
            religion | none   | Student data holds only age, gender, race, city, disability
            """)
    void badDemographicsAreRefusedAndTheStoredOnesStay(String field, String value, String reason) {
        UUID id = UUID.randomUUID();
        enroll(
                adminA,
                id,
                cohorts.cohortA,
                "Palesa " + field,
                field + "." + id + "@student.test",
                Map.of("city", "Polokwane"));

        JsonNode edit = saveData(adminA, id, Map.of(field, value));
        JsonNode enrol = enroll(
                adminA,
                UUID.randomUUID(),
                cohorts.cohortA,
                "Other " + field,
                "o." + id + "@student.test",
                Map.of(field, value));

        assertThat(edit.path("code").asText()).isEqualTo("invalid");
        assertThat(edit.path("message").asText()).contains(reason);
        assertThat(enrol.path("message").asText()).contains(reason);
        assertThat(count(
                        "select count(*) from cohort_enrollments where id = ? and student_data = '{\"city\": \"Polokwane\"}'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void aCityLongerThanAHundredCharactersIsRefused() {
        UUID id = UUID.randomUUID();
        enroll(adminA, id, cohorts.cohortA, "Long City", "long.city@student.test", null);

        JsonNode edit = saveData(adminA, id, Map.of("city", "x".repeat(101)));

        assertThat(edit.path("message").asText()).isEqualTo("The city is longer than 100 characters.");
    }

    @Test
    void anotherInstitutionsAdminOrAnInterviewerCannotEditAStudentsDemographics() {
        UUID id = UUID.randomUUID();
        enroll(adminA, id, cohorts.cohortA, "Refilwe Molefe", "refilwe@student.test", Map.of("city", "Pretoria"));

        JsonNode byB = saveData(adminB, id, Map.of("city", "Durban"));
        JsonNode byInterviewer = saveData(interviewer, id, Map.of("city", "Durban"));
        JsonNode unknown = saveData(adminA, UUID.randomUUID(), Map.of("city", "Durban"));

        assertThat(byB.path("code").asText()).isEqualTo("not_found");
        assertThat(byInterviewer.path("code").asText()).isEqualTo("not_found");
        assertThat(unknown.path("code").asText()).isEqualTo("not_found");
        assertThat(count(
                        "select count(*) from cohort_enrollments where id = ? and student_data ->> 'city' = 'Pretoria'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void noStudentIsEnrolledInACancelledCohortOrByAnotherInstitution() {
        UUID cancelled = cohorts.cohort("Cancelled cohort", "cancelled");

        JsonNode inCancelled = enroll(adminA, UUID.randomUUID(), cancelled, "Sam", "sam3@x.test", null);
        JsonNode byB = enroll(adminB, UUID.randomUUID(), cohorts.cohortA, "Sam", "sam3@x.test", null);
        JsonNode byInterviewer = enroll(interviewer, UUID.randomUUID(), cohorts.cohortA, "Sam", "sam3@x.test", null);

        assertThat(inCancelled.path("message").asText()).contains("The cohort is cancelled");
        assertThat(byB.path("code").asText()).isEqualTo("not_found");
        assertThat(byInterviewer.path("status").asText()).isEqualTo("rejected");
        assertThat(count("select count(*) from candidates where email = 'sam3@x.test'"))
                .isZero();
    }
}
