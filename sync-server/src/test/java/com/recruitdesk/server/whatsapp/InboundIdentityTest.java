package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.support.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * People found by whichever WhatsApp id arrives (decision 0015): the business-scoped user id first,
 * then the phone number; the missing one is filled in; a message nobody can be named for is kept.
 */
@Tag("database")
class InboundIdentityTest {
    static final String BSUID = "ZA.13491208655302741918";
    static final String PARENT = "ZA.ENT.11815799212886844830";
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

    Api.Reply deliver(String value) {
        Api.Reply reply = world.deliver(
                MetaPayloads.envelope(CloudApiWorld.MAIN_PHONE_NUMBER_ID, CloudApiWorld.MAIN_DISPLAY, value));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    JsonNode personWithUserId(String userId) {
        return world.row("select * from candidates where whatsapp_user_id = ?", userId);
    }

    @Test
    void aSenderKnownOnlyByUsernameIsAPersonKeyedByTheirUserId() {
        deliver(MetaPayloads.value(
                MetaPayloads.contact(null, BSUID, PARENT, "Sheena Nelson", "@sheena"),
                MetaPayloads.textFrom(null, BSUID, "wamid.user.1", now, "Hi, I saw your ad for drivers")));

        JsonNode person = personWithUserId(BSUID);
        assertThat(person.path("whatsapp_id").isNull()).isTrue();
        assertThat(person.path("whatsapp_username").asText()).isEqualTo("@sheena");
        assertThat(person.path("whatsapp_parent_user_id").asText()).isEqualTo(PARENT);
        assertThat(person.path("whatsapp_name").asText()).isEqualTo("Sheena Nelson");
        JsonNode message = world.row("select * from messages where provider_message_id = 'wamid.user.1'");
        assertThat(message.path("candidate_id").asText())
                .isEqualTo(person.path("id").asText());
        assertThat(message.path("body").asText()).isEqualTo("Hi, I saw your ad for drivers");
    }

    @Test
    void aPhoneOnlyPersonGetsTheirUserIdWhenBothArrive() {
        world.deliverText("27820000031", "Thandi Mokoena", "wamid.phone.1", now - 60, "Hello");
        String id = world.row("select id from candidates where whatsapp_id = '+27820000031'")
                .path("id")
                .asText();

        deliver(MetaPayloads.value(
                MetaPayloads.contact("27820000031", BSUID, null, "Thandi M.", null),
                MetaPayloads.textFrom("27820000031", BSUID, "wamid.phone.2", now, "Any news?")));

        JsonNode person = personWithUserId(BSUID);
        assertThat(person.path("id").asText()).isEqualTo(id);
        assertThat(person.path("whatsapp_id").asText()).isEqualTo("+27820000031");
        assertThat(person.path("whatsapp_name").asText()).isEqualTo("Thandi M.");
        assertThat(world.count(
                        "select count(*) from candidates where whatsapp_id = '+27820000031' or whatsapp_user_id = ?",
                        BSUID))
                .isEqualTo(1);
        assertThat(world.count("select count(*) from conversations where candidate_id = ?::uuid", id))
                .isEqualTo(1);
        assertThat(world.count("select count(*) from messages where candidate_id = ?::uuid", id))
                .isEqualTo(2);
    }

    @Test
    void aUserIdOnlyPersonGetsTheirNumberWhenItArrivesAndKeepsTheirUsername() {
        deliver(MetaPayloads.value(
                MetaPayloads.contact(null, BSUID, null, "Sipho", "@sipho.d"),
                MetaPayloads.textFrom(null, BSUID, "wamid.late.1", now - 60, "Hi")));
        String id = personWithUserId(BSUID).path("id").asText();

        // Delivered and read statuses name a username; this message's contact has none to give.
        deliver(MetaPayloads.value(
                MetaPayloads.contact("27820000032", BSUID, null, "Sipho Dlamini", null),
                MetaPayloads.textFrom("27820000032", BSUID, "wamid.late.2", now, "My number is this one")));

        JsonNode person = personWithUserId(BSUID);
        assertThat(person.path("id").asText()).isEqualTo(id);
        assertThat(person.path("whatsapp_id").asText()).isEqualTo("+27820000032");
        assertThat(person.path("whatsapp_username").asText()).isEqualTo("@sipho.d");
        assertThat(world.count(
                        "select count(*) from candidates where whatsapp_id = '+27820000032' or whatsapp_user_id = ?",
                        BSUID))
                .isEqualTo(1);
        assertThat(world.count("select count(*) from messages where candidate_id = ?::uuid", id))
                .isEqualTo(2);
    }

    @Test
    void aRedeliveredUsernameMessageIsStoredOnceAndChangesNothing() {
        String value = MetaPayloads.value(
                MetaPayloads.contact(null, BSUID, null, "Lerato", "@lerato"),
                MetaPayloads.textFrom(null, BSUID, "wamid.again.1", now, "Is the warehouse job still open?"));
        deliver(value);
        long version = personWithUserId(BSUID).path("version").asLong();
        long feed = world.count("select count(*) from sync_changes");

        Api.Reply again = deliver(value);

        assertThat(again.json().path("stored").asInt()).isZero();
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(world.count("select count(*) from messages where provider_message_id = 'wamid.again.1'"))
                .isEqualTo(1);
        assertThat(personWithUserId(BSUID).path("version").asLong()).isEqualTo(version);
        assertThat(world.count("select count(*) from sync_changes")).isEqualTo(feed);
    }

    @Test
    void aMessageNamingNoUsableSenderIsKeptAsADeadLetterNotDropped() {
        Api.Reply reply = deliver(MetaPayloads.value(
                MetaPayloads.contact(null, null, null, "Unknown", null),
                MetaPayloads.textFrom("not-a-number", "no-bsuid-here", "wamid.nobody.1", now, "Hello?"),
                MetaPayloads.text("27820000033", "wamid.somebody.1", now, "And I am fine")));

        assertThat(reply.json().path("stored").asInt()).isEqualTo(1);
        assertThat(reply.json().path("deadLetters").asInt()).isEqualTo(1);
        JsonNode letter = world.row("select reason, payload from whatsapp_dead_letters");
        assertThat(letter.path("reason").asText()).contains("no sender");
        JsonNode kept = letter.path("payload").path("value").path("messages");
        assertThat(kept).hasSize(1);
        assertThat(kept.path(0).path("id").asText()).isEqualTo("wamid.nobody.1");
        assertThat(letter.path("payload")
                        .path("value")
                        .path("metadata")
                        .path("phone_number_id")
                        .asText())
                .isEqualTo(CloudApiWorld.MAIN_PHONE_NUMBER_ID);
        assertThat(world.count("select count(*) from messages where provider_message_id = 'wamid.somebody.1'"))
                .isEqualTo(1);
    }

    @Test
    void aMessageWithoutAnIdIsKeptAsADeadLetter() {
        Api.Reply reply = deliver(MetaPayloads.value(
                MetaPayloads.contact("27820000034", BSUID, null, "Ayanda", null),
                MetaPayloads.textFrom("27820000034", BSUID, "wamid.x", now, "Hi")
                        .replace("\"id\": \"wamid.x\",", "")));

        assertThat(reply.json().path("deadLetters").asInt()).isEqualTo(1);
        assertThat(world.count("select count(*) from candidates where whatsapp_user_id = ?", BSUID))
                .isZero();
        assertThat(world.count("select count(*) from whatsapp_dead_letters")).isEqualTo(1);
    }

    @Test
    void concurrentFirstMessagesFromOneUserMakeOnePerson() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Reply>> posts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String value = MetaPayloads.value(
                        MetaPayloads.contact(i % 2 == 0 ? "27820000035" : null, BSUID, null, "Nomsa", "@nomsa"),
                        MetaPayloads.textFrom(
                                i % 2 == 0 ? "27820000035" : null, BSUID, "wamid.race." + i, now + i, "Part " + i));
                posts.add(() -> world.deliver(
                        MetaPayloads.envelope(CloudApiWorld.MAIN_PHONE_NUMBER_ID, CloudApiWorld.MAIN_DISPLAY, value)));
            }
            for (Future<Api.Reply> f : pool.invokeAll(posts)) {
                assertThat(f.get().status()).as(f.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(world.count(
                        "select count(*) from candidates where whatsapp_id = '+27820000035' or whatsapp_user_id = ?",
                        BSUID))
                .isEqualTo(1);
        JsonNode person = personWithUserId(BSUID);
        assertThat(person.path("whatsapp_id").asText()).isEqualTo("+27820000035");
        assertThat(world.count(
                        "select count(*) from conversations where candidate_id = ?::uuid",
                        person.path("id").asText()))
                .isEqualTo(1);
        assertThat(world.count("select count(*) from messages where provider_message_id like 'wamid.race.%'"))
                .isEqualTo(12);
        assertThat(world.row(
                                "select unread_count from conversations where candidate_id = ?::uuid",
                                person.path("id").asText())
                        .path("unread_count")
                        .asInt())
                .isEqualTo(12);
    }
}
