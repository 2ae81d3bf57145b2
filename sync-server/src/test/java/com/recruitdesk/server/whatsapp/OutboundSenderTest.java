package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.config.ServerConfig;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The sender task against Meta's Graph API played by MockWebServer. */
@Tag("database")
class OutboundSenderTest {
    static final String WA_ID = "27820000051";
    static final ObjectMapper MAPPER = Json.newMapper();
    static final Duration WAIT = Duration.ofSeconds(15);

    CloudApiWorld world;
    SyncClient recruiter;
    UUID conversation;
    final long now = Instant.now().getEpochSecond();

    void start(Map<String, String> env) {
        world = CloudApiWorld.start(env);
        world.deliverText(WA_ID, "Lindiwe Dube", "wamid.in.51", now - 60, "Hello, I applied yesterday");
        conversation = UUID.fromString(
                world.row("select id from conversations where whatsapp_account_id = ?", world.mainAccount)
                        .path("id")
                        .asText());
        recruiter = new SyncClient(world.server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static MockResponse accepted(String wamid) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],"messages":[{"id":"%s","message_status":"accepted"}]}
                        """.formatted(WA_ID, WA_ID, wamid))
                .build();
    }

    static MockResponse error(int http, int code, String message, String details) {
        return new MockResponse.Builder()
                .code(http)
                .addHeader("Content-Type", "application/json")
                .body("""
                        {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,"error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AazsbH5tEv5iGwSPKlvm8Hy"}}
                        """.formatted(code, message, code, details))
                .build();
    }

    UUID send(String text, UUID replyTo) {
        UUID id = UUID.randomUUID();
        var args = SyncClient.args()
                .put("conversationId", conversation.toString())
                .put("messageId", id.toString())
                .put("text", text);
        if (replyTo != null) {
            args.put("replyToMessageId", replyTo.toString());
        }
        JsonNode result = recruiter.pushOne(SyncClient.mutation(ConversationMutations.SEND_MESSAGE, args));
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        return id;
    }

    JsonNode message(UUID id) {
        return world.row("select * from messages where id = ?", id);
    }

    void awaitStatus(UUID id, String status) {
        Eventually.await(
                WAIT,
                "message " + id + " to be " + status,
                () -> status.equals(message(id).path("status").asText()));
    }

    static JsonNode json(RecordedRequest request) throws Exception {
        return MAPPER.readTree(request.getBody().utf8());
    }

    @Test
    void aQueuedReplyIsPostedToTheNumbersMessagesEndpointAndBecomesSent() throws Exception {
        start(Map.of());
        world.graph.enqueue(accepted("wamid.HBgLMjc4MjAwMDAwNTEVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"));
        UUID quoted = UUID.fromString(world.row("select id from messages where provider_message_id = 'wamid.in.51'")
                .path("id")
                .asText());

        UUID id = send("Yes! Can you come in on Monday at 10:00?", quoted);

        awaitStatus(id, "sent");
        RecordedRequest request = world.graph.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath())
                .isEqualTo("/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + CloudApiWorld.ACCESS_TOKEN);
        JsonNode body = json(request);
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("to").asText()).isEqualTo(WA_ID);
        assertThat(body.path("type").asText()).isEqualTo("text");
        assertThat(body.path("text").path("body").asText()).isEqualTo("Yes! Can you come in on Monday at 10:00?");
        assertThat(body.path("context").path("message_id").asText()).isEqualTo("wamid.in.51");
        assertThat(body.path("biz_opaque_callback_data").asText()).isEqualTo(id.toString());
        assertThat(message(id).path("provider_message_id").asText())
                .isEqualTo("wamid.HBgLMjc4MjAwMDAwNTEVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA");
    }

    @Test
    void throttledThenAcceptedIsRetriedAfterTheBackOff() throws Exception {
        start(Map.of());
        world.graph.enqueue(error(429, 130429, "Rate limit hit", "Cloud API message throughput has been reached."));
        world.graph.enqueue(accepted("wamid.after.throttle"));

        UUID id = send("Please send your CV", null);
        Eventually.await(
                WAIT,
                "the throttled attempt to be recorded",
                () -> world.count(
                                "select count(*) from whatsapp_send_attempts where message_id = ? and last_error like '%130429%'",
                                id)
                        == 1);
        assertThat(message(id).path("status").asText()).isEqualTo("queued");
        assertThat(world.graph.getRequestCount()).isEqualTo(1);

        world.server.clock.advance(Duration.ofMinutes(1));

        awaitStatus(id, "sent");
        assertThat(world.graph.getRequestCount()).isEqualTo(2);
        assertThat(message(id).path("provider_message_id").asText()).isEqualTo("wamid.after.throttle");
        assertThat(world.count("select count(*) from whatsapp_send_attempts where message_id = ?", id))
                .isZero();
    }

    @Test
    void aServerErrorIsRetriedToo() {
        start(Map.of());
        world.graph.enqueue(new MockResponse.Builder()
                .code(503)
                .body("upstream unavailable")
                .build());
        world.graph.enqueue(accepted("wamid.after.503"));

        UUID id = send("Are you still available?", null);
        Eventually.await(
                WAIT,
                "the first attempt",
                () -> world.graph.getRequestCount() == 1
                        && world.count(
                                        "select count(*) from whatsapp_send_attempts where message_id = ? and not in_doubt",
                                        id)
                                == 1);
        world.server.clock.advance(Duration.ofMinutes(1));

        awaitStatus(id, "sent");
    }

    @Test
    void aPermanentErrorFailsTheMessageWithMetasCodeAndTitle() {
        start(Map.of());
        world.graph.enqueue(error(400, 131026, "Message undeliverable", "Message Undeliverable."));

        UUID id = send("Hi again", null);

        awaitStatus(id, "failed");
        JsonNode m = message(id);
        assertThat(m.path("error_code").asInt()).isEqualTo(131026);
        assertThat(m.path("error_title").asText()).contains("Message undeliverable");
        assertThat(m.path("payload")
                        .path("error")
                        .path("error_data")
                        .path("details")
                        .asText())
                .isEqualTo("Message Undeliverable.");
        assertThat(m.path("provider_message_id").isNull()).isTrue();
    }

    @Test
    void aStatusThatArrivedBeforeTheSendAnswerIsAppliedWhenTheIdIsRecorded() {
        start(Map.of());
        world.deliverStatuses(MetaPayloads.status("wamid.early.1", "delivered", now + 5, WA_ID));
        world.graph.enqueue(accepted("wamid.early.1"));

        UUID id = send("See you then", null);

        awaitStatus(id, "delivered");
        assertThat(message(id).path("delivered_at").isNull()).isFalse();
        assertThat(world.count("select count(*) from whatsapp_pending_statuses"))
                .isZero();
    }

    @Test
    void aTimedOutSendIsLinkedByMetasStatusAndNeverSentTwice() throws Exception {
        start(Map.of("RD_WHATSAPP_TIMEOUT_MS", "400"));
        world.graph.enqueue(new MockResponse.Builder()
                .headersDelay(3, TimeUnit.SECONDS)
                .code(200)
                .body("{}")
                .build());

        UUID id = send("Interview confirmed for Monday", null);
        Eventually.await(
                WAIT,
                "the attempt to time out",
                () -> world.count(
                                "select count(*) from whatsapp_send_attempts where message_id = ? and in_doubt and last_error is not null",
                                id)
                        == 1);
        assertThat(message(id).path("status").asText()).isEqualTo("queued");

        // Meta did take it: its status webhook carries our id back in biz_opaque_callback_data.
        world.deliverStatuses(MetaPayloads.statusWithCallback("wamid.took.it", "sent", now + 3, WA_ID, id.toString()));
        world.server.clock.advance(ServerConfig.WhatsAppSettings.DEFAULT_SEND_LEASE.plusMinutes(1));
        world.graph.enqueue(accepted("wamid.next.one"));
        UUID next = send("One more thing: bring your ID", null);

        awaitStatus(next, "sent");
        assertThat(message(id).path("status").asText()).isEqualTo("sent");
        assertThat(message(id).path("provider_message_id").asText()).isEqualTo("wamid.took.it");
        assertThat(world.graph.getRequestCount()).isEqualTo(2);
        world.graph.takeRequest();
        assertThat(json(world.graph.takeRequest())
                        .path("biz_opaque_callback_data")
                        .asText())
                .isEqualTo(next.toString());
    }
}
