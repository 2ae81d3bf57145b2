package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** People, conversations and redelivery: a message is stored once, per number, and reaches the feed. */
@Tag("database")
class InboundConversationTest {
    CloudApiWorld world;
    final long now = Instant.now().getEpochSecond();

    @BeforeEach
    void start() {
        world = CloudApiWorld.start();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private JsonNode conversationOf(String whatsappId, java.util.UUID account) {
        return world.row("""
                select v.* from conversations v join candidates c on c.id = v.candidate_id
                 where c.whatsapp_id = ? and v.whatsapp_account_id = ?
                """, whatsappId, account);
    }

    @Test
    void aNewPersonGetsAPersonKeyedByE164AConversationAndTheProfileName() {
        world.deliverText("27820000021", "Zanele Mthembu", "wamid.new.1", now, "Good morning, I want to apply");

        JsonNode person = world.row("select * from candidates where whatsapp_id = '+27820000021'");
        JsonNode conversation = conversationOf("+27820000021", world.mainAccount);
        assertThat(person.path("whatsapp_name").asText()).isEqualTo("Zanele Mthembu");
        assertThat(person.path("source").asText()).isEqualTo("whatsapp");
        assertThat(conversation.path("unread_count").asInt()).isEqualTo(1);
        assertThat(conversation.path("last_message_preview").asText()).isEqualTo("Good morning, I want to apply");
        assertThat(conversation.path("last_inbound_at").isNull()).isFalse();
    }

    @Test
    void aRedeliveredBatchIsStoredOnceAndCountedOnce() {
        String batch = MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.messageValue(
                        "27820000022",
                        "Bongani Zulu",
                        String.join(
                                ",",
                                MetaPayloads.text("27820000022", "wamid.batch.1", now - 2, "Hello"),
                                MetaPayloads.text(
                                        "27820000022", "wamid.batch.2", now - 1, "I have my forklift licence"),
                                MetaPayloads.text("27820000022", "wamid.batch.3", now, "When can I start?"))));

        var first = world.deliver(batch);
        var again = world.deliver(batch);

        assertThat(first.json().path("stored").asInt()).isEqualTo(3);
        assertThat(again.json().path("stored").asInt()).isZero();
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(3);
        assertThat(world.count("select count(*) from messages where provider_message_id like 'wamid.batch.%'"))
                .isEqualTo(3);
        assertThat(world.count("select count(*) from candidates where whatsapp_id = '+27820000022'"))
                .isEqualTo(1);
        assertThat(conversationOf("+27820000022", world.mainAccount)
                        .path("unread_count")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void aMessageReopensAClosedConversation() {
        world.deliverText("27820000023", "Ayanda Nkosi", "wamid.reopen.1", now - 100, "Thanks, bye");
        world.execute(
                "update conversations set status = 'closed', unread_count = 0 where whatsapp_account_id = ?",
                world.mainAccount);

        world.deliverText("27820000023", "Ayanda Nkosi", "wamid.reopen.2", now, "Sorry, one more question");

        JsonNode conversation = conversationOf("+27820000023", world.mainAccount);
        assertThat(conversation.path("status").asText()).isEqualTo("open");
        assertThat(conversation.path("unread_count").asInt()).isEqualTo(1);
        assertThat(conversation.path("last_message_preview").asText()).isEqualTo("Sorry, one more question");
    }

    @Test
    void anOlderMessageArrivingLateDoesNotReplaceTheLastMessage() {
        world.deliverText("27820000024", "Kagiso Molefe", "wamid.order.2", now, "Second");
        world.deliverText("27820000024", "Kagiso Molefe", "wamid.order.1", now - 60, "First");

        JsonNode conversation = conversationOf("+27820000024", world.mainAccount);
        assertThat(conversation.path("last_message_preview").asText()).isEqualTo("Second");
        assertThat(conversation.path("unread_count").asInt()).isEqualTo(2);
    }

    @Test
    void eachNumberHasItsOwnConversationWithTheSamePerson() {
        world.deliverText("27820000025", "Palesesa Mokoena", "wamid.line.1", now, "Hi talent line");
        world.deliver(MetaPayloads.envelope(
                CloudApiWorld.SECOND_PHONE_NUMBER_ID,
                CloudApiWorld.SECOND_DISPLAY,
                MetaPayloads.messageValue(
                        "27820000025",
                        "Palesesa Mokoena",
                        MetaPayloads.text("27820000025", "wamid.line.2", now, "Hi jobs line"))));

        assertThat(world.count("select count(*) from candidates where whatsapp_id = '+27820000025'"))
                .isEqualTo(1);
        assertThat(conversationOf("+27820000025", world.mainAccount)
                        .path("last_message_preview")
                        .asText())
                .isEqualTo("Hi talent line");
        assertThat(conversationOf("+27820000025", world.secondAccount)
                        .path("last_message_preview")
                        .asText())
                .isEqualTo("Hi jobs line");
    }

    @Test
    void theSameProviderIdOnAnotherNumberIsAnotherMessage() {
        String body = MetaPayloads.messageValue(
                "27820000026", "Thabo", MetaPayloads.text("27820000026", "wamid.shared.1", now, "Hi"));
        world.deliver(MetaPayloads.envelope(CloudApiWorld.MAIN_PHONE_NUMBER_ID, CloudApiWorld.MAIN_DISPLAY, body));
        world.deliver(MetaPayloads.envelope(CloudApiWorld.SECOND_PHONE_NUMBER_ID, CloudApiWorld.SECOND_DISPLAY, body));

        assertThat(world.count("select count(*) from messages where provider_message_id = 'wamid.shared.1'"))
                .isEqualTo(2);
    }

    @Test
    void storedMessagesReachDesktopsThroughTheChangeFeed() {
        var recruiter = new SyncClient(world.server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        recruiter.pullAll();

        world.deliverText("27820000027", "Mpho Sithole", "wamid.feed.1", now, "Is this RecruitDesk?");

        String id = world.row("select id from messages where provider_message_id = 'wamid.feed.1'")
                .path("id")
                .asText();
        Map<String, JsonNode> changes = recruiter.pullAll();
        assertThat(changes.get("message/" + id).path("data").path("body").asText())
                .isEqualTo("Is this RecruitDesk?");
        assertThat(changes.keySet()).anyMatch(k -> k.startsWith("conversation/"));
        assertThat(changes.keySet()).anyMatch(k -> k.startsWith("candidate/"));
    }

    @Test
    void aChangeThatBreaksARuleIsKeptAsADeadLetterWhileTheOtherChangesAreStored() {
        String good = MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.messageValue(
                        "27820000028", "Lwazi", MetaPayloads.text("27820000028", "wamid.rule.1", now, "Fine")));
        // A text without its text object breaks messages_text_has_body.
        String bad = MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.messageValue(
                        "27820000029",
                        "Broken",
                        MetaPayloads.text("27820000029", "wamid.rule.2", now, "x")
                                .replace("\"text\": {\n    \"body\": \"x\"\n  },", "")));
        JsonNode goodEntry = json(good).path("entry").path(0);
        JsonNode badChange = json(bad).path("entry").path(0).path("changes").path(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) goodEntry.path("changes")).add(badChange);
        String both = "{\"object\":\"whatsapp_business_account\",\"entry\":[" + goodEntry + "]}";

        var reply = world.deliver(both);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("stored").asInt()).isEqualTo(1);
        assertThat(reply.json().path("deadLetters").asInt()).isEqualTo(1);
        assertThat(world.count("select count(*) from messages where provider_message_id = 'wamid.rule.1'"))
                .isEqualTo(1);
        assertThat(world.count("select count(*) from messages where provider_message_id = 'wamid.rule.2'"))
                .isZero();
        assertThat(world.count("select count(*) from candidates where whatsapp_id = '+27820000029'"))
                .isZero();
        JsonNode letter = world.row("select reason, payload from whatsapp_dead_letters");
        assertThat(letter.path("reason").asText()).startsWith("rejected by the schema");
        assertThat(letter.path("payload")
                        .path("value")
                        .path("messages")
                        .path(0)
                        .path("id")
                        .asText())
                .isEqualTo("wamid.rule.2");
    }

    private static JsonNode json(String text) {
        try {
            return com.recruitdesk.protocol.Json.newMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
