package com.recruitdesk.server.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.support.BlobHttp;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The action queue's rules (run by a background task that claims each organization's turn with SKIP
 * LOCKED) and exports built in the background: Excel, CSV and JSON in a ZIP with the CVs.
 */
@Tag("database")
class ActionQueueAndExportsTest {
    private static TestServer server;
    private static SyncFixture world;
    private static SyncClient recruiter;
    private static Database db;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        db = Database.open(server.database);
    }

    @AfterAll
    static void stop() {
        db.close();
        server.close();
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    private static UUID insert(String sql, Object... params) throws SQLException {
        try (Connection c = SyncFixture.connect(server.database)) {
            return SyncFixture.insert(c, sql, params);
        }
    }

    /** A live job of the recruiter's with a required skill, and an application to it. */
    private static UUID[] jobWithApplication(String skill) throws SQLException {
        UUID job = insert(
                "insert into jobs (organization_id, title, status, assigned_recruiter_id, slug, required_skills)"
                        + " values (?, 'Forklift driver', 'open', ?, ?, jsonb_build_array(?::text)) returning id",
                world.organization(),
                recruiter.userId,
                "forklift-" + UUID.randomUUID().toString().substring(0, 8),
                skill);
        UUID person = insert(
                "insert into candidates (organization_id, email, full_name) values (?, ?, 'Lindiwe Khumalo') returning id",
                world.organization(),
                UUID.randomUUID() + "@example.test");
        UUID application = insert(
                "insert into applications (organization_id, candidate_id, job_id) values (?, ?, ?) returning id",
                world.organization(),
                person,
                job);
        return new UUID[] {job, person, application};
    }

    @Test
    void theRulesMakeEachKindOfItemOnceForItsCause() throws Exception {
        UUID[] x = jobWithApplication("forklift licence");
        SyncFixture.execute(
                server.database,
                "update applications set next_follow_up_date = current_date - 1, must_have_failed = true,"
                        + " pre_screening_summary = '{\"failedMustHaves\": [\"ps_licence\", \"ps_gone\"]}' where id = ?",
                x[2]);
        SyncFixture.execute(
                server.database,
                "insert into prescreen_questions (organization_id, job_id, qid, question_text, question_type, must_have)"
                        + " values (?, ?, 'ps_licence', 'Do you hold a forklift licence?', 'text', true)",
                world.organization(),
                x[0]);
        UUID match = insert(
                "insert into candidates (organization_id, email, full_name, skills) values (?, ?, 'New Person',"
                        + " '[\"Forklift Licence\", \"First aid\"]') returning id",
                world.organization(),
                UUID.randomUUID() + "@example.test");
        SyncFixture.execute(
                server.database,
                "update conversations set assigned_user_id = ?, last_inbound_at = now() - interval '3 days' where id = ?",
                recruiter.userId,
                world.conversation());
        insert(
                "insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,"
                        + " sender_type, sender_user_id, body, status, sent_at) values (?, ?, ?, ?, 'outbound', 'text', 'user', ?,"
                        + " 'Are you still interested?', 'read', now() - interval '2 days') returning id",
                world.organization(),
                world.conversation(),
                world.whatsappAccount(),
                world.candidate(),
                recruiter.userId);
        everyTurnDue();

        ActionRules.runDue(db, java.time.Clock.systemUTC());
        everyTurnDue();
        ActionRules.runDue(db, java.time.Clock.systemUTC());

        assertThat(count(
                        "select count(*) from action_queue where related_application_id = ? and action_type = 'chat_followup'"
                                + " and priority = 'high' and user_id = ?",
                        x[2],
                        recruiter.userId))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from action_queue where related_application_id = ?"
                                + " and action_type = 'intervention_needed'"
                                // the question a recruiter reads, not its qid; a question deleted since keeps its qid
                                + " and description = 'Failed: Do you hold a forklift licence?; ps_gone'",
                        x[2]))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from action_queue where related_candidate_id = ? and related_job_id = ?"
                                + " and action_type = 'new_matches' and description like 'Has Forklift Licence%'",
                        match, x[0]))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from action_queue where related_conversation_id = ? and action_type = 'no_response'",
                        world.conversation()))
                .isEqualTo(1);
    }

    @Test
    void twoInstancesRunningAtOnceMakeNoItemTwice() throws Exception {
        jobWithApplication("welding");
        SyncFixture.execute(
                server.database,
                "update applications set must_have_failed = true where organization_id = ?",
                world.organization());
        everyTurnDue();
        long before = count("select count(*) from action_queue");

        var pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit((Callable<Integer>) () -> ActionRules.runDue(db, java.time.Clock.systemUTC())));
        }
        int made = 0;
        for (Future<Integer> r : runs) {
            made += r.get();
        }
        pool.shutdown();

        assertThat(count("select count(*) from action_queue") - before).isEqualTo(made);
        assertThat(count("select count(*) from (select cause_key from action_queue group by organization_id, cause_key"
                        + " having count(*) > 1) twice"))
                .isZero();
    }

    @Test
    void aDismissedItemIsDismissedOnlyByItsOwnerAndNeverMadeAgain() throws Exception {
        UUID[] x = jobWithApplication("painting");
        SyncFixture.execute(server.database, "update applications set must_have_failed = true where id = ?", x[2]);
        everyTurnDue();
        ActionRules.runDue(db, java.time.Clock.systemUTC());
        UUID item = UUID.fromString(
                oneText("select id::text from action_queue where related_application_id = '" + x[2] + "'"));
        SyncClient colleague = new SyncClient(server.api, "recruiter2@demo.test", TestServer.PASSWORD);

        JsonNode theirs = colleague.pushOne(SyncClient.mutation(
                PipelineMutations.DISMISS_ACTION_ITEM, new PipelineMutations.DismissActionItem(item)));
        JsonNode mine = recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.DISMISS_ACTION_ITEM, new PipelineMutations.DismissActionItem(item)));
        everyTurnDue();
        ActionRules.runDue(db, java.time.Clock.systemUTC());

        assertThat(theirs.path("code").asText()).isEqualTo("not_found");
        assertThat(mine.path("status").asText()).isEqualTo("applied");
        assertThat(count("select count(*) from action_queue where related_application_id = ?", x[2]))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from action_queue where id = ? and is_dismissed and dismissed_at is not null",
                        item))
                .isEqualTo(1);
    }

    @Test
    void theBackgroundTaskMakesItemsByItself() throws Exception {
        UUID[] x = jobWithApplication("sewing");
        SyncFixture.execute(server.database, "update applications set must_have_failed = true where id = ?", x[2]);
        everyTurnDue();

        Eventually.await(
                Duration.ofSeconds(30),
                "the item made by the server's own task",
                () -> count("select count(*) from action_queue where related_application_id = '" + x[2] + "'") == 1);
    }

    @Test
    void anExcelExportWithCvsIsBuiltInTheBackgroundLoggedAndDownloadable() throws Exception {
        UUID[] x = jobWithApplication("cooking");
        UUID cv = UUID.randomUUID();
        byte[] pdf = "%PDF-1.4 a CV".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(blobs().upload(recruiter.accessToken, cv, "cv.pdf", "application/pdf", pdf)
                        .status())
                .isEqualTo(201);
        UUID document = insert(
                "insert into uploaded_documents (organization_id, candidate_id, blob_id, original_filename, document_category)"
                        + " values (?, ?, ?, 'cv.pdf', 'cv') returning id",
                world.organization(),
                x[1],
                cv);
        SyncFixture.execute(
                server.database, "update candidates set resume_document_id = ? where id = ?", document, x[1]);
        UUID export = UUID.randomUUID();

        JsonNode asked = recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.REQUEST_EXPORT, new PipelineMutations.RequestExport(export, x[0], "excel", true)));

        assertThat(asked.path("status").asText()).as(asked.toString()).isEqualTo("applied");
        Eventually.await(
                Duration.ofSeconds(30),
                "the export built",
                () -> count("select count(*) from export_jobs where id = '" + export + "' and status = 'completed'")
                        == 1);
        assertThat(count("select progress_percent from export_jobs where id = ?", export))
                .isEqualTo(100);
        assertThat(count("select applications_included from export_jobs where id = ?", export))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from export_metadata where export_job_id = ? and application_id = ?",
                        export,
                        x[2]))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from activity_logs where action_type = 'EXPORT_GENERATED' and entity_id = ?",
                        export))
                .isEqualTo(1);
        String blob = oneText("select result_blob_id::text from export_jobs where id = '" + export + "'");
        BlobHttp.Reply zip = blobs().get(recruiter.accessToken, UUID.fromString(blob));
        assertThat(zip.status()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        String firstCell = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                if (e.getName().endsWith(".xlsx")) {
                    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(in.readAllBytes()))) {
                        firstCell = book.getSheet("Applications")
                                .getRow(1)
                                .getCell(1)
                                .getStringCellValue();
                        assertThat(book.getSheet("Applications")
                                        .getRow(0)
                                        .getCell(8)
                                        .getStringCellValue())
                                .isEqualTo("Stage");
                    }
                }
            }
        }
        assertThat(entries).anyMatch(n -> n.endsWith("-applications.xlsx")).contains("cvs/Lindiwe-Khumalo.pdf");
        assertThat(firstCell).isEqualTo("Lindiwe Khumalo");
    }

    @Test
    void csvAndJsonExportsHoldTheSameRows() throws Exception {
        UUID[] x = jobWithApplication("baking");
        UUID csv = UUID.randomUUID();
        UUID json = UUID.randomUUID();

        recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.REQUEST_EXPORT, new PipelineMutations.RequestExport(csv, x[0], "csv", false)));
        recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.REQUEST_EXPORT, new PipelineMutations.RequestExport(json, x[0], "json", false)));

        Eventually.await(
                Duration.ofSeconds(30),
                "both built",
                () -> count("select count(*) from export_jobs where id in ('" + csv + "', '" + json
                                + "') and status = 'completed'")
                        == 2);
        String text = entry(csv, ".csv");
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("Application,Candidate,WhatsApp,Email");
        assertThat(text).contains("Lindiwe Khumalo,").contains(",new,");
        JsonNode rows = com.recruitdesk.protocol.Json.newMapper().readTree(entry(json, ".json"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("Candidate").asText()).isEqualTo("Lindiwe Khumalo");
        assertThat(rows.get(0).path("Stage").asText()).isEqualTo("new");
    }

    @Test
    void aCvMissingFromTheFileStoreIsNamedAndTheExportStillCompletes() throws Exception {
        UUID[] x = jobWithApplication("roofing");
        UUID export = UUID.randomUUID();
        // A CV whose file is not in the store (never downloaded, say).
        UUID blob = insert(
                "insert into blobs (organization_id, storage_key, sha256, size_bytes, mime_type, original_filename)"
                        + " values (?, 'nowhere/00/00', decode(repeat('00', 32), 'hex'), 10, 'application/pdf', 'cv.pdf') returning id",
                world.organization());
        UUID document = insert(
                "insert into uploaded_documents (organization_id, candidate_id, blob_id, original_filename)"
                        + " values (?, ?, ?, 'cv.pdf') returning id",
                world.organization(),
                x[1],
                blob);
        SyncFixture.execute(
                server.database, "update candidates set resume_document_id = ? where id = ?", document, x[1]);
        recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.REQUEST_EXPORT, new PipelineMutations.RequestExport(export, x[0], "csv", true)));

        Eventually.await(
                Duration.ofSeconds(30),
                "the export finished",
                () -> count("select count(*) from export_jobs where id = '" + export
                                + "' and status in ('failed', 'completed')")
                        == 1);

        assertThat(oneText("select status from export_jobs where id = '" + export + "'"))
                .isEqualTo("completed");
        assertThat(oneText("select error_message from export_jobs where id = '" + export + "'"))
                .isEqualTo("1 CV was not in the file store; missing-cvs.txt names them.");
        assertThat(entry(export, "missing-cvs.txt")).contains("Lindiwe Khumalo (cv.pdf)");
        assertThat(entry(export, ".csv")).contains("Lindiwe Khumalo,");
    }

    @Test
    void anExportThatCannotBeBuiltSaysWhyWithoutTheServersInsides() throws Exception {
        UUID elsewhere;
        UUID job;
        try (Connection c = SyncFixture.connect(server.database)) {
            elsewhere =
                    SyncFixture.insert(c, "insert into organizations (name) values ('Another agency') returning id");
            job = SyncFixture.insert(
                    c, "insert into jobs (organization_id, title) values (?, 'Not ours') returning id", elsewhere);
        }
        UUID export = UUID.randomUUID();
        // Queued for a job the export's organization does not have (gone since it was asked for).
        SyncFixture.execute(
                server.database,
                "insert into export_jobs (id, organization_id, job_id, created_by_user_id, export_format)"
                        + " values (?, ?, ?, ?, 'csv')",
                export,
                world.organization(),
                job,
                recruiter.userId);

        Eventually.await(
                Duration.ofSeconds(30),
                "the export finished",
                () -> count("select count(*) from export_jobs where id = '" + export
                                + "' and status in ('failed', 'completed')")
                        == 1);

        assertThat(oneText("select status from export_jobs where id = '" + export + "'"))
                .isEqualTo("failed");
        assertThat(oneText("select error_message from export_jobs where id = '" + export + "'"))
                .isEqualTo("The export could not be built: the job is gone");
        assertThat(count(
                        "select count(*) from activity_logs where action_type = 'EXPORT_FAILED' and entity_id = ?",
                        export))
                .isEqualTo(1);
    }

    @Test
    void anExportInAnUnknownFormatIsRefused() throws Exception {
        UUID[] x = jobWithApplication("tiling");

        JsonNode r = recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.REQUEST_EXPORT,
                new PipelineMutations.RequestExport(UUID.randomUUID(), x[0], "pdf", false)));
        JsonNode sales = new SyncClient(server.api, "sales@demo.test", TestServer.PASSWORD)
                .pushOne(SyncClient.mutation(
                        PipelineMutations.REQUEST_EXPORT,
                        new PipelineMutations.RequestExport(UUID.randomUUID(), x[0], "csv", false)));

        assertThat(r.path("code").asText()).isEqualTo("invalid");
        assertThat(r.path("message").asText()).isEqualTo("An export is written as one of excel, csv, json.");
        assertThat(sales.path("code").asText()).isEqualTo("forbidden");
    }

    /** Every organization's rules due now, whether or not the server has made their turns yet. */
    private static void everyTurnDue() {
        SyncFixture.execute(
                server.database,
                "insert into action_rule_runs (organization_id, rule, next_run_at) select id, 'action_queue', '2000-01-01'"
                        + " from organizations on conflict (organization_id, rule) do update set next_run_at = '2000-01-01'");
    }

    private static String entry(UUID export, String suffix) throws Exception {
        String blob = oneText("select result_blob_id::text from export_jobs where id = '" + export + "'");
        BlobHttp.Reply zip = blobs().get(recruiter.accessToken, UUID.fromString(blob));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(suffix)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + suffix + " in the export");
    }

    private static BlobHttp blobs() {
        return new BlobHttp(server.server.port());
    }

    private static String oneText(String sql) {
        try (Connection c = SyncFixture.connect(server.database);
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
