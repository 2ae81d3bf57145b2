package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Meta slow to answer (10 s a send): a batch leased together takes longer than its lease, and a
 * second instance takes up the messages whose lease ran out. Each message is leased again just
 * before it is sent, so none is posted twice. Three messages are queued in one transaction, so one
 * instance claims them all; the lease is 18 s here (2 minutes by default): the third send starts
 * after 20 s, past it, the same proportions as a batch of 20 in a test of half a minute.
 */
@Tag("database")
class SendLeaseTest {
    static final ObjectMapper MAPPER = Json.newMapper();
    static final Map<String, String> SLOW_META = Map.of(
            "RD_WHATSAPP_SEND_LEASE_SECONDS", "18",
            "RD_WHATSAPP_TIMEOUT_MS", "15000");

    @Test
    void everyMessageIsPostedOnceThoughTheBatchOutlastsItsLease() throws Exception {
        List<String> posted = new CopyOnWriteArrayList<>();
        try (CloudApiWorld world = CloudApiWorld.start(SLOW_META)) {
            // Both instances must see leases run out at the same time: the second runs on the system clock.
            world.server.clock.followRealTime();
            world.graph.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    try {
                        posted.add(MAPPER.readTree(request.getBody().utf8())
                                .path("biz_opaque_callback_data")
                                .asText());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return OutboundSenderTest.accepted("wamid." + UUID.randomUUID())
                            .newBuilder()
                            .headersDelay(10, TimeUnit.SECONDS)
                            .build();
                }
            });
            try (SyncServer second = world.startSecondInstance(0, SLOW_META)) {
                List<UUID> ids = queue(world, 3);

                Eventually.await(
                        Duration.ofSeconds(90),
                        "every message sent",
                        () -> world.count(
                                        "select count(*) from messages where whatsapp_account_id = ? and direction = 'outbound' and status = 'sent'",
                                        world.mainAccount)
                                == ids.size());

                assertThat(second.port()).isPositive();
                assertThat(posted)
                        .containsExactlyInAnyOrderElementsOf(
                                ids.stream().map(UUID::toString).toList());
            }
        }
    }

    /** {@code n} replies queued in one transaction (a writer that queues several at once, as a broadcast would). */
    private static List<UUID> queue(CloudApiWorld world, int n) throws java.sql.SQLException {
        world.deliverText("27820000071", "Lerato", "wamid.in.71", Instant.now().getEpochSecond() - 60, "Hi");
        var conversation = world.row(
                "select id, candidate_id, organization_id from conversations where whatsapp_account_id = ?",
                world.mainAccount);
        UUID sender = UUID.fromString(world.row("select id from users where email = ?", TestServer.RECRUITER)
                .path("id")
                .asText());
        List<UUID> ids = new ArrayList<>();
        try (var c = SyncFixture.connect(world.server.database)) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                ids.add(SyncFixture.insert(
                        c,
                        """
                        insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id,
                                              direction, type, sender_type, sender_user_id, body, status)
                        values (?, ?, ?, ?, 'outbound', 'text', 'user', ?, ?, 'queued') returning id""",
                        UUID.fromString(conversation.path("organization_id").asText()),
                        UUID.fromString(conversation.path("id").asText()),
                        world.mainAccount,
                        UUID.fromString(conversation.path("candidate_id").asText()),
                        sender,
                        "Message " + i));
            }
            c.commit();
        }
        return ids;
    }
}
