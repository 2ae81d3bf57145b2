package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.support.SyncFixture;
import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Statuses arrive at least once and in any order; they only move forward, and failed is kept. */
@Tag("database")
class DeliveryStatusTest {
    static final String WA_ID = "27820000031";
    CloudApiWorld world;
    final long now = Instant.now().getEpochSecond();

    @BeforeEach
    void start() throws Exception {
        world = CloudApiWorld.start();
        world.deliverText(WA_ID, "Refilwe", "wamid.in.1", now - 600, "Hi");
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** An outbound message the sender has already handed to Meta under {@code wamid}. */
    private UUID sent(String wamid) throws Exception {
        try (Connection c = SyncFixture.connect(world.server.database)) {
            return SyncFixture.insert(c, """
                    insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,
                                          sender_type, sender_user_id, body, provider_message_id, status)
                    select v.organization_id, v.id, v.whatsapp_account_id, v.candidate_id, 'outbound', 'text', 'user', u.id,
                           'Can you come on Monday?', ?, 'sent'
                      from conversations v join candidates c on c.id = v.candidate_id, users u
                     where c.whatsapp_id = ? and u.email = 'recruiter@demo.test'
                    returning id
                    """, wamid, "+" + WA_ID);
        }
    }

    private JsonNode message(UUID id) {
        return world.row("select * from messages where id = ?", id);
    }

    @Test
    void shuffledStatusesEndAtReadWithBothTimes() throws Exception {
        UUID id = sent("wamid.out.1");

        world.deliverStatuses(MetaPayloads.status("wamid.out.1", "read", now + 30, WA_ID));
        world.deliverStatuses(
                MetaPayloads.status("wamid.out.1", "sent", now + 10, WA_ID),
                MetaPayloads.status("wamid.out.1", "delivered", now + 20, WA_ID));

        JsonNode m = message(id);
        assertThat(m.path("status").asText()).isEqualTo("read");
        assertThat(m.path("read_at").isNull()).isFalse();
        assertThat(m.path("delivered_at").isNull()).isFalse();
    }

    @Test
    void aRepeatedStatusChangesNothing() throws Exception {
        UUID id = sent("wamid.out.2");
        world.deliverStatuses(MetaPayloads.status("wamid.out.2", "delivered", now + 20, WA_ID));
        long version = message(id).path("version").asLong();

        world.deliverStatuses(MetaPayloads.status("wamid.out.2", "delivered", now + 20, WA_ID));
        world.deliverStatuses(MetaPayloads.status("wamid.out.2", "sent", now + 10, WA_ID));

        assertThat(message(id).path("status").asText()).isEqualTo("delivered");
        assertThat(message(id).path("version").asLong()).isEqualTo(version);
    }

    @Test
    void failedAfterDeliveredKeepsTheErrorAndIsFlagged() throws Exception {
        UUID id = sent("wamid.out.3");
        world.deliverStatuses(MetaPayloads.status("wamid.out.3", "delivered", now + 20, WA_ID));

        world.deliverStatuses(MetaPayloads.failed(
                "wamid.out.3", now + 40, WA_ID, 131026, "Message undeliverable", "Unable to deliver message."));
        world.deliverStatuses(MetaPayloads.status("wamid.out.3", "read", now + 50, WA_ID));

        JsonNode m = message(id);
        assertThat(m.path("status").asText()).isEqualTo("failed");
        assertThat(m.path("error_code").asInt()).isEqualTo(131026);
        assertThat(m.path("error_title").asText()).isEqualTo("Message undeliverable");
        assertThat(m.path("payload").path("failedAfter").asText()).isEqualTo("delivered");
        assertThat(m.path("payload")
                        .path("error")
                        .path("error_data")
                        .path("details")
                        .asText())
                .isEqualTo("Unable to deliver message.");
        assertThat(m.path("read_at").isNull()).isTrue();
    }

    @Test
    void aStatusForAMessageNotYetKnownIsKeptOnce() {
        world.deliverStatuses(MetaPayloads.status("wamid.later.1", "delivered", now, WA_ID));
        world.deliverStatuses(MetaPayloads.status("wamid.later.1", "delivered", now, WA_ID));

        assertThat(world.count(
                        "select count(*) from whatsapp_pending_statuses where provider_message_id = 'wamid.later.1'"))
                .isEqualTo(1);
        assertThat(world.count("select count(*) from messages where provider_message_id = 'wamid.later.1'"))
                .isZero();
    }
}
