package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two server instances on one database never send a message twice; each number is paced. */
@Tag("database")
class SenderConcurrencyTest {
    static final ObjectMapper MAPPER = Json.newMapper();
    CloudApiWorld world;
    final List<String> sentIds = new CopyOnWriteArrayList<>();
    final List<Long> arrivals = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        world.close();
    }

    /** Meta accepting every send with a fresh wamid, recording which message each request carried. */
    void acceptEverything() {
        world.graph.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                try {
                    sentIds.add(MAPPER.readTree(request.getBody().utf8())
                            .path("biz_opaque_callback_data")
                            .asText());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return OutboundSenderTest.accepted("wamid." + UUID.randomUUID());
            }
        });
    }

    List<UUID> queue(int n) {
        long now = Instant.now().getEpochSecond();
        world.deliverText("27820000061", "Nomsa", "wamid.in.61", now - 60, "Hi");
        UUID conversation = UUID.fromString(
                world.row("select id from conversations where whatsapp_account_id = ?", world.mainAccount)
                        .path("id")
                        .asText());
        var recruiter = new SyncClient(world.server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        List<UUID> ids = new ArrayList<>();
        List<Mutation> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            batch.add(SyncClient.mutation(
                    ConversationMutations.SEND_MESSAGE,
                    SyncClient.args()
                            .put("conversationId", conversation.toString())
                            .put("messageId", id.toString())
                            .put("text", "Message " + i)));
        }
        var reply = recruiter.push(batch);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("results").findValuesAsText("status"))
                .as(reply.body())
                .containsOnly("applied");
        return ids;
    }

    @Test
    void twoInstancesClaimingTheSameQueueSendEachMessageOnce() throws Exception {
        world = CloudApiWorld.start();
        acceptEverything();
        try (SyncServer second = world.startSecondInstance(0)) {
            List<UUID> ids = queue(40);

            Eventually.await(
                    Duration.ofSeconds(30),
                    "every message sent",
                    () -> world.count(
                                    "select count(*) from messages where whatsapp_account_id = ? and direction = 'outbound' and status = 'sent'",
                                    world.mainAccount)
                            == 40);
            assertThat(second.port()).isPositive();
            assertThat(sentIds).hasSize(40);
            Set<String> distinct = ConcurrentHashMap.newKeySet();
            distinct.addAll(sentIds);
            assertThat(distinct)
                    .containsExactlyInAnyOrderElementsOf(
                            ids.stream().map(UUID::toString).toList());
        }
    }

    @Test
    void sendsToOneNumberAreSpacedByTheConfiguredRate() {
        world = CloudApiWorld.start(Map.of("RD_WHATSAPP_SEND_RATE", "5"));
        acceptEverything();

        queue(6);

        Eventually.await(Duration.ofSeconds(20), "six sends", () -> arrivals.size() == 6);
        long spanMillis =
                Duration.ofNanos(arrivals.getLast() - arrivals.getFirst()).toMillis();
        // five gaps of 200 ms at 5 a second
        assertThat(spanMillis).isGreaterThanOrEqualTo(950);
    }
}
