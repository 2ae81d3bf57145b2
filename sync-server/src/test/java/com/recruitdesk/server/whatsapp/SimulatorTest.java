package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Without credentials the simulator answers sends and takes injected inbound messages. */
@Tag("database")
class SimulatorTest {
    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = com.recruitdesk.protocol.Json.newMapper();
    TestServer server;
    UUID account;

    @BeforeEach
    void start() {
        server = TestServer.start();
        account = UUID.fromString(one("select id from whatsapp_accounts where display_name = 'RecruitDesk Talent'")
                .path("id")
                .asText());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    JsonNode one(String sql, Object... params) {
        try (var c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement("select to_jsonb(t)::text from (" + sql + ") t")) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return MAPPER.readTree(rs.getString(1));
            }
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Reply inject(String email, String text) {
        String token = server.login(email, TestServer.PASSWORD)
                .json()
                .path("accessToken")
                .asText();
        return server.api.post(
                Paths.WHATSAPP_SIMULATOR_INBOUND,
                Map.of(
                        "whatsappAccountId",
                        account.toString(),
                        "from",
                        "+27829990001",
                        "name",
                        "Demo Person",
                        "text",
                        text),
                token);
    }

    @Test
    void anAdministratorInjectsAnInboundMessageThatOpensAConversation() {
        Api.Reply reply = inject("admin@demo.test", "Hi, is the night shift still open?");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode m = one(
                "select * from messages where provider_message_id = ?",
                reply.json().path("providerMessageId").asText());
        assertThat(m.path("direction").asText()).isEqualTo("inbound");
        assertThat(m.path("body").asText()).isEqualTo("Hi, is the night shift still open?");
        assertThat(one("select whatsapp_name from candidates where whatsapp_id = '+27829990001'")
                        .path("whatsapp_name")
                        .asText())
                .isEqualTo("Demo Person");
    }

    @Test
    void aRecruiterMayNotInject() {
        Api.Reply reply = inject(TestServer.RECRUITER, "Hello");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("forbidden");
    }

    @Test
    void aSentMessageAdvancesToDeliveredAndRead() {
        inject("admin@demo.test", "Hello");
        UUID conversation = UUID.fromString(
                one("select v.id from conversations v join candidates c on c.id = v.candidate_id where c.whatsapp_id = '+27829990001'")
                        .path("id")
                        .asText());
        var recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        UUID id = UUID.randomUUID();
        UUID failing = UUID.randomUUID();

        for (var pair : Map.of(id, "Welcome! When can you start?", failing, "This one will [fail]")
                .entrySet()) {
            JsonNode result = recruiter.pushOne(SyncClient.mutation(
                    ConversationMutations.SEND_MESSAGE,
                    SyncClient.args()
                            .put("conversationId", conversation.toString())
                            .put("messageId", pair.getKey().toString())
                            .put("text", pair.getValue())));
            assertThat(result.path("status").asText()).isEqualTo("applied");
        }

        Eventually.await(
                Duration.ofSeconds(15),
                "the simulator to report the message read",
                () -> "read"
                        .equals(one("select status from messages where id = ?", id)
                                .path("status")
                                .asText()));
        Eventually.await(
                Duration.ofSeconds(15),
                "the simulator to fail the [fail] message",
                () -> "failed"
                        .equals(one("select status from messages where id = ?", failing)
                                .path("status")
                                .asText()));
        JsonNode m = one("select * from messages where id = ?", id);
        assertThat(m.path("provider_message_id").asText()).startsWith("wamid.SIM");
        assertThat(m.path("delivered_at").isNull()).isFalse();
        assertThat(one("select error_code from messages where id = ?", failing)
                        .path("error_code")
                        .asInt())
                .isEqualTo(131026);
    }

    @Test
    void aPersonKnownOnlyByUsernameIsInjectedAndAnsweredThroughTheirUserId() {
        String token = server.login("admin@demo.test", TestServer.PASSWORD)
                .json()
                .path("accessToken")
                .asText();
        Api.Reply reply = server.api.post(
                Paths.WHATSAPP_SIMULATOR_INBOUND,
                Map.of(
                        "whatsappAccountId",
                        account.toString(),
                        "from",
                        "ZA.40000000000000000061",
                        "username",
                        "@palesa",
                        "text",
                        "Hi, I only share my username"),
                token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode person = one("select * from candidates where whatsapp_user_id = 'ZA.40000000000000000061'");
        assertThat(person.path("whatsapp_id").isNull()).isTrue();
        assertThat(person.path("whatsapp_username").asText()).isEqualTo("@palesa");
        UUID conversation = UUID.fromString(one(
                        "select id from conversations where candidate_id = ?::uuid",
                        person.path("id").asText())
                .path("id")
                .asText());
        UUID id = UUID.randomUUID();

        JsonNode result = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD)
                .pushOne(SyncClient.mutation(
                        ConversationMutations.SEND_MESSAGE,
                        SyncClient.args()
                                .put("conversationId", conversation.toString())
                                .put("messageId", id.toString())
                                .put("text", "Thanks Palesa, we will call you")));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        Eventually.await(
                Duration.ofSeconds(15),
                "the reply to a user id to be delivered",
                () -> "delivered"
                                .equals(one("select status from messages where id = ?", id)
                                        .path("status")
                                        .asText())
                        || "read"
                                .equals(one("select status from messages where id = ?", id)
                                        .path("status")
                                        .asText()));
    }

    @Test
    void fromMustBeANumberOrAUserId() {
        String token = server.login("admin@demo.test", TestServer.PASSWORD)
                .json()
                .path("accessToken")
                .asText();
        Api.Reply reply = server.api.post(
                Paths.WHATSAPP_SIMULATOR_INBOUND,
                Map.of("whatsappAccountId", account.toString(), "from", "@just-a-username", "text", "Hi"),
                token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("WhatsApp user id");
    }
}
