package com.recruitdesk.server.whatsapp;

import static com.recruitdesk.server.whatsapp.HeldCommitters.conversationAfterText;
import static com.recruitdesk.server.whatsapp.HeldCommitters.conversationOf;
import static com.recruitdesk.server.whatsapp.HeldCommitters.inOneBatch;
import static com.recruitdesk.server.whatsapp.HeldCommitters.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.server.support.Api;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Decision 0051: a batch's plain webhooks (messages without media or a quote) are stored set-based,
 * a few statements for all of them, with exactly what body-by-body storing gives; a batch that is
 * not a plain case falls back to a savepoint per body.
 */
@Tag("database")
class WebhookSetBasedTest {
    private static final long NOW = Instant.now().getEpochSecond();
    private static CloudApiWorld world;

    @BeforeAll
    static void start() {
        world = CloudApiWorld.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void twoNewPeopleAndOneNewPersonTwiceInOneBatchGiveOnePersonAndOneConversationEach() throws Exception {
        List<Api.Reply> replies = inOneBatch(
                world,
                "27840000001",
                "27840000002",
                List.of(
                        text("27840000011", "wamid.sb.a1", NOW - 5, "First of two"),
                        text("27840000012", "wamid.sb.b1", NOW, "Someone else"),
                        text("27840000011", "wamid.sb.a2", NOW, "Second of two"),
                        text("27840000011", "wamid.sb.a1", NOW - 5, "First of two"))); // Meta's redelivery

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        assertThat(replies.stream().map(r -> r.json().path("stored").asInt())).containsExactly(1, 1, 1, 0);
        assertThat(replies.stream().map(r -> r.json().path("duplicates").asInt()))
                .containsExactly(0, 0, 0, 1);
        assertThat(world.count("select count(*) from candidates where whatsapp_id = '+27840000011'"))
                .isEqualTo(1);
        assertThat(world.count("select count(*) from candidates where whatsapp_id = '+27840000012'"))
                .isEqualTo(1);
        assertThat(world.count("""
                        select count(*) from conversations c join candidates p on p.id = c.candidate_id
                         where p.whatsapp_id in ('+27840000011', '+27840000012')
                        """)).isEqualTo(2);
        UUID twice = conversationOf(world, "27840000011");
        JsonNode conversation = world.row(
                "select unread_count, last_message_preview, last_message_at = to_timestamp(?) as latest"
                        + " from conversations where id = ?",
                NOW,
                twice);
        assertThat(conversation.path("unread_count").asInt()).isEqualTo(2);
        assertThat(conversation.path("last_message_preview").asText()).isEqualTo("Second of two");
        assertThat(conversation.path("latest").asBoolean()).isTrue();
        assertThat(
                        world.count(
                                "select count(*) from messages where provider_message_id in ('wamid.sb.a1', 'wamid.sb.a2', 'wamid.sb.b1')"))
                .isEqualTo(3);
        assertThat(world.count("select count(*) from sync_changes where row_id = ?", twice))
                .as("the conversation was made already bumped by both messages: written once")
                .isEqualTo(1);
        assertThat(world.count("""
                        select count(distinct txid) from sync_changes
                         where row_id in (select id from messages where provider_message_id in ('wamid.sb.a1', 'wamid.sb.a2', 'wamid.sb.b1'))
                        """)).as("one transaction").isEqualTo(1);
    }

    @Test
    void aChangeBreakingARuleInASetBasedBatchIsTheOnlyDeadLetterAndEveryOtherBodyIsStoredWhole() throws Exception {
        String good = text("27840000021", "wamid.sb.c1", "Good morning");
        // Two changes: a good text, and a text without its text object (messages_text_has_body).
        String broken = text("27840000023", "wamid.sb.e1", "x").replace("\"text\": {\n    \"body\": \"x\"\n  },", "");
        String twoChanges = twoChanges(text("27840000022", "wamid.sb.d1", "Stored all the same"), broken);
        String other = text("27840000024", "wamid.sb.f1", "Is it still open?");

        List<Api.Reply> replies = inOneBatch(world, "27840000003", "27840000004", List.of(good, twoChanges, other));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        assertThat(replies.stream().map(r -> r.json().path("stored").asInt())).containsExactly(1, 1, 1);
        assertThat(replies.stream().map(r -> r.json().path("deadLetters").asInt()))
                .containsExactly(0, 1, 0);
        assertThat(world.count("""
                        select count(*) from messages
                         where provider_message_id in ('wamid.sb.c1', 'wamid.sb.d1', 'wamid.sb.f1')
                        """)).isEqualTo(3);
        assertThat(world.count("select count(*) from messages where provider_message_id = 'wamid.sb.e1'"))
                .isZero();
        assertThat(world.count("select count(*) from whatsapp_dead_letters where payload::text like '%wamid.sb.e1%'"))
                .isEqualTo(1);
        assertThat(world.count("select count(*) from whatsapp_dead_letters where payload::text like '%wamid.sb.d1%'"))
                .as("only the change that broke the rule")
                .isZero();
    }

    @Test
    void peopleWhoWroteBeforeHaveTheirConversationsBumpedOnceForAllTheirMessagesOfTheBatch() throws Exception {
        UUID closed = conversationAfterText(world, "27840000031", "wamid.sb.g0");
        UUID open = conversationAfterText(world, "27840000032", "wamid.sb.h0");
        world.execute("update conversations set status = 'closed', unread_count = 0 where id = ?", closed);

        List<Api.Reply> replies = inOneBatch(
                world,
                "27840000005",
                "27840000006",
                List.of(
                        text("27840000031", "wamid.sb.g1", NOW + 60, "Written last"),
                        text("27840000032", "wamid.sb.h1", NOW + 10, "Another person"),
                        text("27840000031", "wamid.sb.g2", NOW + 30, "Delivered last, written earlier")));

        assertThat(replies.stream().map(r -> r.json().path("stored").asInt())).containsExactly(1, 1, 1);
        JsonNode reopened =
                world.row("select status, unread_count, last_message_preview from conversations where id = ?", closed);
        assertThat(reopened.path("status").asText()).isEqualTo("open");
        assertThat(reopened.path("unread_count").asInt()).isEqualTo(2);
        assertThat(reopened.path("last_message_preview").asText())
                .as("the inbox line is the latest message by time")
                .isEqualTo("Written last");
        assertThat(world.count("select unread_count from conversations where id = ?", open))
                .isEqualTo(2);
        assertThat(world.count("select count(*) from candidates where whatsapp_id = '+27840000031'"))
                .isEqualTo(1);
    }

    @Test
    void newPeopleOfOneBatchAreEachGreetedOnce() throws Exception {
        world.execute("""
                insert into system_settings (organization_id, key, value, description)
                select organization_id, ?, jsonb_build_object(id::text, 'Hi! Thanks for writing.'), 'greetings'
                  from whatsapp_accounts where phone_number_id = ?
                on conflict (organization_id, key) do update set value = excluded.value
                """, Settings.BOT_GREETINGS, CloudApiWorld.MAIN_PHONE_NUMBER_ID);
        try {
            List<Api.Reply> replies = inOneBatch(
                    world,
                    "27840000007",
                    "27840000008",
                    List.of(
                            text("27840000041", "wamid.sb.i1", "Hello"),
                            text("27840000042", "wamid.sb.j1", "Hi there"),
                            text("27840000041", "wamid.sb.i2", "Anyone?")));

            assertThat(replies.stream().map(r -> r.json().path("stored").asInt()))
                    .containsExactly(1, 1, 1);
            for (String waId : List.of("27840000041", "27840000042")) {
                assertThat(world.count(
                                "select count(*) from messages where conversation_id = ? and sender_type = 'bot'"
                                        + " and body like 'Hi! Thanks for writing.%'",
                                conversationOf(world, waId)))
                        .as("greetings of " + waId)
                        .isEqualTo(1);
            }
        } finally {
            world.execute("delete from system_settings where key = ?", Settings.BOT_GREETINGS);
        }
    }

    @Test
    void aBodyThatIsNotPlainBetweenTwoSetBasedRunsKeepsTheBatchsOrder() throws Exception {
        String photo = MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.messageValue(
                        "27840000051",
                        "Candidate 27840000051",
                        MetaPayloads.message("27840000051", "wamid.sb.k2", NOW, "image", MetaPayloads.IMAGE, null)));

        List<Api.Reply> replies = inOneBatch(
                world,
                "27840000009",
                "27840000010",
                List.of(
                        text("27840000051", "wamid.sb.k1", NOW, "Before the photo"),
                        text("27840000052", "wamid.sb.l1", NOW, "Someone else"),
                        photo, // media: applied alone, between the two runs
                        text("27840000051", "wamid.sb.k3", NOW, "After the photo"),
                        text("27840000052", "wamid.sb.l2", NOW, "Someone else again")));

        assertThat(replies.stream().map(r -> r.json().path("stored").asInt())).containsExactly(1, 1, 1, 1, 1);
        UUID conversation = conversationOf(world, "27840000051");
        assertThat(world.rows("""
                                select m.provider_message_id from messages m
                                  join sync_changes f on f.row_id = m.id
                                 where m.conversation_id = ? and m.direction = 'inbound'
                                 order by f.id
                                """, conversation).stream()
                        .map(r -> r.path("provider_message_id").asText()))
                .as("the person's messages in the feed in the batch's order")
                .containsExactly("wamid.sb.k1", "wamid.sb.k2", "wamid.sb.k3");
        JsonNode row =
                world.row("select unread_count, last_message_preview from conversations where id = ?", conversation);
        assertThat(row.path("unread_count").asInt()).isEqualTo(3);
        assertThat(row.path("last_message_preview").asText())
                .as("equal times: the last in the batch's order")
                .isEqualTo("After the photo");
        assertThat(world.count("select count(*) from whatsapp_media_downloads d join messages m on m.id = d.message_id"
                        + " where m.provider_message_id = 'wamid.sb.k2'"))
                .as("the photo's download is queued as before")
                .isEqualTo(1);
    }

    /** One body holding the first change of each of {@code envelopes}. */
    private static String twoChanges(String first, String second) {
        JsonNode a = json(first);
        JsonNode b = json(second);
        ((com.fasterxml.jackson.databind.node.ArrayNode) a.path("entry").path(0).path("changes"))
                .add(b.path("entry").path(0).path("changes").path(0));
        return a.toString();
    }

    private static JsonNode json(String text) {
        try {
            return com.recruitdesk.protocol.Json.newMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
