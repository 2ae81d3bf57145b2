package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.Features;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Group commit (decision 0033): pushes that arrive together share one transaction, a savepoint per
 * mutation keeps a failure to itself, and one client's mutations keep their order across batches.
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitTest {
    /** conversation.markRead with a bug: it writes, then a statement fails, leaving the transaction aborted. */
    static final class WritesThenFails implements Mutator<ConversationMutations.MarkRead> {
        @Override
        public MutationType<ConversationMutations.MarkRead> type() {
            return ConversationMutations.MARK_READ;
        }

        @Override
        public Access<ConversationMutations.MarkRead> access() {
            return Access.staff();
        }

        @Override
        public void apply(MutationContext ctx, ConversationMutations.MarkRead args) throws SQLException {
            try (PreparedStatement ps =
                    ctx.connection().prepareStatement("update conversations set unread_count = 99 where id = ?")) {
                ps.setObject(1, args.conversationId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = ctx.connection().prepareStatement("select 1 / 0")) {
                ps.executeQuery();
            }
        }
    }

    TestServer server;
    SyncFixture world;

    @BeforeAll
    void start() {
        List<List<Mutator<?>>> features = new ArrayList<>();
        for (List<Mutator<?>> feature : Features.byFeature()) {
            features.add(feature.stream()
                    .map(m -> m.type().equals(ConversationMutations.MARK_READ) ? new WritesThenFails() : m)
                    .toList());
        }
        server = TestServer.withoutDemo(Mutators.of(features));
        world = SyncFixture.create(server.database);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private SyncClient recruiter() {
        return new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    private Mutation send(UUID id, String text, UUID replyTo) {
        return SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), id, text, replyTo));
    }

    private static Mutation noteOn(UUID application) {
        return SyncClient.mutation(
                PipelineMutations.ADD_NOTE,
                new PipelineMutations.AddNote(application, UUID.randomUUID(), "Call back", "general", false));
    }

    /** The top transaction that wrote the message (its feed entry's; a row's xmin would be its savepoint's). */
    private String transactionOf(UUID messageId) {
        try (Connection c = SyncFixture.connect(server.database);
                PreparedStatement ps = c.prepareStatement(
                        "select min(txid)::text from sync_changes where entity = 'message' and row_id = ?")) {
            ps.setObject(1, messageId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An application of its own for a lock to hold: the other person's, to a new job. */
    private UUID newApplication() throws SQLException {
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID job = SyncFixture.insert(
                    c,
                    "insert into jobs (organization_id, title) values (?, 'Forklift driver') returning id",
                    world.organization());
            return SyncFixture.insert(
                    c,
                    "insert into applications (organization_id, candidate_id, job_id) values (?, ?, ?) returning id",
                    world.organization(),
                    world.otherCandidate(),
                    job);
        }
    }

    private static CompletableFuture<Api.Reply> pushLater(SyncClient client, Mutation... mutations) {
        return CompletableFuture.supplyAsync(
                () -> client.push(mutations), task -> Thread.ofVirtual().start(task));
    }

    private long waitingOnLocks() {
        return SyncFixture.count(
                server.database,
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
    }

    @Test
    void concurrentPushesShareOneTransactionAndAFailingMemberRejectsOnlyItself() throws Exception {
        SyncClient first = recruiter();
        SyncClient second = recruiter();
        List<CompletableFuture<Api.Reply>> blockers = new ArrayList<>();
        UUID a = UUID.randomUUID();
        UUID b1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();
        Mutation sendA = send(a, "Monday at nine", null);
        Mutation brokenA = SyncClient.mutation(
                ConversationMutations.MARK_READ, new ConversationMutations.MarkRead(world.conversation(), true));
        CompletableFuture<Api.Reply> pushA;
        CompletableFuture<Api.Reply> pushB;
        List<Connection> lockers = new ArrayList<>();
        try {
            // Each committer blocks on a note of an application held here; the two pushes queue meanwhile,
            // and the first committer let go takes both into one batch.
            for (int i = 1; i <= PushService.COMMITTERS; i++) {
                UUID application = newApplication();
                Connection locker = SyncFixture.connect(server.database);
                locker.setAutoCommit(false);
                SyncFixture.insert(locker, "select id from applications where id = ? for update", application);
                lockers.add(locker);
                blockers.add(pushLater(recruiter(), noteOn(application)));
                int blocked = i;
                Eventually.await(Duration.ofSeconds(20), i + " committers blocked", () -> waitingOnLocks() == blocked);
            }
            pushA = pushLater(first, sendA, brokenA);
            pushB = pushLater(second, send(b1, "Bring your ID", null), send(b2, "And a pen", b1));
            Eventually.await(Duration.ofSeconds(20), "both pushes queued", () -> server.server.pushesWaiting() == 2);
            lockers.getFirst().rollback();
            Eventually.await(Duration.ofSeconds(20), "both pushes taken", () -> server.server.pushesWaiting() == 0);
        } finally {
            for (Connection locker : lockers) {
                locker.rollback();
                locker.close();
            }
        }
        for (CompletableFuture<Api.Reply> blocker : blockers) {
            assertThat(blocker.get()
                            .json()
                            .path("results")
                            .get(0)
                            .path("status")
                            .asText())
                    .isEqualTo("applied");
        }
        JsonNode resultsA = pushA.get().json().path("results");
        JsonNode resultsB = pushB.get().json().path("results");

        assertThat(resultsA.get(0).path("status").asText()).isEqualTo("applied");
        assertThat(resultsA.get(1).path("status").asText()).isEqualTo("rejected");
        assertThat(resultsA.get(1).path("code").asText()).isEqualTo("internal");
        assertThat(resultsB.findValuesAsText("status")).containsExactly("applied", "applied");
        // One transaction for both pushes, and the failed member's write went with its savepoint only.
        assertThat(transactionOf(a)).isNotNull().isEqualTo(transactionOf(b1)).isEqualTo(transactionOf(b2));
        assertThat(SyncFixture.count(
                        server.database, "select unread_count from conversations where id = ?", world.conversation()))
                .isNotEqualTo(99);
        // Both answers were committed with the batch: a retry gets them and applies nothing again.
        JsonNode retried = first.push(sendA, brokenA).json().path("results");
        assertThat(retried.findValuesAsText("status")).containsExactly("applied", "rejected");
        assertThat(retried.get(1).path("code").asText()).isEqualTo("internal");
        assertThat(SyncFixture.count(server.database, "select count(*) from messages where id = ?", a))
                .isEqualTo(1);
    }

    @Test
    void oneClientsMutationsKeepTheirOrderWithinAndAcrossBatches() {
        SyncClient client = recruiter();
        UUID first = UUID.randomUUID();
        UUID reply = UUID.randomUUID();
        UUID replyToReply = UUID.randomUUID();

        // A reply must find the message it quotes: applied out of order, it would be rejected.
        JsonNode one = client.push(send(first, "Are you free on Monday?", null), send(reply, "Or Tuesday?", first))
                .json()
                .path("results");
        JsonNode two =
                client.push(send(replyToReply, "Either is fine", reply)).json().path("results");

        assertThat(one.findValuesAsText("status")).containsExactly("applied", "applied");
        assertThat(two.findValuesAsText("status")).containsExactly("applied");
        assertThat(transactionOf(first)).isEqualTo(transactionOf(reply));
        assertThat(Long.parseLong(transactionOf(replyToReply))).isGreaterThan(Long.parseLong(transactionOf(reply)));
        assertThat(SyncFixture.count(
                        server.database,
                        "select count(*) from sync_changes a join sync_changes b on a.entity = 'message' and b.entity = 'message'"
                                + " where a.row_id = ? and b.row_id = ? and (a.txid, a.id) < (b.txid, b.id)",
                        reply,
                        replyToReply))
                .isEqualTo(1);
    }

    @Test
    void aFullPushIsOneTransaction() {
        List<Mutation> batch = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < com.recruitdesk.protocol.sync.PushRequest.MAX_MUTATIONS; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            batch.add(send(id, "message " + i, null));
        }
        JsonNode results = recruiter().push(batch).json().path("results");

        assertThat(results.findValuesAsText("status")).hasSize(batch.size()).containsOnly("applied");
        assertThat(SyncFixture.count(
                        server.database,
                        "select count(distinct first) from (select min(txid) as first from sync_changes"
                                + " where entity = 'message' and row_id = any(?::uuid[]) group by row_id) f",
                        (Object) ids.stream().map(UUID::toString).toArray(String[]::new)))
                .isEqualTo(1);
    }
}
