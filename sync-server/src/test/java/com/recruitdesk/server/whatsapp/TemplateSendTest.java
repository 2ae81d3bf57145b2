package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Synced templates are sent with Meta's components: a text header's value and the body's, positional or named. */
@Tag("database")
class TemplateSendTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String WA_ID = "27820000081";
    final GraphTemplates meta = new GraphTemplates();
    CloudApiWorld world;
    SyncClient recruiter;
    UUID conversation;

    @BeforeEach
    void start() {
        meta.templates.addAll(List.of(
                GraphTemplates.template(
                        "7000000000000001",
                        "interview_invitation",
                        "APPROVED",
                        "UTILITY",
                        GraphTemplates.INVITATION,
                        "NONE"),
                GraphTemplates.template(
                        "7000000000000002", "shift_reminder", "APPROVED", "UTILITY", GraphTemplates.NAMED, "NONE"),
                GraphTemplates.template(
                        "7000000000000003",
                        "depot_opening",
                        "APPROVED",
                        "MARKETING",
                        GraphTemplates.IMAGE_HEADER,
                        "NONE")));
        world = CloudApiWorld.start(Map.of(), meta);
        assertThat(world.requestTemplateSync("admin@demo.test").status()).isEqualTo(202);
        Eventually.await(
                WAIT,
                "the templates",
                () -> world.count(
                                "select count(*) from message_templates where whatsapp_account_id = ? and provider_template_id like '7%'",
                                world.mainAccount)
                        == 3);
        world.deliverText(WA_ID, "Thandi Mokoena", "wamid.in.81", Instant.now().getEpochSecond() - 60, "Hello");
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

    UUID templateId(String name) {
        return UUID.fromString(world.row(
                        "select id from message_templates where whatsapp_account_id = ? and name = ?",
                        world.mainAccount,
                        name)
                .path("id")
                .asText());
    }

    JsonNode send(UUID messageId, String template, List<String> variables, List<String> headerVariables) {
        var args = SyncClient.args()
                .put("conversationId", conversation.toString())
                .put("messageId", messageId.toString())
                .put("templateId", templateId(template).toString());
        variables.forEach(args.putArray("variables")::add);
        if (headerVariables != null) {
            headerVariables.forEach(args.putArray("headerVariables")::add);
        }
        return recruiter.pushOne(SyncClient.mutation(ConversationMutations.SEND_TEMPLATE, args));
    }

    JsonNode sentBody() throws Exception {
        Eventually.await(WAIT, "the template to reach Meta", () -> !meta.sends.isEmpty());
        return OutboundSenderTest.json(meta.sends.getFirst());
    }

    @Test
    void aTextHeadersVariableIsSentAsAHeaderComponent() throws Exception {
        UUID id = UUID.randomUUID();

        JsonNode result =
                send(id, "interview_invitation", List.of("Thandi", "Warehouse supervisor"), List.of("Monday 10:00"));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        JsonNode template = sentBody().path("template");
        assertThat(template.path("name").asText()).isEqualTo("interview_invitation");
        JsonNode components = template.path("components");
        assertThat(components).hasSize(2);
        assertThat(components.path(0).path("type").asText()).isEqualTo("header");
        assertThat(components.path(0).path("parameters").path(0).path("type").asText())
                .isEqualTo("text");
        assertThat(components.path(0).path("parameters").path(0).path("text").asText())
                .isEqualTo("Monday 10:00");
        assertThat(components.path(1).path("type").asText()).isEqualTo("body");
        assertThat(components.path(1).path("parameters").findValuesAsText("text"))
                .containsExactly("Thandi", "Warehouse supervisor");
        assertThat(components.path(1).path("parameters").path(0).has("parameter_name"))
                .isFalse();
        assertThat(world.row("select body from messages where id = ?", id)
                        .path("body")
                        .asText())
                .isEqualTo("Interview on Monday 10:00\n\n"
                        + "Hi Thandi, you are invited to an interview for Warehouse supervisor. Reply YES to confirm.");
    }

    @Test
    void aNamedTemplatesValuesGoUnderTheirNames() throws Exception {
        UUID id = UUID.randomUUID();

        JsonNode result = send(id, "shift_reminder", List.of("Sipho", "morning", "06:00"), List.of("Friday"));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        JsonNode components = sentBody().path("template").path("components");
        assertThat(components
                        .path(0)
                        .path("parameters")
                        .path(0)
                        .path("parameter_name")
                        .asText())
                .isEqualTo("shift_day");
        assertThat(components.path(1).path("parameters").findValuesAsText("parameter_name"))
                .containsExactly("first_name", "shift_name", "start_time");
        assertThat(components.path(1).path("parameters").findValuesAsText("text"))
                .containsExactly("Sipho", "morning", "06:00");
        assertThat(world.row("select body from messages where id = ?", id)
                        .path("body")
                        .asText())
                .endsWith("Hello Sipho, your morning shift starts at 06:00. See you, Sipho!");
    }

    @Test
    void aMissingHeaderVariableIsRejectedWithTheReason() {
        JsonNode result =
                send(UUID.randomUUID(), "interview_invitation", List.of("Thandi", "Warehouse supervisor"), null);

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("has 1 header variable(s); 0 were given");
        assertThat(meta.sends).isEmpty();
    }

    @Test
    void aTemplateWithAMediaHeaderIsRejectedRatherThanFailingAtMeta() {
        JsonNode result = send(UUID.randomUUID(), "depot_opening", List.of(), null);

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("image media");
    }
}
