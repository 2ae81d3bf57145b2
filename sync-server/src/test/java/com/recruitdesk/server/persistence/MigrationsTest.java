package com.recruitdesk.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.database.ConnectionSettings;
import com.recruitdesk.server.support.TestPostgres;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.persistence.Entity;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opening the database on an empty PostgreSQL migrates it to the newest schema, which the entities match. */
class MigrationsTest {
    private static ConnectionSettings settings;
    private static Database db;

    @BeforeAll
    static void openOnEmptyDatabase() {
        settings = TestPostgres.freshDatabase();
        db = Database.open(settings, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void emptyDatabaseReachesTheLatestMigration() throws SQLException {
        List<String> applied =
                strings("select version from flyway_schema_history where success order by installed_rank");

        assertThat(applied).containsExactly("1", "2");
        assertThat(db.schemaVersion()).isEqualTo("2");
        assertThat(db.notReadyReason()).isEmpty();
    }

    @Test
    void migrationsCreateEveryTableOfTheModel() throws SQLException {
        List<String> tables = strings(
                "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");

        assertThat(tables)
                .contains(
                        // V1
                        "organizations",
                        "institutions",
                        "users",
                        "user_roles",
                        "refresh_tokens",
                        "login_failures",
                        "server_secrets",
                        // V2: people, WhatsApp, conversations
                        "blobs",
                        "workspaces",
                        "workspace_members",
                        "whatsapp_accounts",
                        "candidates",
                        "candidate_tags",
                        "candidate_work_history",
                        "conversations",
                        "messages",
                        "message_templates",
                        "broadcasts",
                        "broadcast_recipients",
                        "automations",
                        "chat_sessions",
                        // jobs and applications
                        "jobs",
                        "applications",
                        "application_timeline",
                        "application_notes",
                        "prescreen_questions",
                        "prescreen_answers",
                        "job_faq",
                        "action_queue",
                        "external_job_postings",
                        // assessments and interviews
                        "assessments",
                        "question_sets",
                        "questions",
                        "test_sessions",
                        "test_answers",
                        "invitation_tokens",
                        "proctoring_events",
                        "interview_sessions",
                        "interview_participants",
                        "interview_feedback",
                        "notifications",
                        "uploaded_documents",
                        "skills",
                        "job_roles",
                        "skill_matches",
                        "extraction_logs",
                        // cohorts
                        "cohorts",
                        "cohort_enrollments",
                        "sponsors",
                        "document_verifications",
                        // CRM, audit, settings
                        "leads",
                        "sales_tasks",
                        "clients",
                        "activity_logs",
                        "export_jobs",
                        "export_metadata",
                        "system_settings",
                        "user_settings");
    }

    @Test
    void everySyncedTableHasTheSyncColumns() throws SQLException {
        List<String> missing = strings("""
                select t.table_name from information_schema.tables t
                where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and t.table_name not in ('user_roles', 'refresh_tokens', 'login_failures', 'server_secrets',
                                           'flyway_schema_history')
                  and (select count(*) from information_schema.columns c
                       where c.table_schema = 'public' and c.table_name = t.table_name
                         and c.column_name in ('id', 'version', 'created_at', 'updated_at')) < 4
                """);

        assertThat(missing).isEmpty();
    }

    @Test
    void everyEntityClassIsRegisteredAndSoValidatedAtStart() {
        List<String> annotated = new ClassFileImporter()
                .importPackages(Database.class.getPackageName()).stream()
                        .filter(c -> c.isAnnotatedWith(Entity.class))
                        .map(JavaClass::getName)
                        .toList();

        assertThat(Entities.ALL).doesNotHaveDuplicates();
        assertThat(Entities.ALL.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(annotated);
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
