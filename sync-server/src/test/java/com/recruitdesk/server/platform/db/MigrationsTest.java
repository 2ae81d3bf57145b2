package com.recruitdesk.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.server.conversations.ConversationRow;
import com.recruitdesk.server.conversations.MessageRow;
import com.recruitdesk.server.people.PersonRow;
import com.recruitdesk.server.support.TestPostgres;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening the database on an empty PostgreSQL migrates it to the newest schema, which the entities match. */
@Tag("database")
class MigrationsTest {
    /** V1 tables that hold server state and never sync. */
    private static final List<String> SERVER_STATE =
            List.of("user_roles", "refresh_tokens", "login_failures", "server_secrets");

    /** Every table of the one model (V1 and V2); each row of them syncs. */
    private static final List<String> MODEL = List.of(
            // V1
            "organizations",
            "institutions",
            "users",
            // people, WhatsApp, conversations
            "blobs",
            "user_settings",
            "system_settings",
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
            // CRM, audit, exports
            "leads",
            "sales_tasks",
            "clients",
            "activity_logs",
            "export_jobs",
            "export_metadata");

    private static ConnectionSettings settings;
    private static Database db;

    @BeforeAll
    static void openOnEmptyDatabase() {
        settings = TestPostgres.freshDatabase();
        db = Database.open(settings);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void emptyDatabaseReachesTheLatestMigration() {
        MigrationInfoService info = Flyway.configure()
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .load()
                .info();
        List<String> available =
                Arrays.stream(info.all()).map(m -> m.getVersion().getVersion()).toList();

        assertThat(available).startsWith("1", "2");
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied())
                .allMatch(m -> m.getState().isApplied() && !m.getState().isFailed());
        assertThat(Arrays.stream(info.applied()).map(MigrationInfo::getVersion).map(Object::toString))
                .containsExactlyElementsOf(available);
        assertThat(db.schemaVersion()).isEqualTo(available.getLast());
        assertThat(db.notReadyReason()).isEmpty();
    }

    @Test
    void migrationsCreateEveryTableOfTheModel() throws SQLException {
        List<String> tables = strings(
                "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");

        assertThat(tables).containsAll(MODEL).containsAll(SERVER_STATE);
    }

    @Test
    void everyTableOfTheModelHasTheSyncColumns() throws SQLException {
        List<String> complete = strings("""
                select table_name from information_schema.columns
                where table_schema = 'public' and column_name in ('id', 'version', 'created_at', 'updated_at')
                group by table_name having count(*) = 4
                """);

        assertThat(complete).containsAll(MODEL);
    }

    /**
     * What Hibernate's start-up validation used to check, checked here instead (decision 0018): every
     * column a feature's row writer can write exists in its table.
     */
    @ParameterizedTest
    @ValueSource(classes = {MessageRow.class, ConversationRow.class, PersonRow.class})
    void everyColumnARowWriterWritesExistsInItsTable(Class<?> rowClass) throws Exception {
        Insert insert = (Insert) rowClass.getMethod("insert").invoke(everyFieldSet(rowClass));

        List<String> columns =
                strings("select column_name from information_schema.columns where table_schema = 'public'"
                        + " and table_name = '" + insert.table() + "'");

        assertThat(insert.columns()).isNotEmpty();
        assertThat(columns).containsAll(insert.columns());
    }

    /** A row with each of its setters given a value of its type. */
    private static Object everyFieldSet(Class<?> rowClass) throws Exception {
        Object row = rowClass.getConstructor().newInstance();
        int setters = 0;
        for (Method m : rowClass.getMethods()) {
            if (m.getParameterCount() == 1 && m.getReturnType() == rowClass) {
                m.invoke(row, sample(m.getParameterTypes()[0]));
                setters++;
            }
        }
        assertThat(setters).as("setters of " + rowClass.getSimpleName()).isGreaterThan(5);
        return row;
    }

    private static Object sample(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == String.class) {
            return "x";
        } else if (type == Instant.class) {
            return Instant.now();
        } else if (type == LocalDate.class) {
            return LocalDate.now();
        } else if (type == Integer.class) {
            return 1;
        } else if (type == Long.class) {
            return 1L;
        } else if (type == Boolean.class) {
            return true;
        } else if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        } else if (type == JsonNode.class) {
            return JsonNodeFactory.instance.objectNode();
        } else if (type == List.class) {
            return List.of("x");
        } else if (type == Map.class) {
            return Map.of("x", 1);
        }
        throw new IllegalArgumentException("no sample for " + type);
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
