package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Outside the 24-hour window only an approved template goes out, with its variables. */
@Tag("database")
class CustomerServiceWindowTest {
    static final String WA_ID = "27820000071";
    CloudApiWorld world;
    SyncClient recruiter;
    UUID conversation;
    UUID approved;
    UUID pending;

    @BeforeEach
    void start() throws Exception {
        world = CloudApiWorld.start();
        long dayAndHourAgo = Instant.now().minus(Duration.ofHours(25)).getEpochSecond();
        world.deliverText(WA_ID, "Musa Ndlovu", "wamid.old.71", dayAndHourAgo, "Thanks for the call");
        conversation = UUID.fromString(
                world.row("select id from conversations where whatsapp_account_id = ?", world.mainAccount)
                        .path("id")
                        .asText());
        try (Connection c = SyncFixture.connect(world.server.database)) {
            String components = """
                    [{"type": "BODY", "text": "Hi {{1}}, thanks for your application for {{2}}. Reply YES to confirm you are still interested."}]""";
            approved = SyncFixture.insert(
                    c,
                    "insert into message_templates (organization_id, whatsapp_account_id, name, language, category, status, components)"
                            + " values (?, ?, 'application_follow_up', 'en_US', 'utility', 'approved', ?::jsonb) returning id",
                    world.organization,
                    world.mainAccount,
                    components);
            pending = SyncFixture.insert(
                    c,
                    "insert into message_templates (organization_id, whatsapp_account_id, name, language, category, status, components)"
                            + " values (?, ?, 'interview_reminder', 'en_US', 'utility', 'pending', ?::jsonb) returning id",
                    world.organization,
                    world.mainAccount,
                    components);
        }
        recruiter = new SyncClient(world.server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    JsonNode sendTemplate(UUID id, UUID template, String... variables) {
        var args = SyncClient.args()
                .put("conversationId", conversation.toString())
                .put("messageId", id.toString())
                .put("templateId", template.toString());
        var list = args.putArray("variables");
        for (String v : variables) {
            list.add(v);
        }
        return recruiter.pushOne(SyncClient.mutation(ConversationMutations.SEND_TEMPLATE, args));
    }

    @Test
    void freeTextOutsideTheWindowIsRejectedWithTheReason() {
        UUID id = UUID.randomUUID();

        JsonNode result = recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                SyncClient.args()
                        .put("conversationId", conversation.toString())
                        .put("messageId", id.toString())
                        .put("text", "Are you still interested?")));

        assertThat(result.path("status").asText()).isEqualTo("rejected");
        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("24-hour customer-service window closed");
        assertThat(result.path("message").asText()).contains("conversation.sendTemplate");
        assertThat(world.count("select count(*) from messages where id = ?", id))
                .isZero();
    }

    @Test
    void anApprovedTemplateIsSentWithItsVariablesOutsideTheWindow() throws Exception {
        world.graph.enqueue(OutboundSenderTest.accepted("wamid.template.1"));
        UUID id = UUID.randomUUID();

        JsonNode result = sendTemplate(id, approved, "Musa", "Warehouse supervisor");

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        Eventually.await(
                Duration.ofSeconds(15),
                "the template to be sent",
                () -> "sent"
                        .equals(world.row("select status from messages where id = ?", id)
                                .path("status")
                                .asText()));
        JsonNode body = OutboundSenderTest.json(world.graph.takeRequest(5, TimeUnit.SECONDS));
        assertThat(body.path("type").asText()).isEqualTo("template");
        assertThat(body.path("template").path("name").asText()).isEqualTo("application_follow_up");
        assertThat(body.path("template").path("language").path("code").asText()).isEqualTo("en_US");
        JsonNode parameters = body.path("template").path("components").path(0).path("parameters");
        assertThat(parameters.path(0).path("text").asText()).isEqualTo("Musa");
        assertThat(parameters.path(1).path("text").asText()).isEqualTo("Warehouse supervisor");
        assertThat(world.row("select body from messages where id = ?", id)
                        .path("body")
                        .asText())
                .startsWith("Hi Musa, thanks for your application for Warehouse supervisor.");
    }

    @Test
    void aTemplateNotYetApprovedIsRejected() {
        JsonNode result = sendTemplate(UUID.randomUUID(), pending, "Musa", "Warehouse supervisor");

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("is pending; only an approved template");
    }

    @Test
    void theWrongNumberOfVariablesIsRejected() {
        JsonNode result = sendTemplate(UUID.randomUUID(), approved, "Musa");

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("has 2 variable(s); 1 were given");
    }
}
