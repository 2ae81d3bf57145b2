package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
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
 * What a batch writes at its end (decision 0043): the answers, the activity log and a conversation's
 * last-message bump are written once, and still only for the mutations that were applied; access
 * rows read in the savepoint's round trip refuse exactly as before; a mutation pushed twice at once
 * in two batches is applied once.
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchWritesTest {
    TestServer server;
    SyncFixture world;
    UUID recruiter;

    @BeforeAll
    void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        recruiter = SyncFixture.insertReturning(
                server.database, "select id from users where email = ?", TestServer.RECRUITER);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private SyncClient client() {
        return new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    private UUID actionItem(UUID owner) {
        return SyncFixture.insertReturning(
                server.database,
                "insert into action_queue (organization_id, user_id, action_type, title) values (?, ?, 'chat_followup',"
                        + " 'Write back') returning id",
                world.organization(),
                owner);
    }

    private static Mutation dismiss(UUID item) {
        return SyncClient.mutation(
                PipelineMutations.DISMISS_ACTION_ITEM, new PipelineMutations.DismissActionItem(item));
    }

    private Mutation send(UUID id, String text, UUID replyTo) {
        return SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), id, text, replyTo));
    }

    private long logged(UUID item) {
        return SyncFixture.count(
                server.database,
                "select count(*) from activity_logs where action_type = ? and entity_id = ?",
                PipelineMutations.DISMISS_ACTION_ITEM.name(),
                item);
    }

    @Test
    void theThirdOfFiveRefusedByItsAccessRuleLeavesTheOtherFourAndTheirLogLines() {
        List<UUID> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(actionItem(i == 2 ? world.interviewer() : recruiter)); // the third is someone else's
        }
        List<Mutation> push = items.stream().map(BatchWritesTest::dismiss).toList();

        JsonNode results = client().push(push).json().path("results");
        JsonNode again = client().push(push).json().path("results");

        assertThat(results.findValuesAsText("status"))
                .containsExactly("applied", "applied", "rejected", "applied", "applied");
        assertThat(results.get(2).path("code").asText()).isEqualTo("not_found");
        assertThat(again).isEqualTo(results);
        for (int i = 0; i < 5; i++) {
            assertThat(logged(items.get(i))).as("log lines of item " + i).isEqualTo(i == 2 ? 0 : 1);
            assertThat(SyncFixture.count(
                            server.database,
                            "select count(*) from action_queue where id = ? and is_dismissed",
                            items.get(i)))
                    .isEqualTo(i == 2 ? 0 : 1);
        }
    }

    @Test
    void repliesBumpTheirConversationOnceAtTheEndAndAnotherMutationInBetweenSeesTheBump() {
        UUID missing = UUID.randomUUID();
        long version = SyncFixture.count(
                server.database, "select version from conversations where id = ?", world.conversation());
        long feedBefore = SyncFixture.count(
                server.database,
                "select count(*) from sync_changes where entity = 'conversation' and row_id = ?",
                world.conversation());
        List<Mutation> push = List.of(
                send(UUID.randomUUID(), "First line", null),
                send(UUID.randomUUID(), "Second line", null),
                SyncClient.mutation(
                        ConversationMutations.SET_STATUS,
                        new ConversationMutations.SetStatus(world.conversation(), "needs_attention", version)),
                send(UUID.randomUUID(), "Third line", null),
                send(UUID.randomUUID(), "Fourth line, quoting nothing there", missing));

        JsonNode results = client().push(push).json().path("results");

        assertThat(results.findValuesAsText("status"))
                .containsExactly("applied", "applied", "applied", "applied", "rejected");
        // The status change in between was not overwritten by the bump written after it, and the
        // refused fourth line left no bump: the inbox line is the third's.
        assertThat(text("select status from conversations where id = ?")).isEqualTo("needs_attention");
        assertThat(text("select last_message_preview from conversations where id = ?"))
                .isEqualTo("Third line");
        // Two bumps (before the status change, at the end) and the status change: not one per reply.
        assertThat(SyncFixture.count(
                                server.database,
                                "select count(*) from sync_changes where entity = 'conversation' and row_id = ?",
                                world.conversation())
                        - feedBefore)
                .isEqualTo(3);
    }

    @Test
    void aMutationPushedTwiceAtOnceInTwoBatchesIsAppliedOnceAndBothPushesGetItsAnswer() throws Exception {
        UUID message = UUID.randomUUID();
        Mutation reply = send(message, "Pushed twice at once", null);
        UUID application = newApplication();
        CompletableFuture<Api.Reply> held;
        try (Connection locker = SyncFixture.connect(server.database)) {
            // The first push waits on this lock with its note, its batch open; the second, in a batch
            // of its own on the other committer, applies and commits the same reply meanwhile.
            locker.setAutoCommit(false);
            SyncFixture.insert(locker, "select id from applications where id = ? for update", application);
            held = CompletableFuture.supplyAsync(
                    () -> client().push(note(application), reply),
                    task -> Thread.ofVirtual().start(task));
            Eventually.await(Duration.ofSeconds(20), "the first push waiting on the lock", () -> waitingOnLocks() == 1);
            JsonNode second = client().push(reply).json().path("results");
            assertThat(second.findValuesAsText("status")).containsExactly("applied");
            locker.rollback();
        }
        JsonNode first = held.get().json().path("results");

        assertThat(first.findValuesAsText("status")).containsExactly("applied", "applied");
        assertThat(SyncFixture.count(server.database, "select count(*) from messages where id = ?", message))
                .isEqualTo(1);
        assertThat(SyncFixture.count(
                        server.database,
                        "select count(*) from application_notes where application_id = ?",
                        application))
                .isEqualTo(1);
    }

    @Test
    void anEditBySomeoneElseEarlierInTheSameBatchIsAConflictAndItsLogLineIsWrittenOnce() throws Exception {
        UUID application = newApplication();
        long base = SyncFixture.count(server.database, "select version from applications where id = ?", application);
        SyncClient colleague = new SyncClient(server.api, "recruiter2@demo.test", TestServer.PASSWORD);
        CompletableFuture<Api.Reply> theirs;
        CompletableFuture<Api.Reply> mine;
        List<Connection> lockers = new ArrayList<>();
        try {
            // Both committers wait on a note each; the two edits queue meanwhile, and the first
            // committer let go takes both into one batch.
            List<CompletableFuture<Api.Reply>> blockers = new ArrayList<>();
            for (int i = 1; i <= PushService.COMMITTERS; i++) {
                UUID held = newApplication();
                Connection locker = SyncFixture.connect(server.database);
                locker.setAutoCommit(false);
                SyncFixture.insert(locker, "select id from applications where id = ? for update", held);
                lockers.add(locker);
                blockers.add(CompletableFuture.supplyAsync(
                        () -> client().push(note(held)),
                        task -> Thread.ofVirtual().start(task)));
                int blocked = i;
                Eventually.await(Duration.ofSeconds(20), i + " committers blocked", () -> waitingOnLocks() == blocked);
            }
            theirs = CompletableFuture.supplyAsync(
                    () -> colleague.push(edit(application, base, "offered")),
                    task -> Thread.ofVirtual().start(task));
            Eventually.await(Duration.ofSeconds(20), "their edit queued", () -> server.server.pushesWaiting() == 1);
            mine = CompletableFuture.supplyAsync(
                    () -> client().push(edit(application, base, "no_show")),
                    task -> Thread.ofVirtual().start(task));
            Eventually.await(Duration.ofSeconds(20), "both edits queued", () -> server.server.pushesWaiting() == 2);
            lockers.getFirst().rollback();
            Eventually.await(Duration.ofSeconds(20), "both edits taken", () -> server.server.pushesWaiting() == 0);
            for (CompletableFuture<Api.Reply> blocker : blockers.subList(0, 1)) {
                assertThat(blocker.get()
                                .json()
                                .path("results")
                                .get(0)
                                .path("status")
                                .asText())
                        .isEqualTo("applied");
            }
        } finally {
            for (Connection locker : lockers) {
                locker.rollback();
                locker.close();
            }
        }

        assertThat(theirs.get().json().path("results").get(0).path("status").asText())
                .isEqualTo("applied");
        JsonNode refused = mine.get().json().path("results").get(0);
        assertThat(refused.path("code").asText()).isEqualTo("conflict");
        assertThat(refused.path("current").path("followUpStatus").asText()).isEqualTo("offered");
        // Their line was written for my conflict check, held again when my edit rolled back, and
        // written with the batch: once.
        assertThat(SyncFixture.count(
                        server.database,
                        "select count(*) from activity_logs where entity_id = ? and action_type = ?",
                        application,
                        PipelineMutations.UPDATE_APPLICATION.name()))
                .isEqualTo(1);
    }

    private static Mutation edit(UUID application, long base, String followUpStatus) {
        return SyncClient.mutation(
                PipelineMutations.UPDATE_APPLICATION,
                new PipelineMutations.UpdateApplication(
                        application, base, SyncClient.args().put("followUpStatus", followUpStatus)));
    }

    private static Mutation note(UUID application) {
        return SyncClient.mutation(
                PipelineMutations.ADD_NOTE,
                new PipelineMutations.AddNote(application, UUID.randomUUID(), "Call back", "general", false));
    }

    private UUID newApplication() {
        UUID job = SyncFixture.insertReturning(
                server.database,
                "insert into jobs (organization_id, title) values (?, 'Night shift') returning id",
                world.organization());
        return SyncFixture.insertReturning(
                server.database,
                "insert into applications (organization_id, candidate_id, job_id) values (?, ?, ?) returning id",
                world.organization(),
                world.otherCandidate(),
                job);
    }

    private long waitingOnLocks() {
        return SyncFixture.count(
                server.database,
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
    }

    private String text(String sql) {
        try (Connection c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement(sql)) {
            ps.setObject(1, world.conversation());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
