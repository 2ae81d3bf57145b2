package com.recruitdesk.server.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.server.support.CohortFixture;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * enrollment.reissueLink and enrollment.sendLink: a new link ends the old one, and the link goes to the
 * student from the server as the approved template, Meta's Graph API played by a MockWebServer; the
 * institution admin who sends it never receives the conversation.
 */
@Tag("database")
class EnrollmentLinkTest {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final String PHONE_NUMBER_ID = "106540352242931";
    private static final String PAGE = "https://recruit.example.org";
    private static final LinkedBlockingQueue<RecordedRequest> SENDS = new LinkedBlockingQueue<>();
    private static final MockWebServer GRAPH = new MockWebServer();

    private static TestServer server;
    private static CohortFixture cohorts;
    private static SyncClient adminA;
    private static SyncClient adminB;
    private static SyncClient administrator;
    private static SyncClient interviewer;

    @BeforeAll
    static void start() throws Exception {
        GRAPH.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!"POST".equals(request.getMethod())
                        || !request.getUrl().encodedPath().endsWith("/" + PHONE_NUMBER_ID + "/messages")) {
                    return new MockResponse.Builder().code(404).build();
                }
                SENDS.add(request);
                return new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"27820000061\","
                                + "\"wa_id\":\"27820000061\"}],\"messages\":[{\"id\":\"wamid.link."
                                + UUID.randomUUID() + "\",\"message_status\":\"accepted\"}]}")
                        .build();
            }
        });
        GRAPH.start();
        server = TestServer.withoutDemo(Map.of(
                "RD_WHATSAPP_APP_SECRET", "5e1c2b0e9a8d4c7f3b5a1e2d9c8b7a61",
                "RD_WHATSAPP_VERIFY_TOKEN", "links-verify",
                "RD_WHATSAPP_ACCESS_TOKEN", "EAAlinks-test-access-token",
                "RD_WHATSAPP_API_BASE", GRAPH.url("/v23.0").toString(),
                "RD_WHATSAPP_TEMPLATE_SYNC_MINUTES", "0"));
        cohorts = CohortFixture.create(server);
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID number = SyncFixture.insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone, provider, phone_number_id,"
                            + " waba_id, connection_status) values (?, 'Student line', '+15550783891', 'cloud_api', ?,"
                            + " '102290129340398', 'connected') returning id",
                    cohorts.organization,
                    PHONE_NUMBER_ID);
            SyncFixture.insert(
                    c,
                    "insert into message_templates (organization_id, whatsapp_account_id, name, language, category,"
                            + " status, components) values (?, ?, 'cohort_upload_link', 'en_US', 'utility', 'approved',"
                            + " ?::jsonb) returning id",
                    cohorts.organization,
                    number,
                    "[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, please upload your documents for {{2}} on this page:"
                            + " {{3}} Reply here if you need help.\"}]");
        }
        adminA = new SyncClient(server.api, CohortFixture.ADMIN_A, TestServer.PASSWORD);
        adminB = new SyncClient(server.api, CohortFixture.ADMIN_B, TestServer.PASSWORD);
        administrator = new SyncClient(server.api, "admin@demo.test", TestServer.PASSWORD);
        interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        GRAPH.close();
    }

    private static UUID studentOnWhatsApp(String name, String number) {
        UUID e = cohorts.enroll(cohorts.cohortA, name);
        SyncFixture.execute(
                server.database,
                "update candidates set whatsapp_id = ? where id = (select candidate_id from cohort_enrollments where id = ?)",
                number,
                e);
        return e;
    }

    private static JsonNode send(SyncClient who, UUID enrollment, String page) {
        return who.pushOne(
                SyncClient.mutation(CohortMutations.SEND_LINK, new CohortMutations.SendLink(enrollment, page)));
    }

    private static JsonNode reissue(SyncClient who, UUID enrollment) {
        return who.pushOne(
                SyncClient.mutation(CohortMutations.REISSUE_LINK, new CohortMutations.ReissueLink(enrollment)));
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    private static String token(UUID enrollment) {
        return text("select invitation_generation::text from cohort_enrollments where id = ?", enrollment);
    }

    @Test
    void anInstitutionAdminsSendReachesMetaAsTheTemplateWithTheLinkAndTheTrailRecordsIt() throws Exception {
        UUID e = studentOnWhatsApp("Naledi Khumalo", "+27820000061");
        SENDS.clear();

        JsonNode result = send(adminA, e, PAGE + "/");

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        RecordedRequest request = SENDS.poll(20, TimeUnit.SECONDS);
        assertThat(request).as("the send reaches Meta").isNotNull();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer EAAlinks-test-access-token");
        JsonNode body = MAPPER.readTree(request.getBody().utf8());
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("to").asText()).isEqualTo("27820000061");
        assertThat(body.path("type").asText()).isEqualTo("template");
        JsonNode template = body.path("template");
        assertThat(template.path("name").asText()).isEqualTo("cohort_upload_link");
        assertThat(template.path("language").path("code").asText()).isEqualTo("en_US");
        JsonNode parameters = template.path("components").path(0).path("parameters");
        assertThat(template.path("components").path(0).path("type").asText()).isEqualTo("body");
        List<String> values = parameters.findValuesAsText("text");
        assertThat(values).hasSize(3);
        assertThat(values.subList(0, 2))
                .containsExactly("Naledi", text("select name from cohorts where id = ?", cohorts.cohortA));
        assertThat(values.get(2)).startsWith(PAGE + "/enroll/");

        // The link in the message opens the student's page.
        String path = values.get(2).substring(PAGE.length());
        assertThat(server.api.get(path).status()).isEqualTo(200);
        // The trail records the send, chained after what came before.
        assertThat(count(
                        "select count(*) from document_verifications where cohort_enrollment_id = ? and action = 'link_sent'"
                                + " and uploaded_document_id is null and reason like 'Upload link sent on WhatsApp from Student line%'",
                        e))
                .isEqualTo(1);
        // The institution admin gets the trail entry but never the conversation or its messages.
        Map<String, JsonNode> theirs = adminA.pullAll();
        assertThat(theirs.keySet()).noneMatch(k -> k.startsWith("conversation/") || k.startsWith("message/"));
        assertThat(theirs.values())
                .anyMatch(row -> row.path("data").path("action").asText().equals("link_sent"));
        assertThat(administrator.pullAll().keySet()).anyMatch(k -> k.startsWith("message/"));
    }

    @Test
    void theOrganizationsPublicAddressMakesTheLinkWhateverAddressTheDesktopUses() throws Exception {
        UUID e = studentOnWhatsApp("Zanele Dlamini", "+27820000066");
        JsonNode saved = administrator.pushOne(SyncClient.mutation(
                AdminMutations.SAVE_SETTING,
                new AdminMutations.SaveSetting(
                        Settings.PUBLIC_ADDRESS, MAPPER.getNodeFactory().textNode("https://apply.example.org/"))));
        assertThat(saved.path("status").asText()).as(saved.toString()).isEqualTo("applied");
        try {
            SENDS.clear();
            // The desktop in the office reaches the server at a private address a student's phone cannot.
            JsonNode result = send(adminA, e, "http://10.0.0.5:8080");

            assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
            RecordedRequest request = SENDS.poll(10, TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            List<String> values = MAPPER.readTree(request.getBody().utf8())
                    .path("template")
                    .path("components")
                    .path(0)
                    .path("parameters")
                    .findValuesAsText("text");
            assertThat(values.get(2)).startsWith("https://apply.example.org/enroll/");
            // The link a reviewer copies from the desktop is made with it too.
            var invitation = server.api.get(
                    com.recruitdesk.protocol.Paths.COHORT_ENROLLMENTS + "/" + e + "/invitation", adminA.accessToken);
            assertThat(invitation.json().path("url").asText()).startsWith("https://apply.example.org/enroll/");
        } finally {
            administrator.pushOne(SyncClient.mutation(
                    AdminMutations.SAVE_SETTING,
                    new AdminMutations.SaveSetting(
                            Settings.PUBLIC_ADDRESS, MAPPER.getNodeFactory().textNode(""))));
        }
    }

    @Test
    void anInstitutionAdminOfAnotherInstitutionAndAnInterviewerAreRefusedAndNothingIsSent() {
        UUID e = studentOnWhatsApp("Pieter Smit", "+27820000062");

        JsonNode byB = send(adminB, e, PAGE);
        JsonNode byInterviewer = send(interviewer, e, PAGE);
        JsonNode reissuedByB = reissue(adminB, e);
        JsonNode reissuedByInterviewer = reissue(interviewer, e);

        assertThat(byB.path("code").asText()).isEqualTo("not_found");
        assertThat(reissuedByB.path("code").asText()).isEqualTo("not_found");
        // Not an admin of any institution: refused as the row rules answer, without a hint.
        assertThat(byInterviewer.path("code").asText()).isEqualTo("not_found");
        assertThat(reissuedByInterviewer.path("code").asText()).isEqualTo("not_found");
        assertThat(count(
                        "select count(*) from messages m join cohort_enrollments e on e.candidate_id = m.candidate_id"
                                + " where e.id = ?",
                        e))
                .isZero();
        assertThat(token(e)).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                "javascript:alert(1)",
                "https://recruit.example.org/phish",
                "https://a@b.test",
                "https://recruit.example.org?x=1",
                "ftp://recruit.example.org"
            })
    void aPageAddressThatIsNotPlainlyAServerIsRefused(String page) {
        UUID e = studentOnWhatsApp("Sipho " + UUID.randomUUID(), "+2782" + (1000000 + (int) (Math.random() * 8999999)));

        JsonNode result = send(adminA, e, page);

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("A page address is where people reach this server");
        assertThat(count("select count(*) from document_verifications where cohort_enrollment_id = ?", e))
                .isZero();
    }

    @Test
    void aStudentWithoutWhatsAppAnExpiredLinkAndAFinishedCohortAreRefusedWithASentence() {
        UUID noNumber = cohorts.enroll(cohorts.cohortA, "Thabo Nkosi");
        UUID expired = studentOnWhatsApp("Ayanda Zulu", "+27820000064");
        SyncFixture.execute(
                server.database,
                "update cohort_enrollments set invitation_expires_at = now() - interval '1 day' where id = ?",
                expired);
        UUID done = cohorts.cohort("Finished cohort", "completed");
        UUID inDone = cohorts.enroll(done, "Lerato Dube");

        assertThat(send(adminA, noNumber, PAGE).path("message").asText())
                .isEqualTo("Thabo Nkosi has no WhatsApp number; copy the link and send it another way, or add"
                        + " their number.");
        assertThat(send(adminA, expired, PAGE).path("message").asText())
                .isEqualTo("The student's link has expired; make a new link first.");
        assertThat(send(adminA, inDone, PAGE).path("message").asText()).contains("The cohort is completed");
        assertThat(reissue(adminA, inDone).path("message").asText()).contains("The cohort is completed");
        assertThat(reissue(adminA, UUID.randomUUID()).path("code").asText()).isEqualTo("not_found");
        assertThat(reissue(adminA, null).path("status").asText()).isEqualTo("rejected");
        assertThat(count(
                        "select count(*) from document_verifications where cohort_enrollment_id in (?, ?, ?)",
                        noNumber,
                        expired,
                        inDone))
                .isZero();
    }

    @Test
    void aNewLinkEndsTheOldOneAndAnExpiredLinkCanBeSentAgainOnceRenewed() throws Exception {
        UUID e = studentOnWhatsApp("Zanele Mokoena", "+27820000065");
        SyncFixture.execute(
                server.database,
                "update cohort_enrollments set invitation_expires_at = now() - interval '1 day' where id = ?",
                e);
        String old = "/enroll/" + links().token(e, 1);

        JsonNode result = reissue(adminA, e);

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        assertThat(token(e)).isEqualTo("2");
        var oldPage = server.api.get(old);
        assertThat(oldPage.status()).isEqualTo(410);
        assertThat(oldPage.body()).contains("This link has expired");
        assertThat(server.api.get("/enroll/" + links().token(e, 2)).status()).isEqualTo(200);
        assertThat(send(adminA, e, PAGE).path("status").asText()).isEqualTo("applied");
        try (Connection c = SyncFixture.connect(server.database)) {
            var trail = Trail.of(c, e);
            assertThat(trail).extracting(t -> t.decision().action()).containsExactly("link_issued", "link_sent");
            assertThat(Trail.firstBroken(trail)).isEmpty();
            assertThat(TrailExport.check(trail)).startsWith("Chain verified: all 2 entries");
        }
    }

    private static InvitationLinks links() {
        return new InvitationLinks((byte[]) value("select value from server_secrets where name = ?", Cohorts.LINK_KEY));
    }

    private static String text(String sql, Object... params) {
        return String.valueOf(value(sql, params));
    }

    private static Object value(String sql, Object... params) {
        try (Connection c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        } catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
