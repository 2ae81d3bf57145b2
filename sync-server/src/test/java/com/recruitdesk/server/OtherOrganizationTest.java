package com.recruitdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.interviews.Interviews;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A row of another organization is answered exactly as a row that does not exist: not_found, the
 * same sentence, and nothing of theirs changes. Every mutation that names a row is tried with one.
 */
@Tag("database")
class OtherOrganizationTest {
    /** Another organization's rows, each with everything its mutations need. */
    record Theirs(
            UUID conversation,
            UUID candidate,
            UUID application,
            UUID cannedResponse,
            UUID template,
            UUID blob,
            UUID interview,
            UUID feedback,
            UUID notification,
            UUID job,
            UUID question,
            UUID actionItem,
            UUID institution,
            UUID cohort,
            UUID document,
            UUID user,
            UUID whatsappAccount,
            UUID enrollment) {}

    /**
     * {@code createsWhenAbsent}: with an id nobody has, the mutation makes the row (cannedResponse.save).
     * {@code byAdministrator}: tried as an administrator rather than a recruiter.
     */
    record Case(
            String name,
            Function<UUID, Mutation> mutation,
            Function<Theirs, UUID> theirs,
            boolean createsWhenAbsent,
            boolean byAdministrator) {
        Case(String name, Function<UUID, Mutation> mutation, Function<Theirs, UUID> theirs) {
            this(name, mutation, theirs, false, false);
        }

        Case(String name, Function<UUID, Mutation> mutation, Function<Theirs, UUID> theirs, boolean createsWhenAbsent) {
            this(name, mutation, theirs, createsWhenAbsent, false);
        }

        static Case ofAdministrator(String name, Function<UUID, Mutation> mutation, Function<Theirs, UUID> theirs) {
            return new Case(name, mutation, theirs, false, true);
        }

        SyncClient client() {
            return byAdministrator ? administrator : recruiter;
        }

        /** An administrator's mutation. */
        static Case admin(
                String name, Function<UUID, Mutation> mutation, Function<Theirs, UUID> theirs, boolean creates) {
            return new Case(name, mutation, theirs, creates, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static TestServer server;
    private static SyncFixture world;
    private static Theirs theirs;
    private static SyncClient recruiter;
    /** The Cohorts mutations are the administrators' (and institution admins'), so they are tried as one. */
    private static SyncClient administrator;
    /** A role in their person's work history (kept apart from {@link Theirs}, which other features extend). */
    private static UUID theirRole;

    @BeforeAll
    static void start() throws SQLException {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        administrator = new SyncClient(server.api, "admin@demo.test", TestServer.PASSWORD);
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID org = SyncFixture.insert(c, "insert into organizations (name) values ('Another agency') returning id");
            UUID user = SyncFixture.insert(
                    c,
                    "insert into users (organization_id, email, full_name, password_hash) values (?, 'them@other.test', 'Them', 'x') returning id",
                    org);
            UUID account = SyncFixture.insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone) values (?, 'Their line', '+27119990001') returning id",
                    org);
            UUID person = SyncFixture.insert(
                    c,
                    "insert into candidates (organization_id, whatsapp_id, full_name) values (?, '+27829990001', 'Their person') returning id",
                    org);
            theirRole = SyncFixture.insert(
                    c,
                    "insert into candidate_work_history (organization_id, candidate_id, company_name) values (?, ?, 'Theirs') returning id",
                    org,
                    person);
            UUID conversation = SyncFixture.insert(
                    c,
                    "insert into conversations (organization_id, whatsapp_account_id, candidate_id, status, last_inbound_at) values (?, ?, ?, 'open', now()) returning id",
                    org,
                    account,
                    person);
            UUID job = SyncFixture.insert(
                    c, "insert into jobs (organization_id, title) values (?, 'Their job') returning id", org);
            UUID application = SyncFixture.insert(
                    c,
                    "insert into applications (organization_id, candidate_id, job_id) values (?, ?, ?) returning id",
                    org,
                    person,
                    job);
            UUID canned = SyncFixture.insert(
                    c,
                    "insert into canned_responses (organization_id, shortcut, body) values (?, 'theirs', 'Their text') returning id",
                    org);
            UUID template = SyncFixture.insert(
                    c,
                    "insert into message_templates (organization_id, whatsapp_account_id, name, language, category, status, components)"
                            + " values (?, ?, 'their_template', 'en_US', 'utility', 'approved', '[{\"type\": \"BODY\", \"text\": \"Hi\"}]') returning id",
                    org,
                    account);
            UUID blob = SyncFixture.insert(
                    c,
                    "insert into blobs (organization_id, storage_key, sha256, size_bytes, mime_type, created_by_user_id)"
                            + " values (?, 'x/aa/aa', decode(repeat('aa', 32), 'hex'), 10, 'image/jpeg', ?) returning id",
                    org,
                    user);
            UUID interview = SyncFixture.insert(
                    c,
                    "insert into interview_sessions (organization_id, candidate_id, job_id, application_id, interview_type,"
                            + " interview_mode, scheduled_at) values (?, ?, ?, ?, 'technical', 'video', now() + interval '2 days') returning id",
                    org,
                    person,
                    job,
                    application);
            SyncFixture.insert(
                    c,
                    "insert into interview_participants (organization_id, interview_session_id, user_id, participant_role)"
                            + " values (?, ?, ?, 'lead') returning id",
                    org,
                    interview,
                    user);
            UUID feedback = SyncFixture.insert(
                    c,
                    "insert into interview_feedback (organization_id, interview_session_id, interviewer_user_id, is_final,"
                            + " submitted_at, recommendation, overall_rating) values (?, ?, ?, true, now(), 'hire', 4) returning id",
                    org,
                    interview,
                    user);
            UUID notification = SyncFixture.insert(
                    c,
                    "insert into notifications (organization_id, user_id, notification_type, title) values (?, ?, 'interview', 'Theirs') returning id",
                    org,
                    user);
            UUID question = SyncFixture.insert(
                    c,
                    "insert into prescreen_questions (organization_id, job_id, qid, question_text, question_type)"
                            + " values (?, ?, 'ps_theirs', 'Theirs?', 'text') returning id",
                    org,
                    job);
            UUID item = SyncFixture.insert(
                    c,
                    "insert into action_queue (organization_id, user_id, action_type, title) values (?, ?, 'no_response', 'Theirs') returning id",
                    org,
                    user);
            UUID institution = SyncFixture.insert(
                    c,
                    "insert into institutions (organization_id, name) values (?, 'Their academy') returning id",
                    org);
            UUID cohort = SyncFixture.insert(
                    c,
                    "insert into cohorts (organization_id, institution_id, name, program_type, state) values (?, ?, 'Their cohort', 'learnership', 'active') returning id",
                    org,
                    institution);
            UUID enrollment = SyncFixture.insert(
                    c,
                    "insert into cohort_enrollments (organization_id, institution_id, cohort_id, candidate_id) values (?, ?, ?, ?) returning id",
                    org,
                    institution,
                    cohort,
                    person);
            UUID document = SyncFixture.insert(
                    c,
                    "insert into uploaded_documents (organization_id, institution_id, cohort_enrollment_id, candidate_id, blob_id,"
                            + " original_filename, document_category, sha256, verification_state)"
                            + " values (?, ?, ?, ?, ?, 'id.pdf', 'id_document', repeat('aa', 32), 'pending') returning id",
                    org,
                    institution,
                    enrollment,
                    person,
                    blob);
            theirs = new Theirs(
                    conversation,
                    person,
                    application,
                    canned,
                    template,
                    blob,
                    interview,
                    feedback,
                    notification,
                    job,
                    question,
                    item,
                    institution,
                    cohort,
                    document,
                    user,
                    account,
                    enrollment);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Case> cases() {
        return List.of(
                new Case(
                        "conversation.sendMessage",
                        id -> SyncClient.mutation(
                                ConversationMutations.SEND_MESSAGE,
                                new ConversationMutations.SendMessage(id, UUID.randomUUID(), "Hello", null)),
                        Theirs::conversation),
                new Case(
                        "conversation.sendMessage with their file",
                        id -> SyncClient.mutation(
                                ConversationMutations.SEND_MESSAGE,
                                new ConversationMutations.SendMessage(
                                        world.conversation(), UUID.randomUUID(), null, null, id)),
                        Theirs::blob),
                new Case(
                        "conversation.sendTemplate",
                        id -> SyncClient.mutation(
                                ConversationMutations.SEND_TEMPLATE,
                                new ConversationMutations.SendTemplate(
                                        id, UUID.randomUUID(), theirs.template(), List.of())),
                        Theirs::conversation),
                new Case(
                        "conversation.sendTemplate with their template",
                        id -> SyncClient.mutation(
                                ConversationMutations.SEND_TEMPLATE,
                                new ConversationMutations.SendTemplate(
                                        world.conversation(), UUID.randomUUID(), id, List.of())),
                        Theirs::template),
                new Case(
                        "conversation.setStatus",
                        id -> SyncClient.mutation(
                                ConversationMutations.SET_STATUS,
                                new ConversationMutations.SetStatus(id, "closed", 1L)),
                        Theirs::conversation),
                new Case(
                        "conversation.assign",
                        id -> SyncClient.mutation(
                                ConversationMutations.ASSIGN, new ConversationMutations.Assign(id, null, 1L)),
                        Theirs::conversation),
                new Case(
                        "conversation.markRead",
                        id -> SyncClient.mutation(
                                ConversationMutations.MARK_READ, new ConversationMutations.MarkRead(id, true)),
                        Theirs::conversation),
                new Case(
                        "conversation.addNote",
                        id -> SyncClient.mutation(
                                ConversationMutations.ADD_NOTE,
                                new ConversationMutations.AddNote(id, UUID.randomUUID(), "A note")),
                        Theirs::conversation),
                new Case(
                        "candidate.tag",
                        id -> SyncClient.mutation(
                                ConversationMutations.TAG_CANDIDATE,
                                new ConversationMutations.TagCandidate(id, "vip", true)),
                        Theirs::candidate),
                new Case(
                        "cannedResponse.save",
                        id -> SyncClient.mutation(
                                ConversationMutations.SAVE_CANNED_RESPONSE,
                                new ConversationMutations.SaveCannedResponse(id, "mine", "My text")),
                        Theirs::cannedResponse,
                        true),
                new Case(
                        "cannedResponse.delete",
                        id -> SyncClient.mutation(
                                ConversationMutations.DELETE_CANNED_RESPONSE,
                                new ConversationMutations.DeleteCannedResponse(id)),
                        Theirs::cannedResponse),
                new Case(
                        "application.move",
                        id -> SyncClient.mutation(
                                PipelineMutations.MOVE_APPLICATION,
                                new PipelineMutations.MoveApplication(id, "screening", 1L, null)),
                        Theirs::application),
                new Case(
                        "interview.schedule for their application",
                        id -> Interviews.schedule(UUID.randomUUID(), id, details()),
                        Theirs::application),
                new Case(
                        "interview.schedule for their candidate",
                        id -> SyncClient.mutation(
                                InterviewMutations.SCHEDULE,
                                new InterviewMutations.Schedule(UUID.randomUUID(), null, id, null, details())),
                        Theirs::candidate),
                new Case(
                        "interview.reschedule",
                        id -> SyncClient.mutation(
                                InterviewMutations.RESCHEDULE, new InterviewMutations.Reschedule(id, details(), 1L)),
                        Theirs::interview),
                new Case(
                        "interview.cancel",
                        id -> SyncClient.mutation(
                                InterviewMutations.CANCEL, new InterviewMutations.Cancel(id, "Not needed")),
                        Theirs::interview),
                new Case(
                        "interview.setStatus",
                        id -> SyncClient.mutation(
                                InterviewMutations.SET_STATUS,
                                new InterviewMutations.SetStatus(id, "no_show", null, null)),
                        Theirs::interview),
                new Case(
                        "feedback.submit",
                        id -> Interviews.submit(UUID.randomUUID(), id, Interviews.scorecard(4, "hire")),
                        Theirs::interview),
                new Case(
                        "feedback.amend",
                        id -> Interviews.amend(UUID.randomUUID(), id, Map.of("recommendation", "no_hire"), "Because"),
                        Theirs::feedback),
                new Case(
                        "notification.markRead",
                        id -> SyncClient.mutation(
                                InterviewMutations.MARK_NOTIFICATION_READ,
                                new InterviewMutations.MarkNotificationRead(id)),
                        Theirs::notification),
                new Case(
                        "application.addNote",
                        id -> SyncClient.mutation(
                                PipelineMutations.ADD_NOTE,
                                new PipelineMutations.AddNote(id, UUID.randomUUID(), "A note", null, false)),
                        Theirs::application),
                new Case(
                        "job.save (an edit)",
                        id -> SyncClient.mutation(
                                PipelineMutations.SAVE_JOB,
                                new PipelineMutations.SaveJob(id, 1L, changes("title", "Mine"))),
                        Theirs::job),
                new Case(
                        "job.setStatus",
                        id -> SyncClient.mutation(
                                PipelineMutations.SET_JOB_STATUS, new PipelineMutations.SetJobStatus(id, "open", 1L)),
                        Theirs::job),
                new Case(
                        "application.create (their job)",
                        id -> SyncClient.mutation(
                                PipelineMutations.CREATE_APPLICATION,
                                new PipelineMutations.CreateApplication(
                                        UUID.randomUUID(), id, world.candidate(), null)),
                        Theirs::job),
                new Case(
                        "candidate.addToJob (their job)",
                        id -> SyncClient.mutation(
                                PipelineMutations.ADD_PERSON_TO_JOB,
                                new PipelineMutations.AddPersonToJob(
                                        UUID.randomUUID(), UUID.randomUUID(), id, "Lulu", "+27825550133", null)),
                        Theirs::job),
                new Case(
                        "application.create (their person)",
                        id -> SyncClient.mutation(
                                PipelineMutations.CREATE_APPLICATION,
                                new PipelineMutations.CreateApplication(UUID.randomUUID(), world.job(), id, null)),
                        Theirs::candidate),
                new Case(
                        "application.update",
                        id -> SyncClient.mutation(
                                PipelineMutations.UPDATE_APPLICATION,
                                new PipelineMutations.UpdateApplication(id, 1L, changes("followUpRemarks", "Call"))),
                        Theirs::application),
                new Case(
                        "candidate.updateProfile",
                        id -> SyncClient.mutation(
                                PipelineMutations.UPDATE_PROFILE,
                                new PipelineMutations.UpdateProfile(id, 1L, changes("bio", "Mine now"))),
                        Theirs::candidate),
                new Case(
                        "candidate.saveWorkHistory (their person)",
                        id -> SyncClient.mutation(
                                PipelineMutations.SAVE_WORK_HISTORY,
                                new PipelineMutations.SaveWorkHistory(
                                        UUID.randomUUID(), id, "Mine now", null, null, null, false)),
                        Theirs::candidate),
                new Case(
                        "candidate.saveWorkHistory (their role)",
                        id -> SyncClient.mutation(
                                PipelineMutations.SAVE_WORK_HISTORY,
                                new PipelineMutations.SaveWorkHistory(
                                        id, world.candidate(), "Mine now", null, null, null, false)),
                        t -> theirRole,
                        true),
                new Case(
                        "candidate.deleteWorkHistory",
                        id -> SyncClient.mutation(
                                PipelineMutations.DELETE_WORK_HISTORY, new PipelineMutations.DeleteWorkHistory(id)),
                        t -> theirRole),
                new Case(
                        "prescreenQuestion.save (their job)",
                        id -> SyncClient.mutation(
                                PipelineMutations.SAVE_PRESCREEN_QUESTION, question(UUID.randomUUID(), id)),
                        Theirs::job),
                new Case(
                        "prescreenQuestion.save (their question)",
                        id -> SyncClient.mutation(PipelineMutations.SAVE_PRESCREEN_QUESTION, question(id, world.job())),
                        Theirs::question,
                        true),
                new Case(
                        "prescreenQuestion.reorder (their job)",
                        id -> SyncClient.mutation(
                                PipelineMutations.REORDER_PRESCREEN_QUESTIONS,
                                new PipelineMutations.ReorderPrescreenQuestions(id, List.of())),
                        Theirs::job),
                new Case(
                        "prescreenQuestion.delete",
                        id -> SyncClient.mutation(
                                PipelineMutations.DELETE_PRESCREEN_QUESTION,
                                new PipelineMutations.DeletePrescreenQuestion(id)),
                        Theirs::question),
                new Case(
                        "prescreenAnswer.record (their application)",
                        id -> SyncClient.mutation(
                                PipelineMutations.RECORD_PRESCREEN_ANSWER,
                                new PipelineMutations.RecordPrescreenAnswer(id, UUID.randomUUID(), "Yes")),
                        Theirs::application),
                new Case(
                        "prescreenAnswer.record (their question)",
                        id -> SyncClient.mutation(
                                PipelineMutations.RECORD_PRESCREEN_ANSWER,
                                new PipelineMutations.RecordPrescreenAnswer(world.application(), id, "Yes")),
                        Theirs::question),
                new Case(
                        "actionItem.dismiss",
                        id -> SyncClient.mutation(
                                PipelineMutations.DISMISS_ACTION_ITEM, new PipelineMutations.DismissActionItem(id)),
                        Theirs::actionItem),
                new Case(
                        "exportJob.request",
                        id -> SyncClient.mutation(
                                PipelineMutations.REQUEST_EXPORT,
                                new PipelineMutations.RequestExport(UUID.randomUUID(), id, "csv", false)),
                        Theirs::job),
                Case.ofAdministrator(
                        "cohort.save in their institution",
                        id -> SyncClient.mutation(
                                CohortMutations.SAVE_COHORT,
                                new CohortMutations.SaveCohort(
                                        UUID.randomUUID(),
                                        id,
                                        "Ours",
                                        "internship",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)),
                        Theirs::institution),
                Case.ofAdministrator(
                        "cohort.setState",
                        id -> SyncClient.mutation(
                                CohortMutations.SET_COHORT_STATE, new CohortMutations.SetCohortState(id, "cancelled")),
                        Theirs::cohort),
                Case.ofAdministrator(
                        "sponsor.save in their institution",
                        id -> SyncClient.mutation(
                                CohortMutations.SAVE_SPONSOR,
                                new CohortMutations.SaveSponsor(UUID.randomUUID(), id, "Acme", null, null, null, null)),
                        Theirs::institution),
                Case.ofAdministrator(
                        "enrollment.create",
                        id -> SyncClient.mutation(
                                CohortMutations.CREATE_ENROLLMENT,
                                new CohortMutations.CreateEnrollment(
                                        UUID.randomUUID(), id, null, "Sam", "sam@ours.test", null, null)),
                        Theirs::cohort),
                Case.ofAdministrator(
                        "document.verify",
                        id -> SyncClient.mutation(
                                CohortMutations.VERIFY_DOCUMENT,
                                new CohortMutations.VerifyDocument(
                                        UUID.randomUUID(), id, "approved", null, null, "aa".repeat(32), null)),
                        Theirs::document),
                Case.ofAdministrator(
                        "enrollment.saveStudentData",
                        id -> SyncClient.mutation(
                                CohortMutations.SAVE_STUDENT_DATA,
                                new CohortMutations.SaveStudentData(id, java.util.Map.of("city", "Durban"))),
                        Theirs::enrollment),
                Case.ofAdministrator(
                        "enrollment.reissueLink",
                        id -> SyncClient.mutation(CohortMutations.REISSUE_LINK, new CohortMutations.ReissueLink(id)),
                        Theirs::enrollment),
                Case.ofAdministrator(
                        "enrollment.sendLink",
                        id -> SyncClient.mutation(
                                CohortMutations.SEND_LINK,
                                new CohortMutations.SendLink(id, "https://recruit.example.org")),
                        Theirs::enrollment),
                Case.admin(
                        "user.invite",
                        id -> SyncClient.mutation(
                                AdminMutations.INVITE_USER,
                                new AdminMutations.InviteUser(
                                        id,
                                        "new-" + UUID.randomUUID() + "@agency.test",
                                        "New",
                                        List.of(AdminMutations.Grant.of("RECRUITER")),
                                        "temporary-pass-1")),
                        Theirs::user,
                        true),
                Case.admin(
                        "user.setRoles",
                        id -> SyncClient.mutation(
                                AdminMutations.SET_ROLES,
                                new AdminMutations.SetRoles(id, List.of(AdminMutations.Grant.of("RECRUITER")))),
                        Theirs::user,
                        false),
                Case.admin(
                        "user.setActive",
                        id -> SyncClient.mutation(AdminMutations.SET_ACTIVE, new AdminMutations.SetActive(id, false)),
                        Theirs::user,
                        false),
                Case.admin(
                        "user.resetPassword",
                        id -> SyncClient.mutation(
                                AdminMutations.RESET_PASSWORD,
                                new AdminMutations.ResetPassword(id, "temporary-pass-1")),
                        Theirs::user,
                        false),
                Case.admin(
                        "whatsappAccount.save",
                        id -> SyncClient.mutation(
                                AdminMutations.SAVE_WHATSAPP_ACCOUNT,
                                new AdminMutations.SaveWhatsAppAccount(
                                        id, "Mine now", "+27119990555", "simulator", null, null)),
                        Theirs::whatsappAccount,
                        true),
                Case.admin(
                        "whatsappAccount.setStatus",
                        id -> SyncClient.mutation(
                                AdminMutations.SET_WHATSAPP_ACCOUNT_STATUS,
                                new AdminMutations.SetWhatsAppAccountStatus(id, "disconnected")),
                        Theirs::whatsappAccount,
                        false),
                Case.admin(
                        "messageTemplate.create on their number",
                        id -> SyncClient.mutation(AdminMutations.CREATE_TEMPLATE, template(UUID.randomUUID(), id)),
                        Theirs::whatsappAccount,
                        false),
                Case.admin(
                        "messageTemplate.create under their template's id",
                        id -> SyncClient.mutation(
                                AdminMutations.CREATE_TEMPLATE, template(id, world.whatsappAccount())),
                        Theirs::template,
                        true),
                Case.admin(
                        "messageTemplate.delete",
                        id -> SyncClient.mutation(
                                AdminMutations.DELETE_TEMPLATE, new AdminMutations.DeleteTemplate(id)),
                        Theirs::template,
                        false),
                Case.admin(
                        "systemSetting.save with their number's greeting",
                        id -> SyncClient.mutation(
                                AdminMutations.SAVE_SETTING,
                                new AdminMutations.SaveSetting(
                                        Settings.BOT_GREETINGS,
                                        com.recruitdesk.protocol.Json.newMapper()
                                                .createObjectNode()
                                                .put(id.toString(), "Hi!"))),
                        Theirs::whatsappAccount,
                        false));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode changes(String field, String value) {
        return SyncClient.args().put(field, value);
    }

    private static PipelineMutations.SavePrescreenQuestion question(UUID id, UUID job) {
        return new PipelineMutations.SavePrescreenQuestion(
                id, job, "ps_mine", "Mine?", "text", true, false, 10, null, List.of(), 0);
    }

    /** Valid details of an interview led by our own interviewer. */
    private static InterviewMutations.Details details() {
        return Interviews.details(
                Interviews.localTime(server.clock.instant(), java.time.Duration.ofDays(2)), world.interviewer());
    }

    /** A template of {@code number} under the id {@code id}, with a unique name. */
    private static AdminMutations.CreateTemplate template(UUID id, UUID number) {
        return new AdminMutations.CreateTemplate(
                id,
                number,
                "t_" + UUID.randomUUID().toString().replace("-", ""),
                "en_US",
                "utility",
                null,
                null,
                "Hello",
                null,
                null,
                null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRowOfAnotherOrganizationIsNotFoundLikeNoRowAtAll(Case c) {
        long theirChanges = theirFeedEntries();

        JsonNode onTheirs = c.client().pushOne(c.mutation().apply(c.theirs().apply(theirs)));

        assertThat(onTheirs.path("status").asText()).isEqualTo("rejected");
        assertThat(onTheirs.path("code").asText()).isEqualTo("not_found");
        assertThat(onTheirs.path("message").asText()).isNotBlank();
        if (c.createsWhenAbsent()) {
            assertThat(onTheirs.path("message").asText()).endsWith("does not exist or is not yours to change.");
        } else {
            JsonNode onNothing = c.client().pushOne(c.mutation().apply(UUID.randomUUID()));
            assertThat(onNothing.path("code").asText()).isEqualTo("not_found");
            assertThat(onTheirs.path("message").asText())
                    .isEqualTo(onNothing.path("message").asText());
        }
        assertThat(theirFeedEntries()).as("their rows are untouched").isEqualTo(theirChanges);
    }

    private static long theirFeedEntries() {
        return SyncFixture.count(
                server.database,
                "select count(*) from sync_changes where organization_id = (select id from organizations where name = 'Another agency')");
    }
}
