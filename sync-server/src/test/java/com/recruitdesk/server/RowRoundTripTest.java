package com.recruitdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.conversations.ConversationRow;
import com.recruitdesk.server.conversations.MessageRow;
import com.recruitdesk.server.people.PersonRow;
import com.recruitdesk.server.pipelines.Timeline;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.support.TestPostgres;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

/**
 * Each kind of row survives a trip through its writer and PostgreSQL: written by the feature's row
 * writer (or the demo's {@link Insert}, for tables no feature writes yet), read back as the change
 * feed reads it ({@code to_jsonb}), every column given (jsonb, numeric, dates included) equals what
 * was written (decision 0018).
 */
@Tag("database")
class RowRoundTripTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private static Database db;
    private static UUID org;
    private static UUID recruiter;
    private static UUID interviewer;
    private static UUID interviewer2;

    @BeforeAll
    static void open() {
        db = Database.open(TestPostgres.migratedDatabase());
        Accounts accounts = new Accounts(db);
        org = accounts.createOrganization("Round Trip Agency");
        recruiter = user(accounts, "recruiter@rt.test", Role.RECRUITER);
        interviewer = user(accounts, "interviewer@rt.test", Role.INTERVIEWER);
        interviewer2 = user(accounts, "interviewer2@rt.test", Role.INTERVIEWER);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void whatsAppAccountRoundTrips() throws Exception {
        assertRoundTrip(account("+27215550100"));
    }

    @Test
    void candidateWithEveryFieldAndItsTagRoundTrip() throws Exception {
        PersonRow person = new PersonRow()
                .organizationId(org)
                .ownerUserId(recruiter)
                .source("web_form")
                .whatsappId("+27825550111")
                .whatsappUserId("ZA.13491208655302741918")
                .whatsappParentUserId("ZA.ENT.99")
                .whatsappUsername("@thandi")
                .whatsappName("Thandi M")
                .email("thandi.mokoena@example.com")
                .phone("+27215550999")
                .fullName("Thandi Mokoena")
                .firstName("Thandi")
                .lastName("Mokoena")
                .location("Cape Town")
                .metadata(Map.of("heightCm", 176, "referredBy", "Instagram", "sizes", List.of("S", "M")))
                .languages(List.of("English", "isiXhosa"))
                .preferredContactMode("whatsapp")
                .preferredModelingType(List.of("runway", "commercial"))
                .hasKids(false)
                .preferredShift("morning")
                .unavailableShifts(List.of("evening"))
                .formNotes("Available from March")
                .formSubmittedAt(T0.minus(Duration.ofDays(2)))
                .currentJobTitle("Freelance model")
                .skills(List.of("runway", "posing"))
                .totalExperienceYears(new BigDecimal("3.5"))
                .expectedCtc(300_000L)
                .currency("ZAR")
                .noticePeriodDays(14)
                .readyToRelocate("open_to_discussion")
                .highestEducation("National Senior Certificate")
                .yearOfPassing(2019)
                .dob(LocalDate.of(2001, 7, 14))
                .gender("female")
                .skillsLastUpdated(T0.minusSeconds(60));
        UUID id = assertRoundTrip(person.insert());

        // The profile columns no feature writes yet, through the same insert the demo uses.
        assertRoundTrip(Insert.into("candidates")
                .set("organization_id", org)
                .set("whatsapp_id", "+27825550112")
                .set("linkedin_url", "https://www.linkedin.com/in/thandi")
                .set("portfolio_url", "https://thandi.example.com")
                .set("github_url", "https://github.com/thandi")
                .set("resume_last_updated", T0.minus(Duration.ofDays(30)))
                .set("bio", "Commercial and runway model")
                .set("is_actively_searching", true)
                .json("certificates", List.of("First Aid Level 1"))
                .set("projects_summary", "Cape Town Fashion Week 2025")
                .set("experience_level", "mid")
                .set("expected_role", "Brand ambassador")
                .set("job_type_preference", "contract")
                .json("current_locations", List.of("Cape Town"))
                .json("preferred_locations", List.of("Cape Town", "Johannesburg"))
                .set("availability_date", LocalDate.of(2026, 3, 1))
                .set("availability_percentage", 80)
                .set("work_authorization", "South African citizen")
                .set("current_ctc", 240_000L)
                .set("is_ctc_negotiable", true)
                .set("looking_for_jobs_abroad", false)
                .set("sector_preference", "fashion")
                .json("preferred_industries", List.of("fashion", "retail"))
                .set("marital_status", "single")
                .set("reservation_category", "none")
                .set("disability", "none")
                .set("willingness_to_travel", "yes")
                .set("has_driving_license", true)
                .set("has_current_offers", true)
                .set("number_of_offers", 1)
                .set("best_time_to_contact", "mornings")
                .set("alternate_email", "thandi.m@example.org")
                .set("alternate_phone", "+27215550998")
                .set("time_zone", "Africa/Johannesburg")
                .set("current_ctc_last_updated", T0.minusSeconds(10))
                .set("expected_ctc_last_updated", T0.minusSeconds(20))
                .set("notice_period_last_updated", T0.minusSeconds(30))
                .set("total_experience_last_updated", T0.minusSeconds(40))
                .set("current_location_last_updated", T0.minusSeconds(50))
                .set("preferred_location_last_updated", T0.minusSeconds(70))
                .set("last_prescreening_at", T0.minusSeconds(80)));

        assertRoundTrip(Insert.into("candidate_tags")
                .set("organization_id", org)
                .set("candidate_id", id)
                .set("tag", "runway"));
    }

    @Test
    void conversationAndItsMessagesOfEveryKindRoundTrip() throws Exception {
        UUID account = assertRoundTrip(account("+27215550101"));
        UUID person = assertRoundTrip(candidate("+27825550222"));

        UUID conversation = assertRoundTrip(new ConversationRow()
                .organizationId(org)
                .whatsappAccountId(account)
                .candidateId(person)
                .status("needs_attention")
                .assignedUserId(recruiter)
                .unreadCount(2)
                .lastMessageAt(T0.minusSeconds(5))
                .lastMessagePreview("Here is my CV")
                .lastInboundAt(T0.minusSeconds(5))
                .insert());

        UUID location = assertRoundTrip(message(conversation, account, person, "inbound", "location", "candidate")
                .providerMessageId("wamid.RT-LOCATION")
                .payload(JSON.valueToTree(Map.of(
                        "latitude", -33.9249, "longitude", 18.4241, "name", "V&A Waterfront", "address", "Cape Town")))
                .insert());
        assertRoundTrip(message(conversation, account, person, "inbound", "document", "candidate")
                .providerMessageId("wamid.RT-DOCUMENT")
                .mediaProviderId("1234567890")
                .mediaMimeType("application/pdf")
                .mediaFilename("cv.pdf")
                .mediaCaption("Here is my CV")
                .replyToMessageId(location)
                .insert());
        assertRoundTrip(message(conversation, account, person, "outbound", "text", "user")
                .senderUserId(recruiter)
                .body("Are you still interested?")
                .providerMessageId("wamid.RT-FAILED")
                .status("failed")
                .errorCode(131047)
                .errorTitle("Re-engagement message")
                .insert());
        assertRoundTrip(message(conversation, account, person, "outbound", "interactive", "bot")
                .body("Which shift suits you?")
                .payload(JSON.valueToTree(Map.of("buttons", List.of(Map.of("id", "morning", "title", "Morning")))))
                .providerMessageId("wamid.RT-READ")
                .status("read")
                .deliveredAt(T0.minusSeconds(3))
                .readAt(T0.minusSeconds(2))
                .insert());
        assertRoundTrip(message(conversation, account, person, "inbound", "audio", "candidate")
                .voice(true)
                .providerMessageId("wamid.RT-VOICE")
                .mediaProviderId("99887766")
                .mediaMimeType("audio/ogg")
                .insert());
        assertRoundTrip(message(conversation, account, person, "internal", "note", "user")
                .senderUserId(recruiter)
                .body("Called her, she will resend the CV")
                .insert());
    }

    @Test
    void jobWithPrescreenQuestionRoundTrips() throws Exception {
        UUID job = assertRoundTrip(job("rt-job-1")
                .set("assigned_recruiter_id", recruiter)
                .set("created_by_user_id", recruiter)
                .set("hiring_manager_user_id", recruiter)
                .set("internal_job_id", "RT-001")
                .set("employment_type", "full_time")
                .set("work_mode", "hybrid")
                .set("industry", "Software")
                .set("functional_area", "Engineering")
                .set("department", "Platform")
                .json("job_locations", List.of("Cape Town", "Remote"))
                .set("min_salary", 420_000L)
                .set("max_salary", 600_000L)
                .set("currency", "ZAR")
                .set("salary_unit", "year")
                .json("benefits_perks", List.of("Medical aid", "Laptop"))
                .set("about_company", "A fintech")
                .set("job_summary", "Build the payments API")
                .json("responsibilities", List.of("Write Java", "Review code"))
                .set("experience_required", "2+ years")
                .set("experience_level", "junior")
                .set("min_experience_years", new BigDecimal("2.0"))
                .set("max_experience_years", new BigDecimal("4.5"))
                .set("education_qualification", "BSc Computer Science")
                .json("required_skills", JSON.readTree("{\"java\": \"advanced\", \"sql\": \"intermediate\"}"))
                .json("preferred_skills", JSON.readTree("[\"kotlin\", \"postgresql\"]"))
                .json("tools_tech_stack", List.of("Maven", "Git"))
                .set("number_of_openings", 2)
                .set("positions_filled", 1)
                .set("application_deadline", LocalDate.of(2026, 12, 31))
                .json("hiring_process_rounds", List.of("Screening call", "Technical", "Offer"))
                .set("notice_period_accepted", "30 days")
                .set("meta_title", "Junior Java Developer")
                .set("meta_description", "Join us")
                .set("is_published", true)
                .set("published_at", T0.minus(Duration.ofDays(3)))
                .set("status", "open"));

        assertRoundTrip(question(job, "ps_notice_period", "choice")
                .set("must_have", true)
                .set("weight", 40)
                .json("validation_rule", Map.of("maxDays", 30))
                .json("choices", List.of("Immediately", "2 weeks", "1 month"))
                .set("sort_order", 2));
    }

    @Test
    void applicationWithTimelineAndPrescreenAnswerRoundTrip() throws Exception {
        UUID job = assertRoundTrip(job("rt-job-2"));
        UUID question = assertRoundTrip(question(job, "ps_years", "number"));
        UUID person = assertRoundTrip(candidate("+27825550333"));

        UUID application = assertRoundTrip(Insert.into("applications")
                .set("organization_id", org)
                .set("candidate_id", person)
                .set("job_id", job)
                .set("applied_at", T0.minus(Duration.ofDays(5)))
                .set("stage", "screening")
                .set("match_score", 82)
                .set("ai_custom_summary", "Strong Java, little SQL")
                .set("automation_status", "awaiting_reply")
                .set("is_recruiter_approved", true)
                .set("follow_up_status", "shortlisted")
                .set("next_follow_up_date", LocalDate.of(2026, 12, 1))
                .set("follow_up_remarks", "Call after 14:00")
                .set("pre_screening_completed", true)
                .json("pre_screening_summary", Map.of("score", 75, "mustHaveFailed", false))
                .set("jd_match_score", 70)
                .set("last_prescreening_at", T0.minus(Duration.ofDays(1)))
                .set("submitted_to_client", true)
                .set("submitted_to_client_at", T0.minusSeconds(100))
                .set("candidate_availability", "immediate")
                .json("submitted_skills", JSON.readTree("[\"java\", \"spring\"]"))
                .set("role_applied_for", "Junior Java Developer"));
        assertThat(read("applications", application).path("is_active").asBoolean())
                .as("generated from the stage")
                .isTrue();

        Timeline step = new Timeline(null, org, application, "stage", "new", "screening", recruiter, "Good CV", null);
        assertRoundTrip(db.transaction(c -> step.row(c, T0)));

        assertRoundTrip(Insert.into("prescreen_answers")
                .set("organization_id", org)
                .set("application_id", application)
                .set("question_id", question)
                .set("job_id", job)
                .set("answer_value", "three years")
                .set("normalized_value", "3")
                .set("validation_result", true)
                .set("question_score", 90)
                .json("answer_metadata", Map.of("parser", "number", "confidence", 0.93)));
    }

    @Test
    void interviewWithParticipantsAndFeedbackRoundTrip() throws Exception {
        UUID person = assertRoundTrip(candidate("+27825550444"));
        UUID job = assertRoundTrip(job("rt-job-3"));

        UUID session = assertRoundTrip(Insert.into("interview_sessions")
                .set("organization_id", org)
                .set("created_by_user_id", recruiter)
                .set("candidate_id", person)
                .set("job_id", job)
                .set("interview_type", "panel")
                .set("interview_mode", "video")
                .set("scheduled_at", T0.minus(Duration.ofHours(3)))
                .set("duration_minutes", 45)
                .set("timezone", "Africa/Johannesburg")
                .set("status", "completed")
                .set("started_at", T0.minus(Duration.ofHours(3)))
                .set("ended_at", T0.minus(Duration.ofHours(2)))
                .set("actual_duration_minutes", 52)
                .set("preparation_notes", "Read the CV")
                .set("question_guide", "Java basics, SQL joins")
                .set("meeting_link", "https://meet.example.com/abc")
                .set("meeting_room", "Table Mountain room")
                .set("meeting_notes", "Went well")
                .set("reminder_sent_at", T0.minus(Duration.ofDays(1))));

        assertRoundTrip(participant(session, interviewer, "lead"));
        assertRoundTrip(participant(session, interviewer2, "panelist"));

        UUID feedback = assertRoundTrip(Insert.into("interview_feedback")
                .set("organization_id", org)
                .set("interview_session_id", session)
                .set("interviewer_user_id", interviewer)
                .set("overall_rating", new BigDecimal("4.5"))
                .set("recommendation", "hire")
                .set("technical_skills_rating", new BigDecimal("4.0"))
                .set("communication_rating", new BigDecimal("5.0"))
                .set("problem_solving_rating", new BigDecimal("3.5"))
                .set("culture_fit_rating", new BigDecimal("4.5"))
                .json("skills_evaluated", JSON.readTree("{\"java\": 4, \"sql\": 3}"))
                .set("strengths", "Clear thinker")
                .set("weaknesses", "Little SQL")
                .set("detailed_notes", "Solved the exercise in 20 minutes")
                .json("questions_asked", List.of("Explain a HashMap", "Write a join"))
                .set("requires_second_round", true)
                .set("follow_up_notes", "Second round with the CTO")
                .set("submitted_at", T0.minus(Duration.ofHours(1)))
                .set("is_final", true)
                .set("interviewer_name", "Ivan Interviewer")
                .json("rating_notes", Map.of("communication", "Explains clearly")));

        assertRoundTrip(Insert.into("interview_feedback_amendments")
                .set("organization_id", org)
                .set("feedback_id", feedback)
                .set("interview_session_id", session)
                .set("interviewer_user_id", interviewer)
                .json("changes", Map.of("recommendation", Map.of("from", "hire", "to", "strong_hire")))
                .set("reason", "References were excellent"));
    }

    @Test
    void institutionCohortAndEnrollmentRoundTrip() throws Exception {
        UUID institution = assertRoundTrip(Insert.into("institutions")
                .set("organization_id", org)
                .set("name", "Round Trip Academy")
                .set("registration_number", "2019/123456/07")
                .set("address", "1 Long Street, Cape Town")
                .set("contact_email", "office@rt-academy.test")
                .set("contact_phone", "+27215550123")
                .set("super_admin_user_id", recruiter)
                .json("settings", Map.of("requireIdDocument", true, "documents", List.of("id_document"))));

        UUID cohort = assertRoundTrip(Insert.into("cohorts")
                .set("organization_id", org)
                .set("institution_id", institution)
                .set("created_by_user_id", recruiter)
                .set("name", "Retail Learnership 2026")
                .set("program_type", "learnership")
                .set("sponsor_email", "hr@sponsor.test")
                .set("student_count", 25)
                .set("admin_signed_at", T0.minus(Duration.ofDays(10)))
                .set("state", "active")
                .set("start_date", LocalDate.of(2026, 2, 1))
                .set("end_date", LocalDate.of(2026, 11, 30)));

        UUID student = assertRoundTrip(candidate("+27825550555"));
        assertRoundTrip(Insert.into("cohort_enrollments")
                .set("organization_id", org)
                .set("institution_id", institution)
                .set("cohort_id", cohort)
                .set("candidate_id", student)
                .set("state", "in_progress")
                .set("document_verification_state", "rejected")
                .set("rejection_reason", "ID copy is not certified")
                .json("student_data", Map.of("age", 22, "city", "Khayelitsha", "gender", "female")));
    }

    @Test
    void changingARowBumpsItsVersionAndUpdatedAt() throws Exception {
        UUID account = assertRoundTrip(account("+27215550102"));
        JsonNode before = read("whatsapp_accounts", account);

        db.transaction(c ->
                Sql.update(c, "update whatsapp_accounts set connection_status = 'disconnected' where id = ?", account));
        JsonNode after = read("whatsapp_accounts", account);

        assertThat(after.path("connection_status").asText()).isEqualTo("disconnected");
        assertThat(after.path("version").asLong())
                .isEqualTo(before.path("version").asLong() + 1);
        assertThat(instant(after.path("updated_at"))).isAfterOrEqualTo(instant(before.path("updated_at")));
        assertThat(after.path("created_at")).isEqualTo(before.path("created_at"));
    }

    @Test
    void movingAnApplicationToHiredMakesItInactive() throws Exception {
        UUID job = assertRoundTrip(job("rt-job-4"));
        UUID person = assertRoundTrip(candidate("+27825550666"));
        UUID application = assertRoundTrip(Insert.into("applications")
                .set("organization_id", org)
                .set("candidate_id", person)
                .set("job_id", job)
                .set("applied_at", T0));
        assertThat(read("applications", application).path("is_active").asBoolean())
                .as("read back after insert")
                .isTrue();

        Boolean activeAfterUpdate = db.transaction(c -> Sql.one(
                        c,
                        "update applications set stage = 'hired' where id = ? returning is_active",
                        rs -> rs.getBoolean(1),
                        application)
                .orElseThrow());

        assertThat(activeAfterUpdate).as("read back after update").isFalse();
        assertThat(read("applications", application).path("is_active").asBoolean())
                .isFalse();
    }

    // ---------------------------------------------------------------------------------------------

    /** Writes the row, reads it back, and checks every column it was given; returns its id. */
    private static UUID assertRoundTrip(Insert insert) throws Exception {
        UUID id = db.transaction(insert::returningId).orElseThrow();
        JsonNode loaded = read(insert.table(), id);
        for (String column : insert.columns()) {
            Object written = insert.get(column);
            JsonNode value = loaded.path(column);
            switch (written) {
                case Instant t -> assertThat(instant(value)).as(column).isEqualTo(t);
                case BigDecimal n -> assertThat(value.decimalValue()).as(column).isEqualByComparingTo(n);
                case PGobject json -> assertThat(value).as(column).isEqualTo(JSON.readTree(json.getValue()));
                case Number n -> assertThat(value.asLong()).as(column).isEqualTo(n.longValue());
                case Boolean b -> assertThat(value.asBoolean()).as(column).isEqualTo(b);
                case Enum<?> e -> assertThat(value.asText()).as(column).isEqualTo(e.name());
                default -> assertThat(value.asText()).as(column).isEqualTo(written.toString());
            }
        }
        return id;
    }

    private static JsonNode read(String table, UUID id) throws SQLException {
        return db.transaction(c -> Sql.one(
                        c,
                        "select to_jsonb(t)::text from " + table + " t where id = ?",
                        rs -> {
                            try {
                                return JSON.readTree(rs.getString(1));
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        id)
                .orElseThrow());
    }

    private static Instant instant(JsonNode timestamp) {
        return OffsetDateTime.parse(timestamp.asText()).toInstant();
    }

    private static UUID user(Accounts accounts, String email, Role role) {
        return accounts.create(org, email, email, "not-a-real-hash", List.of(RoleGrant.of(role)))
                .id();
    }

    private static Insert account(String phone) {
        return Insert.into("whatsapp_accounts")
                .set("organization_id", org)
                .set("display_name", "Recruiting line " + phone)
                .set("phone", phone)
                .set("provider", "cloud_api")
                .set("phone_number_id", "pn-" + phone.substring(1))
                .set("waba_id", "waba-1")
                .set("connection_status", "connected")
                .set("verified_name", "Round Trip Agency")
                .set("quality_rating", "GREEN")
                .set("messaging_limit_tier", "TIER_1K")
                .set("meta_checked_at", T0.minusSeconds(120))
                .set("last_connected_at", T0.minusSeconds(60));
    }

    private static Insert candidate(String whatsappId) {
        return new PersonRow()
                .organizationId(org)
                .whatsappId(whatsappId)
                .whatsappName("Person " + whatsappId)
                .insert();
    }

    private static Insert job(String slug) {
        return Insert.into("jobs")
                .set("organization_id", org)
                .set("title", "Job " + slug)
                .set("slug", slug);
    }

    private static Insert question(UUID job, String qid, String type) {
        return Insert.into("prescreen_questions")
                .set("organization_id", org)
                .set("job_id", job)
                .set("qid", qid)
                .set("question_text", "Question " + qid)
                .set("question_type", type);
    }

    private static MessageRow message(
            UUID conversation, UUID account, UUID person, String direction, String type, String senderType) {
        return new MessageRow()
                .organizationId(org)
                .conversationId(conversation)
                .whatsappAccountId(account)
                .candidateId(person)
                .direction(direction)
                .type(type)
                .senderType(senderType)
                .sentAt(T0.minusSeconds(30));
    }

    private static Insert participant(UUID session, UUID user, String role) {
        return Insert.into("interview_participants")
                .set("organization_id", org)
                .set("interview_session_id", session)
                .set("user_id", user)
                .set("participant_role", role);
    }
}
