package com.recruitdesk.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.server.support.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

/**
 * The schema's rules hold in the database itself, whatever code writes: each unique key, check
 * and composite foreign key rejects what it should, named by its constraint. Plain JDBC over one
 * committed fixture; every case runs in a transaction that is rolled back.
 */
@Tag("database")
class ConstraintsTest {
    /** One row of each kind the cases below collide with; {@code {name}} stands for a fixed uuid. */
    private static final String FIXTURE = """
            insert into organizations (id, name) values ({org}, 'Constraint Agency');
            insert into users (id, organization_id, email, full_name, password_hash) values
                ({recruiter}, {org}, 'recruiter@constraints.test', 'Rita Recruiter', 'x'),
                ({interviewer}, {org}, 'interviewer@constraints.test', 'Ivan Interviewer', 'x'),
                ({outsider}, {org}, 'outsider@constraints.test', 'Olga Outsider', 'x');
            insert into institutions (id, organization_id, name) values
                ({institution}, {org}, 'Academy One'), ({institution2}, {org}, 'Academy Two');
            insert into whatsapp_accounts (id, organization_id, display_name, phone) values
                ({account}, {org}, 'Main line', '+27215550100'), ({account2}, {org}, 'Second line', '+27215550200');
            insert into candidates (id, organization_id, whatsapp_id, email) values
                ({candidate}, {org}, '+27825550001', 'lerato@example.com'), ({candidate2}, {org}, '+27825550002', null);
            insert into candidate_tags (organization_id, candidate_id, tag) values ({org}, {candidate}, 'runway');
            insert into conversations (id, organization_id, whatsapp_account_id, candidate_id) values
                ({conversation}, {org}, {account}, {candidate});
            insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,
                                  sender_type, sender_user_id, body, provider_message_id, status) values
                ({inbound}, {org}, {conversation}, {account}, {candidate}, 'inbound', 'text', 'candidate', null, 'Hi', 'wamid.ONE', null),
                ({outbound}, {org}, {conversation}, {account}, {candidate}, 'outbound', 'text', 'user', {recruiter}, 'Hello!', 'wamid.TWO', 'sent');
            insert into jobs (id, organization_id, title, slug) values
                ({job}, {org}, 'Runway model', 'runway-model'), ({job2}, {org}, 'Print model', 'print-model');
            insert into prescreen_questions (id, organization_id, job_id, qid, question_text, question_type) values
                ({question}, {org}, {job}, 'ps_height', 'How tall are you?', 'number'),
                ({question2}, {org}, {job2}, 'ps_city', 'Where do you live?', 'text');
            insert into applications (id, organization_id, candidate_id, job_id) values ({application}, {org}, {candidate}, {job});
            insert into interview_sessions (id, organization_id, candidate_id, job_id, interview_type, interview_mode, scheduled_at)
                values ({interview}, {org}, {candidate}, {job}, 'technical', 'video', now());
            insert into interview_participants (organization_id, interview_session_id, user_id, participant_role) values
                ({org}, {interview}, {interviewer}, 'lead');
            insert into interview_feedback (id, organization_id, interview_session_id, interviewer_user_id) values
                ({feedback}, {org}, {interview}, {interviewer});
            insert into cohorts (id, organization_id, institution_id, name, program_type) values
                ({cohort}, {org}, {institution}, 'Retail 2026', 'learnership');
            insert into cohort_enrollments (id, organization_id, institution_id, cohort_id, candidate_id) values
                ({enrollment}, {org}, {institution}, {cohort}, {candidate});
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static Connection connection;

    @BeforeAll
    static void migrateAndLoadFixture() throws SQLException {
        ConnectionSettings settings = TestPostgres.freshDatabase();
        Database.open(settings).close();
        connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        execute(FIXTURE);
        connection.setAutoCommit(false);
    }

    @AfterAll
    static void closeConnection() throws SQLException {
        connection.close();
    }

    @AfterEach
    void rollBack() throws SQLException {
        connection.rollback();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # rule                                         | SQLSTATE | constraint                                  | statement
            provider message id once per WhatsApp number    | 23505 | messages_account_provider_message_id_key   | insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type, sender_type, body, provider_message_id) values ({org}, {conversation}, {account}, {candidate}, 'inbound', 'text', 'candidate', 'Hi again', 'wamid.ONE')
            WhatsApp id once per organization               | 23505 | candidates_organization_whatsapp_id_key    | insert into candidates (organization_id, whatsapp_id) values ({org}, '+27825550001')
            candidate email once per organization           | 23505 | candidates_organization_email_key          | insert into candidates (organization_id, email) values ({org}, 'lerato@example.com')
            one feedback per interviewer per interview      | 23505 | interview_feedback_session_interviewer_key | insert into interview_feedback (organization_id, interview_session_id, interviewer_user_id) values ({org}, {interview}, {interviewer})
            one conversation per number and person          | 23505 | conversations_account_candidate_key        | insert into conversations (organization_id, whatsapp_account_id, candidate_id) values ({org}, {account}, {candidate})
            a tag once per person                           | 23505 | candidate_tags_candidate_tag_key           | insert into candidate_tags (organization_id, candidate_id, tag) values ({org}, {candidate}, 'runway')
            a WhatsApp number once per organization         | 23505 | whatsapp_accounts_organization_phone_key   | insert into whatsapp_accounts (organization_id, display_name, phone) values ({org}, 'Copy', '+27215550100')
            one application per job and person              | 23505 | applications_active_job_candidate_key      | insert into applications (organization_id, candidate_id, job_id) values ({org}, {candidate}, {job})
            one enrollment per cohort and person            | 23505 | cohort_enrollments_cohort_candidate_key    | insert into cohort_enrollments (organization_id, institution_id, cohort_id, candidate_id) values ({org}, {institution}, {cohort}, {candidate})
            one lead interviewer per interview              | 23505 | interview_participants_one_lead_idx        | insert into interview_participants (organization_id, interview_session_id, user_id, participant_role) values ({org}, {interview}, {outsider}, 'lead')
            a prescreen question id once per job            | 23505 | prescreen_questions_job_qid_key            | insert into prescreen_questions (organization_id, job_id, qid, question_text, question_type) values ({org}, {job}, 'ps_height', 'Height?', 'number')
            a job slug once per organization                | 23505 | jobs_organization_slug_key                 | insert into jobs (organization_id, title, slug) values ({org}, 'Another', 'runway-model')
            a cohort name once per institution              | 23505 | cohorts_institution_name_key               | insert into cohorts (organization_id, institution_id, name, program_type) values ({org}, {institution}, 'Retail 2026', 'internship')
            a sign-in email once on the server              | 23505 | users_email_key                            | insert into users (organization_id, email, full_name, password_hash) values ({org}, 'recruiter@constraints.test', 'Copy', 'x')
            conversation status list                        | 23514 | conversations_status_check                 | update conversations set status = 'snoozed' where id = {conversation}
            unread count never negative                     | 23514 | conversations_unread_count_check           | update conversations set unread_count = -1 where id = {conversation}
            message status list                             | 23514 | messages_status_check                      | update messages set status = 'seen' where id = {outbound}
            message type list                               | 23514 | messages_type_check                        | update messages set type = 'gif' where id = {inbound}
            delivery status only on outbound messages       | 23514 | messages_status_outbound_only              | update messages set status = 'read' where id = {inbound}
            provider error only on a failed message         | 23514 | messages_error_only_when_failed            | update messages set status = 'delivered', error_code = 131047, error_title = 'Re-engagement message' where id = {outbound}
            inbound message has a provider id               | 23514 | messages_provider_id                       | update messages set provider_message_id = null where id = {inbound}
            a note is written by a user                     | 23514 | messages_note_by_user                      | insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type, sender_type, body) values ({org}, {conversation}, {account}, {candidate}, 'internal', 'note', 'bot', 'Remember')
            WhatsApp id is E.164 with a plus                | 23514 | candidates_whatsapp_id_check               | insert into candidates (organization_id, whatsapp_id) values ({org}, '27825550009')
            a person has a WhatsApp id or an email          | 23514 | candidates_key_present                     | insert into candidates (organization_id, full_name) values ({org}, 'Nobody')
            candidate email in lower case                   | 23514 | candidates_email_check                     | insert into candidates (organization_id, email) values ({org}, 'Sipho@Example.com')
            application stage list                          | 23514 | applications_stage_check                   | update applications set stage = 'offered' where id = {application}
            job status list                                 | 23514 | jobs_status_check                          | update jobs set status = 'published' where id = {job}
            a final scorecard is complete                   | 23514 | interview_feedback_final_complete          | update interview_feedback set is_final = true where id = {feedback}
            ratings from 0 to 5                             | 23514 | interview_feedback_overall_rating_check    | update interview_feedback set overall_rating = 5.5 where id = {feedback}
            enrollment verification state list             | 23514 | cohort_enrollments_document_verification_state_check | update cohort_enrollments set document_verification_state = 'approved' where id = {enrollment}
            rejected enrollment needs a reason              | 23514 | cohort_enrollments_rejection_reason        | update cohort_enrollments set document_verification_state = 'rejected' where id = {enrollment}
            rejected enrollment reason is not blank         | 23514 | cohort_enrollments_rejection_reason        | update cohort_enrollments set document_verification_state = 'rejected', rejection_reason = '  ' where id = {enrollment}
            only a rejected enrollment has a reason         | 23514 | cohort_enrollments_rejection_reason        | update cohort_enrollments set document_verification_state = 'verified', rejection_reason = 'Blurred ID' where id = {enrollment}
            cohort program type list                        | 23514 | cohorts_program_type_check                 | update cohorts set program_type = 'apprenticeship' where id = {cohort}
            cohort state list                               | 23514 | cohorts_state_check                        | update cohorts set state = 'archived' where id = {cohort}
            institution admin is bound to an institution    | 23514 | user_roles_check                           | insert into user_roles (user_id, role) values ({outsider}, 'INSTITUTION_ADMIN')
            other roles are bound to no institution         | 23514 | user_roles_check                           | insert into user_roles (user_id, role, institution_id) values ({outsider}, 'RECRUITER', {institution})
            user role list                                  | 23514 | user_roles_role_check                      | insert into user_roles (user_id, role) values ({outsider}, 'CANDIDATE')
            feedback only by a participant                  | 23503 | interview_feedback_participant_fk          | insert into interview_feedback (organization_id, interview_session_id, interviewer_user_id) values ({org}, {interview}, {outsider})
            a message repeats its conversation's number     | 23503 | messages_conversation_fk                   | insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type, sender_type, body, provider_message_id) values ({org}, {conversation}, {account2}, {candidate}, 'inbound', 'text', 'candidate', 'Hi', 'wamid.THREE')
            an enrollment has its cohort's institution      | 23503 | cohort_enrollments_cohort_fk               | insert into cohort_enrollments (organization_id, institution_id, cohort_id, candidate_id) values ({org}, {institution2}, {cohort}, {candidate2})
            a prescreen answer is to its job's question     | 23503 | prescreen_answers_question_fk              | insert into prescreen_answers (organization_id, application_id, question_id, job_id) values ({org}, {application}, {question2}, {job})
            """)
    void ruleRejectsWhatBreaksIt(String rule, String sqlState, String constraint, String statement) {
        assertThatThrownBy(() -> execute(statement)).as(rule).isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).as("SQLSTATE of " + e.getMessage()).isEqualTo(sqlState);
            assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
        });
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            conversations      | status                      | new
            conversations      | status                      | open
            conversations      | status                      | pending_form
            conversations      | status                      | pending_photo
            conversations      | status                      | needs_attention
            conversations      | status                      | closed
            conversations      | status                      | archived
            messages           | status                      | queued
            messages           | status                      | sent
            messages           | status                      | delivered
            messages           | status                      | read
            cohort_enrollments | document_verification_state | pending
            cohort_enrollments | document_verification_state | verified
            cohorts            | program_type                | learnership
            cohorts            | program_type                | internship
            cohorts            | program_type                | candidacy
            cohorts            | state                       | draft
            cohorts            | state                       | active
            cohorts            | state                       | completed
            cohorts            | state                       | cancelled
            """)
    void everyDocumentedValueIsAccepted(String table, String column, String value) {
        String row = switch (table) {
            case "conversations" -> "{conversation}";
            case "messages" -> "{outbound}";
            case "cohort_enrollments" -> "{enrollment}";
            case "cohorts" -> "{cohort}";
            default -> throw new IllegalArgumentException(table);
        };

        assertThatCode(() -> execute("update " + table + " set " + column + " = '" + value + "' where id = " + row))
                .doesNotThrowAnyException();
    }

    @Test
    void failedMessageKeepsTheProvidersError() {
        assertThatCode(
                        () -> execute(
                                "update messages set status = 'failed', error_code = 131047, error_title = 'Re-engagement message' where id = {outbound}"))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectedEnrollmentWithAReasonIsAccepted() {
        assertThatCode(
                        () -> execute(
                                "update cohort_enrollments set document_verification_state = 'rejected', rejection_reason = 'ID copy not certified' where id = {enrollment}"))
                .doesNotThrowAnyException();
    }

    @Test
    void institutionAdminBoundToAnInstitutionIsAccepted() {
        assertThatCode(
                        () -> execute(
                                "insert into user_roles (user_id, role, institution_id) values ({outsider}, 'INSTITUTION_ADMIN', {institution})"))
                .doesNotThrowAnyException();
    }

    @Test
    void isActiveIsGeneratedFromTheStageAndCannotBeWritten() throws SQLException {
        execute("update applications set stage = 'hired' where id = {application}");
        try (Statement s = connection.createStatement();
                var rs = s.executeQuery("select is_active from applications where id = " + ids("{application}"))) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
        }

        assertThatThrownBy(() -> execute("update applications set is_active = true where id = {application}"))
                .isInstanceOfSatisfying(
                        PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("428C9")); // generated_always
    }

    private static void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(ids(sql));
        }
    }

    /** Replaces each {@code {name}} by a fixed uuid literal. */
    private static String ids(String sql) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            UUID id = UUID.nameUUIDFromBytes(("constraints:" + m.group(1)).getBytes(StandardCharsets.UTF_8));
            m.appendReplacement(out, "'" + id + "'");
        }
        return m.appendTail(out).toString();
    }
}
