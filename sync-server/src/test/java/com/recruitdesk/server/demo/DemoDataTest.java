package com.recruitdesk.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo data loads on an empty database, has something for every pane, and loads only once. */
@Tag("database")
class DemoDataTest {
    private static ConnectionSettings settings;
    private static Database db;
    private static Connection jdbc;
    private static Map<String, Long> afterFirstLoad;
    private static Map<String, Long> afterSecondLoad;

    @BeforeAll
    static void loadTwice() throws SQLException {
        settings = TestPostgres.freshDatabase();
        db = Database.open(settings);
        jdbc = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        PasswordHasher hasher = new PasswordHasher();

        DemoData.load(db, hasher, Clock.systemUTC());
        afterFirstLoad = rowCounts();
        // A day later, as on the next start of a demo server.
        DemoData.load(db, hasher, Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
        afterSecondLoad = rowCounts();
    }

    @AfterAll
    static void close() throws SQLException {
        jdbc.close();
        db.close();
    }

    @Test
    void loadingTwiceLeavesTheSameRowsInEveryTable() {
        assertThat(afterSecondLoad).isEqualTo(afterFirstLoad);
    }

    @ParameterizedTest(name = "{0} has {1} to {2} rows")
    @CsvSource(textBlock = """
            organizations,           1,   1
            users,                   8,   8
            user_roles,              8,   8
            whatsapp_accounts,       2,   2
            message_templates,      10,  10
            candidates,             45,  55
            candidate_tags,         20, 100
            conversations,          40,  50
            messages,              150, 400
            jobs,                    5,   5
            applications,           25,  35
            application_timeline,   50, 150
            prescreen_questions,     5,  10
            prescreen_answers,      20,  60
            interview_sessions,     10,  25
            interview_participants, 20,  50
            interview_feedback,      6,  30
            notifications,           5,  60
            institutions,            2,   2
            cohorts,                 4,   4
            cohort_enrollments,     12,  30
            leads,                   3,   6
            """)
    void demoHasARealisticAmountOf(String table, long min, long max) {
        assertThat(afterFirstLoad.get(table)).isBetween(min, max);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            conversation statuses                 | select distinct status from conversations                                           | new,open,pending_form,pending_photo,needs_attention,closed,archived
            application stages                    | select distinct stage from applications                                             | new,screening,interview,offer,hired,rejected,withdrawn
            outbound delivery states              | select distinct status from messages where status is not null                      | queued,sent,delivered,read,failed
            enrollment verification states        | select distinct document_verification_state from cohort_enrollments               | pending,verified,rejected
            cohort program types                  | select distinct program_type from cohorts                                           | learnership,internship,candidacy
            interview statuses                    | select distinct status from interview_sessions                                      | scheduled,completed,cancelled,no_show
            lead statuses                         | select distinct status from leads                                                   | new,proposal,negotiation,lost
            """)
    void demoCoversEveryStateOf(String what, String query, String expected) throws SQLException {
        assertThat(strings(query)).containsExactlyInAnyOrder(expected.split(","));
    }

    @Test
    void messagesComeInSeveralTypesFromEverySender() throws SQLException {
        assertThat(strings("select distinct type from messages"))
                .contains(
                        "text", "image", "document", "audio", "location", "interactive", "template", "note", "system");
        assertThat(strings("select distinct sender_type from messages")).contains("candidate", "user", "bot", "system");
    }

    @Test
    void failedMessagesKeepTheProvidersError() throws SQLException {
        assertThat(strings("select distinct error_code || ' ' || error_title from messages where status = 'failed'"))
                .contains("131047 Re-engagement message", "131026 Message undeliverable");
    }

    @Test
    void inboxSummaryMatchesEachThread() throws SQLException {
        assertThat(count("""
                        select count(*) from conversations c
                        where c.last_message_at is distinct from
                              (select max(sent_at) from messages m where m.conversation_id = c.id and m.direction <> 'internal')
                           or c.last_inbound_at is distinct from
                              (select max(sent_at) from messages m where m.conversation_id = c.id and m.direction = 'inbound')
                        """)).isZero();
        assertThat(count("select count(*) from conversations where unread_count > 0"))
                .isPositive();
        assertThat(count("select count(*) from conversations where status = 'new' and assigned_user_id is not null"))
                .isZero();
        assertThat(count("select count(*) from conversations where status <> 'new' and assigned_user_id is null"))
                .isZero();
    }

    @Test
    void bothWhatsAppNumbersHaveConversationsAndSomeoneWritesToBoth() throws SQLException {
        assertThat(count("select count(distinct whatsapp_account_id) from conversations"))
                .isEqualTo(2);
        assertThat(
                        count(
                                "select count(*) from (select candidate_id from conversations group by candidate_id having count(*) > 1) t"))
                .isPositive();
    }

    @Test
    void interviewsComeWithAndWithoutFeedbackAndTheDemoInterviewersTakePart() throws SQLException {
        assertThat(count("select count(*) from interview_sessions s where exists "
                        + "(select 1 from interview_feedback f where f.interview_session_id = s.id)"))
                .isPositive();
        assertThat(count("select count(*) from interview_sessions s where not exists "
                        + "(select 1 from interview_feedback f where f.interview_session_id = s.id)"))
                .isPositive();
        assertThat(count("select count(*) from interview_feedback where not is_final"))
                .isPositive();
        assertThat(strings("select distinct u.email from interview_participants p join users u on u.id = p.user_id"))
                .containsExactlyInAnyOrder("interviewer@demo.test", "interviewer2@demo.test", "manager@demo.test");
    }

    @Test
    void prescreenAnswersIncludeAFailedMustHave() throws SQLException {
        assertThat(count("select count(*) from applications where must_have_failed and stage = 'rejected'"))
                .isPositive();
        assertThat(count("select count(*) from prescreen_answers where validation_result = false"))
                .isPositive();
    }

    @Test
    void rejectedEnrollmentsSayWhy() throws SQLException {
        assertThat(
                        strings(
                                "select rejection_reason from cohort_enrollments where document_verification_state = 'rejected'"))
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void institutionAdminIsBoundToTheFirstInstitution() {
        var admin = new Accounts(db).findByEmail(DemoData.INSTITUTION_ADMIN).orElseThrow();

        assertThat(admin.roles()).singleElement().satisfies(grant -> {
            assertThat(grant.role()).isEqualTo(Role.INSTITUTION_ADMIN);
            assertThat(grant.institutionId()).isNotNull();
        });
        assertThat(admin.roles())
                .extracting(RoleGrant::institutionId)
                .containsExactly(institution("Ubuntu Skills Academy"));
    }

    @Test
    void demoStaffKeepTheirSignIn() {
        var recruiter = new Accounts(db).findByEmail("recruiter@demo.test").orElseThrow();

        assertThat(new PasswordHasher().matches(DemoUsers.PASSWORD, recruiter.passwordHash()))
                .isTrue();
    }

    @Test
    void candidatesHaveE164WhatsAppIdsAndRealisticNames() throws SQLException {
        assertThat(strings("select whatsapp_id from candidates where whatsapp_id is not null"))
                .hasSizeGreaterThan(35)
                .allSatisfy(id -> assertThat(id).matches("\\+[1-9][0-9]{6,14}"));
        assertThat(strings("select distinct last_name from candidates")).hasSizeGreaterThan(40);
    }

    // ---------------------------------------------------------------------------------------------

    private static java.util.UUID institution(String name) {
        try {
            return java.util.UUID.fromString(strings("select id from institutions where name = '" + name + "'")
                    .getFirst());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : strings(
                "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }

    private static long count(String sql) throws SQLException {
        try (Statement s = jdbc.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Statement s = jdbc.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
