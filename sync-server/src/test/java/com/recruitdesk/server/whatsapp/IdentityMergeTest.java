package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * When Meta pairs a user id and a number that two different people hold (decision 0015): one WhatsApp
 * user recorded twice is merged into the older record; a number whose holder has another user id
 * has moved to another WhatsApp user.
 */
@Tag("database")
class IdentityMergeTest {
    static final String BSUID = "ZA.20000000000000000041";
    static final String PHONE = "27820000041";
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

    void deliverTo(String phoneNumberId, String display, String value) {
        Api.Reply reply = world.deliver(MetaPayloads.envelope(phoneNumberId, display, value));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    void deliver(String value) {
        deliverTo(CloudApiWorld.MAIN_PHONE_NUMBER_ID, CloudApiWorld.MAIN_DISPLAY, value);
    }

    String idOf(String sql, Object... params) {
        return world.row(sql, params).path("id").asText();
    }

    @Test
    void oneUserRecordedTwiceIsMergedIntoTheOlderRecordWithEveryConversation() throws Exception {
        // Before user ids: a person by number, with an application a recruiter made.
        world.deliverText(PHONE, "Bongani Zulu", "wamid.old.1", now - 600, "Hello, I applied online");
        String older = idOf("select id from candidates where whatsapp_id = '+" + PHONE + "'");
        try (Connection c = SyncFixture.connect(world.server.database)) {
            UUID job = SyncFixture.insert(
                    c,
                    "insert into jobs (organization_id, title) values (?, 'Forklift driver') returning id",
                    world.organization);
            SyncFixture.insert(
                    c,
                    "insert into applications (organization_id, candidate_id, job_id) values (?, ?, ?) returning id",
                    world.organization,
                    UUID.fromString(older),
                    job);
        }
        // Later, with the number hidden behind a username: a second record, on both our numbers.
        deliver(MetaPayloads.value(
                MetaPayloads.contact(null, BSUID, null, "Bongani", "@bongani"),
                MetaPayloads.textFrom(null, BSUID, "wamid.new.1", now - 300, "It's me again")));
        deliverTo(
                CloudApiWorld.SECOND_PHONE_NUMBER_ID,
                CloudApiWorld.SECOND_DISPLAY,
                MetaPayloads.value(
                        MetaPayloads.contact(null, BSUID, null, "Bongani", "@bongani"),
                        MetaPayloads.textFrom(null, BSUID, "wamid.new.2", now - 200, "Hello jobs line")));
        String younger = idOf("select id from candidates where whatsapp_user_id = ?", BSUID);
        assertThat(younger).isNotEqualTo(older);
        var recruiter = new SyncClient(world.server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        recruiter.pullAll();

        // Meta now names both ids in one message.
        deliver(MetaPayloads.value(
                MetaPayloads.contact(PHONE, BSUID, null, "Bongani Zulu", "@bongani"),
                MetaPayloads.textFrom(PHONE, BSUID, "wamid.both.1", now, "Did you get my messages?")));

        JsonNode survivor = world.row("select * from candidates where id = ?::uuid", older);
        assertThat(survivor.path("whatsapp_id").asText()).isEqualTo("+" + PHONE);
        assertThat(survivor.path("whatsapp_user_id").asText()).isEqualTo(BSUID);
        assertThat(survivor.path("whatsapp_username").asText()).isEqualTo("@bongani");
        JsonNode absorbed = world.row("select * from candidates where id = ?::uuid", younger);
        assertThat(absorbed.path("merged_into_id").asText()).isEqualTo(older);
        assertThat(absorbed.path("whatsapp_user_id").isNull()).isTrue();
        // One conversation per number, every message in it, unread counts added up.
        assertThat(world.count("select count(*) from conversations where candidate_id = ?::uuid", younger))
                .isZero();
        JsonNode main = world.row(
                "select * from conversations where candidate_id = ?::uuid and whatsapp_account_id = ?",
                older,
                world.mainAccount);
        assertThat(main.path("unread_count").asInt()).isEqualTo(3);
        assertThat(main.path("last_message_preview").asText()).isEqualTo("Did you get my messages?");
        assertThat(world.count(
                        "select count(*) from messages where conversation_id = ?::uuid and candidate_id = ?::uuid",
                        main.path("id").asText(),
                        older))
                .isEqualTo(3);
        assertThat(world.row(
                                "select * from conversations where candidate_id = ?::uuid and whatsapp_account_id = ?",
                                older,
                                world.secondAccount)
                        .path("last_message_preview")
                        .asText())
                .isEqualTo("Hello jobs line");
        assertThat(world.count("select count(*) from applications where candidate_id = ?::uuid", older))
                .isEqualTo(1);
        JsonNode log = world.row("select * from activity_logs where action_type = 'whatsapp.identity_merged'");
        assertThat(log.path("entity_id").asText()).isEqualTo(older);
        assertThat(log.path("severity").asText()).isEqualTo("warn");
        assertThat(log.path("details").path("absorbedCandidateId").asText()).isEqualTo(younger);

        // Desktops learn of it through the feed: the absorbed person's conversation goes away.
        Map<String, JsonNode> changes = recruiter.pullAll();
        assertThat(changes.values())
                .anySatisfy(c -> assertThat(
                                c.path("entity").asText() + "/" + c.path("op").asText())
                        .isEqualTo("conversation/delete"));
        assertThat(changes.get("candidate/" + younger)
                        .path("data")
                        .path("mergedIntoId")
                        .asText())
                .isEqualTo(older);
    }

    @Test
    void aRedeliveryAfterTheMergeChangesNothing() {
        world.deliverText(PHONE, "Bongani Zulu", "wamid.old.1", now - 600, "Hello");
        deliver(MetaPayloads.value(
                MetaPayloads.contact(null, BSUID, null, "Bongani", "@bongani"),
                MetaPayloads.textFrom(null, BSUID, "wamid.new.1", now - 300, "Me again")));
        String both = MetaPayloads.value(
                MetaPayloads.contact(PHONE, BSUID, null, "Bongani", "@bongani"),
                MetaPayloads.textFrom(PHONE, BSUID, "wamid.both.1", now, "Both ids"));
        deliver(both);
        long feed = world.count("select count(*) from sync_changes");

        deliver(both);

        assertThat(world.count("select count(*) from sync_changes")).isEqualTo(feed);
        assertThat(world.count(
                        "select count(*) from candidates where merged_into_id is null and (whatsapp_id = ? or whatsapp_user_id = ?)",
                        "+" + PHONE,
                        BSUID))
                .isEqualTo(1);
        assertThat(world.count("select count(*) from candidates where merged_into_id is not null"))
                .isEqualTo(1);
        assertThat(
                        world.count(
                                "select count(*) from messages where provider_message_id in ('wamid.old.1', 'wamid.new.1', 'wamid.both.1')"))
                .isEqualTo(3);
    }

    @Test
    void aNumberNowHeldByAnotherWhatsAppUserMovesToThem() {
        String previousOwner = "ZA.20000000000000000042";
        deliver(MetaPayloads.value(
                MetaPayloads.contact(PHONE, previousOwner, null, "Former owner", null),
                MetaPayloads.textFrom(PHONE, previousOwner, "wamid.before.1", now - 600, "Hi")));
        String before = idOf("select id from candidates where whatsapp_user_id = ?", previousOwner);

        deliver(MetaPayloads.value(
                MetaPayloads.contact(PHONE, BSUID, null, "New owner", null),
                MetaPayloads.textFrom(PHONE, BSUID, "wamid.after.1", now, "Hello, new number")));

        JsonNode former = world.row("select * from candidates where id = ?::uuid", before);
        assertThat(former.path("whatsapp_id").isNull()).isTrue();
        assertThat(former.path("whatsapp_user_id").asText()).isEqualTo(previousOwner);
        JsonNode current = world.row("select * from candidates where whatsapp_user_id = ?", BSUID);
        assertThat(current.path("whatsapp_id").asText()).isEqualTo("+" + PHONE);
        assertThat(current.path("merged_into_id").isNull()).isTrue();
        assertThat(world.row("select candidate_id from messages where provider_message_id = 'wamid.after.1'")
                        .path("candidate_id")
                        .asText())
                .isEqualTo(current.path("id").asText());
        assertThat(world.row("select candidate_id from messages where provider_message_id = 'wamid.before.1'")
                        .path("candidate_id")
                        .asText())
                .isEqualTo(before);
        JsonNode log = world.row("select * from activity_logs where action_type = 'whatsapp.number_moved'");
        assertThat(log.path("entity_id").asText()).isEqualTo(before);
        assertThat(log.path("details").path("newHolderId").asText())
                .isEqualTo(current.path("id").asText());
    }

    @Test
    void aNumberMovingToAUserWeAlreadyKnowLeavesItsOldHolderTheirUserId() {
        String previousOwner = "ZA.20000000000000000043";
        deliver(MetaPayloads.value(
                MetaPayloads.contact(PHONE, previousOwner, null, "Former owner", null),
                MetaPayloads.textFrom(PHONE, previousOwner, "wamid.before.1", now - 600, "Hi")));
        deliver(MetaPayloads.value(
                MetaPayloads.contact(null, BSUID, null, "Username user", "@user"),
                MetaPayloads.textFrom(null, BSUID, "wamid.user.1", now - 300, "Hello")));

        deliver(MetaPayloads.value(
                MetaPayloads.contact(PHONE, BSUID, null, "Username user", "@user"),
                MetaPayloads.textFrom(PHONE, BSUID, "wamid.user.2", now, "This is my number now")));

        assertThat(world.row("select whatsapp_id from candidates where whatsapp_user_id = ?", BSUID)
                        .path("whatsapp_id")
                        .asText())
                .isEqualTo("+" + PHONE);
        assertThat(world.row(
                                "select whatsapp_id, merged_into_id from candidates where whatsapp_user_id = ?",
                                previousOwner)
                        .path("whatsapp_id")
                        .isNull())
                .isTrue();
        assertThat(world.count("select count(*) from candidates where merged_into_id is not null"))
                .isZero();
    }
}
