package com.recruitdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WhatsApp numbers added by administrators: a Cloud API number is checked with Meta's Graph API
 * (played by a MockWebServer in Meta's wire format) before it is saved, and every way it can be wrong
 * is said in a sentence; simulated numbers need no Meta; a disconnected number sends nothing.
 */
@Tag("database")
class NumberAdministrationTest {
    private static final MockWebServer GRAPH = new MockWebServer();
    private static final GraphBusiness META = new GraphBusiness();
    private static TestServer server;
    private static AdminFixture f;

    @BeforeAll
    static void start() throws IOException {
        GRAPH.setDispatcher(META);
        GRAPH.start();
        server = TestServer.withoutDemo(GraphBusiness.env(GRAPH));
        f = new AdminFixture(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        GRAPH.close();
    }

    private static AdminMutations.SaveWhatsAppAccount cloud(UUID id, String phone, String numberId, String waba) {
        return new AdminMutations.SaveWhatsAppAccount(id, "Talent line", phone, "cloud_api", numberId, waba);
    }

    private static JsonNode save(AdminMutations.SaveWhatsAppAccount number) {
        return AdminFixture.push(f.admin, AdminMutations.SAVE_WHATSAPP_ACCOUNT, number);
    }

    @Test
    void aCloudApiNumberIsCheckedWithMetaAndKeptWithItsVerifiedNameQualityAndTier() throws Exception {
        UUID id = UUID.randomUUID();
        int before = META.requests.size();

        JsonNode result = save(cloud(id, "+1 (555) 078-3881", GraphBusiness.NUMBER_ID, GraphBusiness.WABA));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        JsonNode row = f.recruiter.pullAll().get("whatsappAccount/" + id).path("data");
        assertThat(row.path("phone").asText()).isEqualTo("+15550783881");
        assertThat(row.path("provider").asText()).isEqualTo("cloud_api");
        assertThat(row.path("verifiedName").asText()).isEqualTo("RecruitDesk Talent");
        assertThat(row.path("qualityRating").asText()).isEqualTo("GREEN");
        assertThat(row.path("messagingLimitTier").asText()).isEqualTo("TIER_1K");
        assertThat(row.path("connectionStatus").asText()).isEqualTo("connected");
        assertThat(row.path("metaCheckedAt").isNull()).isFalse();
        // What went to Meta: the number's fields, then the business's numbers, page by page, all with the token.
        var made = META.requests.subList(before, META.requests.size());
        RecordedRequest lookup = made.getFirst();
        assertThat(lookup.getUrl().encodedPath()).isEqualTo("/v23.0/" + GraphBusiness.NUMBER_ID);
        assertThat(lookup.getUrl().queryParameter("fields"))
                .contains("verified_name", "quality_rating", "messaging_limit_tier", "display_phone_number");
        assertThat(made)
                .extracting(r -> r.getUrl().encodedPath())
                .containsExactly(
                        "/v23.0/" + GraphBusiness.NUMBER_ID,
                        "/v23.0/" + GraphBusiness.WABA + "/phone_numbers",
                        "/v23.0/" + GraphBusiness.WABA + "/phone_numbers");
        assertThat(made.get(2).getUrl().queryParameter("after")).isEqualTo("cursor1");
        assertThat(f.count(
                        "select count(*) from activity_logs where action_type = 'whatsappAccount.save' and entity_id = ?"
                                + " and details ->> 'verifiedName' = 'RecruitDesk Talent'",
                        id))
                .isEqualTo(1);

        // Editing it checks again and keeps what Meta says now.
        META.numbers.put(
                GraphBusiness.NUMBER_ID,
                GraphBusiness.number(
                        GraphBusiness.NUMBER_ID, "+1 555-078-3881", "RecruitDesk Talent", "YELLOW", "TIER_10K"));
        JsonNode edited = save(new AdminMutations.SaveWhatsAppAccount(
                id, "Talent line (main)", "+15550783881", "cloud_api", GraphBusiness.NUMBER_ID, GraphBusiness.WABA));
        assertThat(edited.path("status").asText()).isEqualTo("applied");
        assertThat(f.count(
                        "select count(*) from whatsapp_accounts where id = ? and display_name = 'Talent line (main)'"
                                + " and quality_rating = 'YELLOW' and messaging_limit_tier = 'TIER_10K'",
                        id))
                .isEqualTo(1);
        f.execute("delete from whatsapp_accounts where id = ?", id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            an unknown phone number ID   | +15550783881 | 106540350000000 | 102290129340398 | Meta knows no phone number with the ID 106540350000000
            an unknown business          | +15550783881 | 106540352242922 | 102290129300000 | Meta knows no WhatsApp Business Account with the ID 102290129300000
            a number of another business | +15550789999 | 106540352249999 | 102290129340398 | belongs to another business than the WhatsApp Business Account 102290129340398
            another number than typed    | +15550780000 | 106540352242922 | 102290129340398 | Meta has +15550783881 for the phone number ID 106540352242922, not +15550780000
            """)
    void whatMetaRefusesIsSaidInASentenceAndNothingIsSaved(
            String why, String phone, String numberId, String waba, String sentence) {
        UUID id = UUID.randomUUID();

        JsonNode result = save(cloud(id, phone, numberId, waba));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(sentence);
        assertThat(f.count("select count(*) from whatsapp_accounts where id = ?", id))
                .isZero();
    }

    @Test
    void aTokenMetaRefusesIsSaidPlainly() throws IOException {
        try (MockWebServer other = new MockWebServer()) {
            other.setDispatcher(META);
            other.start();
            Map<String, String> env = new java.util.HashMap<>(GraphBusiness.env(other));
            env.put("RD_WHATSAPP_ACCESS_TOKEN", "EAAexpired-token");
            try (TestServer badToken = TestServer.withoutDemo(env)) {
                SyncClient admin = new SyncClient(badToken.api, AdminFixture.ADMIN, TestServer.PASSWORD);
                JsonNode result = AdminFixture.push(
                        admin,
                        AdminMutations.SAVE_WHATSAPP_ACCOUNT,
                        cloud(UUID.randomUUID(), "+15550783881", GraphBusiness.NUMBER_ID, GraphBusiness.WABA));

                assertThat(result.path("message").asText())
                        .startsWith("Meta refused the server's access token (RD_WHATSAPP_ACCESS_TOKEN)");
            }
        }
    }

    @Test
    void metaLimitingRequestsIsSaidSoTheAdministratorTriesLater() {
        META.throttleNext.set(1);

        JsonNode result =
                save(cloud(UUID.randomUUID(), "+15550783882", GraphBusiness.SECOND_NUMBER_ID, GraphBusiness.WABA));

        assertThat(result.path("message").asText())
                .isEqualTo("Meta is limiting requests right now; try again in a few minutes.");
    }

    @Test
    void aSimulatedNumberIsSavedWithoutAskingMeta() {
        UUID id = UUID.randomUUID();
        int before = META.requests.size();

        JsonNode result =
                save(new AdminMutations.SaveWhatsAppAccount(id, "Trial line", "+27215550199", "simulator", null, null));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        assertThat(META.requests).hasSize(before);
        assertThat(f.count(
                        "select count(*) from whatsapp_accounts where id = ? and provider = 'simulator' and phone_number_id is null"
                                + " and verified_name is null and connection_status = 'connected'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void aServerWithoutCloudApiCredentialsAddsOnlySimulatedNumbers() {
        try (TestServer plain = TestServer.withoutDemo()) {
            SyncClient admin = new SyncClient(plain.api, AdminFixture.ADMIN, TestServer.PASSWORD);

            JsonNode result = AdminFixture.push(
                    admin,
                    AdminMutations.SAVE_WHATSAPP_ACCOUNT,
                    cloud(UUID.randomUUID(), "+15550783881", GraphBusiness.NUMBER_ID, GraphBusiness.WABA));

            assertThat(result.path("message").asText())
                    .contains("has no WhatsApp Cloud API credentials", "or add a simulated number");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no name               |             | +27215550101 | simulator |                 |                 | Give the number a name
            no country code       | Line        | 0215550101   | simulator |                 |                 | with its country code
            an unknown provider   | Line        | +27215550101 | twilio    |                 |                 | Cloud API number (cloud_api) or a simulated one
            no phone number ID    | Line        | +27215550101 | cloud_api |                 | 102290129340398 | phone number ID from Meta
            no business ID        | Line        | +27215550101 | cloud_api | 106540352242922 |                 | WhatsApp Business Account ID
            """)
    void aBadNumberIsRefusedWithTheReason(
            String why, String name, String phone, String provider, String numberId, String waba, String reason) {
        UUID id = UUID.randomUUID();

        JsonNode result = save(new AdminMutations.SaveWhatsAppAccount(id, name, phone, provider, numberId, waba));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(f.count("select count(*) from whatsapp_accounts where id = ?", id))
                .isZero();
    }

    @Test
    void aPhoneNumberTheOrganizationHasAlreadyIsRefused() {
        save(new AdminMutations.SaveWhatsAppAccount(
                UUID.randomUUID(), "First", "+27215550300", "simulator", null, null));

        JsonNode again = save(new AdminMutations.SaveWhatsAppAccount(
                UUID.randomUUID(), "Second", "+27 21 555 0300", "simulator", null, null));

        assertThat(again.path("message").asText()).isEqualTo("+27215550300 is your number 'First' already.");
    }

    @Test
    void aDisconnectedNumberRefusesSendsAndHoldsWhatWasQueuedUntilItIsConnectedAgain() {
        SyncFixture world = SyncFixture.create(server.database);
        JsonNode off = AdminFixture.push(
                f.admin,
                AdminMutations.SET_WHATSAPP_ACCOUNT_STATUS,
                new AdminMutations.SetWhatsAppAccountStatus(world.whatsappAccount(), "disconnected"));
        assertThat(off.path("status").asText()).isEqualTo("applied");
        // a message queued before (the sender might otherwise have taken it already)
        UUID heldMessage = UUID.randomUUID();
        f.execute(
                "insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,"
                        + " sender_type, sender_user_id, body, status)"
                        + " select ?, organization_id, id, whatsapp_account_id, candidate_id, 'outbound', 'text', 'user', ?, 'Held', 'queued'"
                        + " from conversations where id = ?",
                heldMessage,
                f.recruiter.userId,
                world.conversation());

        JsonNode send = f.recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), UUID.randomUUID(), "Hello?", null)));
        assertThat(send.path("code").asText()).isEqualTo("invalid");
        assertThat(send.path("message").asText()).contains("WhatsApp number is disconnected");

        // A message queued later on a connected number is sent; the held one is still queued then.
        UUID other = f.conversation("+27110000002", "+27820000009");
        JsonNode sent = f.recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(other, UUID.randomUUID(), "Hi there", null)));
        assertThat(sent.path("status").asText()).isEqualTo("applied");
        Eventually.await(
                Duration.ofSeconds(20),
                "the connected number's message to be sent",
                () -> f.count(
                                "select count(*) from messages where conversation_id = ? and direction = 'outbound' and status <> 'queued'",
                                other)
                        == 1);
        assertThat(f.count("select count(*) from messages where id = ? and status = 'queued'", heldMessage))
                .isEqualTo(1);

        JsonNode on = AdminFixture.push(
                f.admin,
                AdminMutations.SET_WHATSAPP_ACCOUNT_STATUS,
                new AdminMutations.SetWhatsAppAccountStatus(world.whatsappAccount(), "connected"));
        assertThat(on.path("status").asText()).isEqualTo("applied");
        Eventually.await(
                Duration.ofSeconds(20),
                "the held message to be sent",
                () -> f.count("select count(*) from messages where id = ? and status <> 'queued'", heldMessage) == 1);
        assertThat(f.count(
                        "select count(*) from activity_logs where entity_id = ? and action_type = 'whatsappAccount.setStatus'",
                        world.whatsappAccount()))
                .isEqualTo(2);
    }

    @Test
    void aNumberIsConnectedOrDisconnectedNothingElse() {
        UUID id = UUID.randomUUID();
        save(new AdminMutations.SaveWhatsAppAccount(id, "Odd line", "+27215550400", "simulator", null, null));

        JsonNode result = AdminFixture.push(
                f.admin,
                AdminMutations.SET_WHATSAPP_ACCOUNT_STATUS,
                new AdminMutations.SetWhatsAppAccountStatus(id, "qr_ready"));

        assertThat(result.path("message").asText()).isEqualTo("A number is connected or disconnected.");
    }
}
