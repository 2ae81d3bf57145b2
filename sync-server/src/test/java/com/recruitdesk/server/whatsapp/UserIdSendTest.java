package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sends reach a person known only by their business-scoped user id; statuses teach the ids we lacked. */
@Tag("database")
class UserIdSendTest {
    static final String BSUID = "ZA.30000000000000000051";
    CloudApiWorld world;
    SyncClient recruiter;
    final long now = Instant.now().getEpochSecond();

    @BeforeEach
    void start() {
        world = CloudApiWorld.start();
        recruiter = new SyncClient(world.server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    UUID reply(String text) {
        UUID conversation = UUID.fromString(
                world.row("select id from conversations where whatsapp_account_id = ?", world.mainAccount)
                        .path("id")
                        .asText());
        UUID id = UUID.randomUUID();
        JsonNode result = recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                SyncClient.args()
                        .put("conversationId", conversation.toString())
                        .put("messageId", id.toString())
                        .put("text", text)));
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        Eventually.await(
                Duration.ofSeconds(15),
                "the reply to be sent",
                () -> "sent"
                        .equals(world.row("select status from messages where id = ?", id)
                                .path("status")
                                .asText()));
        return id;
    }

    @Test
    void aPersonKnownOnlyByUserIdIsReachedThroughMetasRecipientField() throws Exception {
        world.deliver(MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.value(
                        MetaPayloads.contact(null, BSUID, null, "Zinhle", "@zinhle"),
                        MetaPayloads.textFrom(null, BSUID, "wamid.in.u1", now - 30, "Hi, any shifts this week?"))));
        world.graph.enqueue(OutboundSenderTest.accepted("wamid.out.u1"));

        reply("Yes, Thursday morning. Can you come?");

        JsonNode body = OutboundSenderTest.json(world.graph.takeRequest(5, TimeUnit.SECONDS));
        assertThat(body.path("recipient").asText()).isEqualTo(BSUID);
        assertThat(body.has("to")).isFalse();
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("text").path("body").asText()).isEqualTo("Yes, Thursday morning. Can you come?");
    }

    @Test
    void aStatusTeachesAPhoneOnlyPersonTheirUserIdAndUsername() throws Exception {
        world.deliverText("27820000052", "Kagiso", "wamid.in.p1", now - 30, "Hello");
        world.graph.enqueue(OutboundSenderTest.accepted("wamid.out.p1"));
        reply("Hi Kagiso");
        assertThat(OutboundSenderTest.json(world.graph.takeRequest(5, TimeUnit.SECONDS))
                        .path("to")
                        .asText())
                .isEqualTo("27820000052");

        world.deliver(MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.statusValueWithContact(
                        MetaPayloads.contact("27820000052", BSUID, null, "Kagiso", "@kagiso"),
                        MetaPayloads.statusTo("wamid.out.p1", "delivered", now + 2, "27820000052", BSUID))));

        JsonNode person = world.row("select * from candidates where whatsapp_id = '+27820000052'");
        assertThat(person.path("whatsapp_user_id").asText()).isEqualTo(BSUID);
        assertThat(person.path("whatsapp_username").asText()).isEqualTo("@kagiso");
        assertThat(world.row("select status from messages where provider_message_id = 'wamid.out.p1'")
                        .path("status")
                        .asText())
                .isEqualTo("delivered");
        assertThat(world.count("select count(*) from candidates where whatsapp_user_id = ?", BSUID))
                .isEqualTo(1);
    }

    @Test
    void aStatusForSomeoneWeNeverWroteToMakesNobody() {
        world.deliverStatuses(MetaPayloads.statusTo("wamid.not.ours", "delivered", now, "27820000053", BSUID));

        assertThat(world.count(
                        "select count(*) from candidates where whatsapp_user_id = ? or whatsapp_id = '+27820000053'",
                        BSUID))
                .isZero();
        assertThat(world.count("select count(*) from whatsapp_pending_statuses"))
                .isEqualTo(1);
    }
}
