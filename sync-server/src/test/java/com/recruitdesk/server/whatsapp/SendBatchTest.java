package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.server.platform.config.ServerConfig;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The send queue leases a batch in one transaction and marks it in one (decision 0050). Two senders
 * leasing at once share the queue, each message to one of them; one whose lease ran out keeps none
 * of it; and a sender that dies mid-batch leaves its lease to run out: what it sent is linked by
 * Meta's statuses, what it did not is sent by the other, each message posted to Meta once.
 *
 * <p>The messages are queued as leased until an hour from the server's clock, so the server's own
 * sender leaves them to the senders this test drives until the test moves that clock.
 */
@Tag("database")
class SendBatchTest {
    static final ObjectMapper MAPPER = Json.newMapper();
    static final String WA_ID = "27820000081";
    static final Duration LEASE = ServerConfig.WhatsAppSettings.DEFAULT_SEND_LEASE;

    CloudApiWorld world;
    Database database;
    Instant later;
    final List<String> posted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        world = CloudApiWorld.start();
        world.graph.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    String ours = MAPPER.readTree(request.getBody().utf8())
                            .path("biz_opaque_callback_data")
                            .asText();
                    posted.add(ours);
                    return OutboundSenderTest.accepted("wamid.out." + ours);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        database = Database.open(world.server.database);
        later = world.server.clock.instant().plus(Duration.ofHours(1)).plusSeconds(1);
    }

    @AfterEach
    void stop() {
        database.close();
        world.close();
    }

    private SendQueue queue() {
        return new SendQueue(database, MAPPER, new Statuses(MAPPER), LEASE);
    }

    /** {@code n} replies queued in one transaction, leased by no sender until an hour from the server's clock. */
    private List<UUID> queueLeasedAway(int n) throws SQLException {
        world.deliverText(WA_ID, "Ayanda", "wamid.in.81", Instant.now().getEpochSecond() - 60, "Hi");
        var conversation = world.row(
                "select id, candidate_id, organization_id from conversations where whatsapp_account_id = ?",
                world.mainAccount);
        UUID sender = UUID.fromString(world.row("select id from users where email = ?", TestServer.RECRUITER)
                .path("id")
                .asText());
        List<UUID> ids = new ArrayList<>();
        try (Connection c = SyncFixture.connect(world.server.database)) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                UUID id = SyncFixture.insert(
                        c,
                        """
                        insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id,
                                              direction, type, sender_type, sender_user_id, body, status, created_at)
                        values (?, ?, ?, ?, 'outbound', 'text', 'user', ?, ?, 'queued', now() + ? * interval '1 ms')
                        returning id""",
                        UUID.fromString(conversation.path("organization_id").asText()),
                        UUID.fromString(conversation.path("id").asText()),
                        world.mainAccount,
                        UUID.fromString(conversation.path("candidate_id").asText()),
                        sender,
                        "Message " + i,
                        i);
                SyncFixture.insert(
                        c,
                        "insert into whatsapp_send_attempts (message_id, attempts, next_attempt_at, in_doubt, lease_holder)"
                                + " values (?, 0, ?, false, ?) returning message_id",
                        id,
                        Timestamp.from(later.minusSeconds(1)),
                        UUID.randomUUID());
                ids.add(id);
            }
            c.commit();
        }
        return ids;
    }

    private long sent(List<UUID> ids) {
        return world.count(
                "select count(*) from messages where id = any(?::uuid[]) and status = 'sent' and provider_message_id is not null",
                array(ids));
    }

    /** {@code ids} as a PostgreSQL array literal. */
    private static String array(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    private static Set<UUID> ids(List<OutboundMessage> batch) {
        Set<UUID> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.id()));
        return ids;
    }

    @Test
    void twoSendersLeasingAtOnceTakeEachMessageOnceAndMarkTheirBatchesTogether() throws Exception {
        List<UUID> ids = queueLeasedAway(30);
        SendQueue one = queue();
        SendQueue other = queue();

        CompletableFuture<List<OutboundMessage>> first = CompletableFuture.supplyAsync(() -> claim(one, 20));
        CompletableFuture<List<OutboundMessage>> second = CompletableFuture.supplyAsync(() -> claim(other, 20));
        List<OutboundMessage> a = first.get();
        List<OutboundMessage> b = second.get();

        Set<UUID> both = ids(a);
        both.retainAll(ids(b));
        assertThat(both).as("no message leased by both").isEmpty();
        assertThat(a.size() + b.size()).isEqualTo(30);
        for (var pair : List.of(java.util.Map.entry(one, a), java.util.Map.entry(other, b))) {
            SendQueue.Marks marks = pair.getKey().marks();
            pair.getValue().forEach(m -> marks.accepted(m, "wamid.out." + m.id(), later));
            pair.getKey().write(marks);
        }

        assertThat(sent(ids)).isEqualTo(30);
        assertThat(world.count(
                        "select count(*) from whatsapp_send_attempts where message_id = any(?::uuid[])", array(ids)))
                .as("a marked message's lease is gone")
                .isZero();
        Instant afterTheLeases = later.plus(LEASE).plusSeconds(1);
        assertThat(one.claim(afterTheLeases, 20)).as("nothing left to send").isEmpty();
    }

    private List<OutboundMessage> claim(SendQueue queue, int limit) {
        try {
            return queue.claim(later, limit);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSenderWhoseLeaseRanOutKeepsNoneOfItsBatch() throws Exception {
        List<UUID> ids = queueLeasedAway(5);
        SendQueue slow = queue();
        SendQueue other = queue();
        List<OutboundMessage> batch = slow.claim(later, 20);
        assertThat(batch).hasSize(5);

        Instant afterTheLease = later.plus(LEASE).plusSeconds(1);
        List<OutboundMessage> taken = other.claim(afterTheLease, 20);

        assertThat(ids(taken)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(slow.checkpoint(slow.marks(), batch, afterTheLease.plusSeconds(1)))
                .as("the slow sender renews none: the other holds them")
                .isEmpty();
        assertThat(other.checkpoint(other.marks(), taken, afterTheLease.plusSeconds(1)))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aSenderThatDiesMidBatchLeavesTheRestToTheOtherAndNothingIsPostedTwice() throws Exception {
        List<UUID> ids = queueLeasedAway(10);
        SendQueue dying = queue();
        List<OutboundMessage> batch = dying.claim(later, 20);
        assertThat(batch).hasSize(10);
        CloudApiClient meta = new CloudApiClient(
                world.graph.url("/v23.0").toString(),
                CloudApiWorld.ACCESS_TOKEN,
                Duration.ofSeconds(10),
                MAPPER,
                1 << 20);
        for (OutboundMessage m : batch.subList(0, 4)) {
            assertThat(meta.send(m)).isInstanceOf(SendOutcome.Accepted.class);
        }
        // It dies here, having marked nothing. Meta reports the four it took, naming our ids.
        long now = Instant.now().getEpochSecond();
        for (OutboundMessage m : batch.subList(0, 4)) {
            world.deliverStatuses(
                    MetaPayloads.statusWithCallback("wamid.out." + m.id(), "sent", now, WA_ID, m.id().toString()));
        }

        // The server's own sender is the other: once the dead one's lease has run out it sends the rest.
        world.server.clock.advance(
                Duration.between(world.server.clock.instant(), later.plus(LEASE).plusSeconds(1)));

        Eventually.await(Duration.ofSeconds(20), "every message sent", () -> sent(ids) == ids.size());
        assertThat(posted)
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().map(UUID::toString).toList());
        assertThat(world.count(
                        "select count(*) from messages where id = any(?::uuid[]) and provider_message_id = 'wamid.out.' || id::text",
                        array(ids)))
                .isEqualTo(10);
    }
}
