package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.ServerProcess;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * A server killed with -9 in the middle of a push's batch: the batch's transaction never commits, so
 * each mutation is applied fully or not at all; a retry applies every one exactly once.
 * Messages are counted by their sender: the fixture's interview is tomorrow, so the server's
 * reminder task may write its own (bot) line to the same conversation.
 */
@Tag("database")
class CrashRecoveryTest {
    /** Large enough to be halfway through when the server dies, small enough to retry in seconds. */
    private static final int BATCH = 100;

    @TempDir
    Path dataDir;

    @Test
    void pushInterruptedByKillMinusNineCompletesOnRetryExactlyOnce() throws Exception {
        ConnectionSettings db = TestPostgres.freshDatabase();
        Map<String, String> env = Map.of(
                "RD_DB_URL",
                db.url(),
                "RD_DB_USER",
                db.user(),
                "RD_HTTP_PORT",
                Integer.toString(freePort()),
                "RD_DATA_DIR",
                dataDir.toString(),
                "RD_DEMO",
                "true");
        List<Mutation> batch;
        SyncFixture world;
        try (ServerProcess doomed = ServerProcess.start(env)) {
            doomed.awaitReadyLine(Duration.ofSeconds(90));
            Api api = new Api(Integer.parseInt(env.get("RD_HTTP_PORT")));
            world = SyncFixture.create(db);
            SyncClient client = new SyncClient(api, "recruiter@demo.test", "demo-password");
            batch = new ArrayList<>();
            for (int i = 0; i < BATCH - 1; i++) {
                batch.add(SyncClient.mutation(
                        ConversationMutations.SEND_MESSAGE,
                        SyncClient.args()
                                .put("conversationId", world.conversation().toString())
                                .put("messageId", UUID.randomUUID().toString())
                                .put("text", "message " + i)));
                if (i == BATCH / 2) {
                    batch.add(note(world));
                }
            }
            try (Connection locker = SyncFixture.connect(db)) {
                // The note halfway through waits for this lock: the batch's transaction has applied half
                // its mutations (uncommitted) when the server dies.
                locker.setAutoCommit(false);
                SyncFixture.insert(locker, "select id from applications where id = ? for update", world.application());
                CompletableFuture<?> push = CompletableFuture.runAsync(
                        () -> {
                            try {
                                client.push(batch);
                            } catch (RuntimeException expected) {
                                // the connection dies with the server
                            }
                        },
                        task -> Thread.ofVirtual().start(task));
                int lockerPid = locker.unwrap(PGConnection.class).getBackendPID();
                // Only the batch is counted: another of the server's transactions (a task writing to the
                // same conversation) may also wait, on the batch's own locks, without making it halfway.
                Eventually.await(
                        Duration.ofSeconds(60),
                        "the batch to be halfway, waiting for the lock",
                        () -> SyncFixture.count(
                                        db,
                                        "select count(*) from pg_stat_activity where backend_xid is not null"
                                                + " and datname = current_database() and ?::int = any(pg_blocking_pids(pid))",
                                        lockerPid)
                                >= 1);
                doomed.kill();
                push.get();
                locker.rollback();
            }
        }
        // The batch's transaction never committed: nothing of it is there, not even half.
        assertThat(SyncFixture.count(db, "select count(*) from applied_mutations"))
                .isZero();
        assertThat(SyncFixture.count(
                        db,
                        "select count(*) from messages where direction = 'outbound' and sender_type = 'user' and conversation_id = ?",
                        world.conversation()))
                .isZero();

        SyncServer restarted = SyncServer.start(ConfigLoader.load(Map.of(
                "RD_DB_URL",
                db.url(),
                "RD_DB_USER",
                db.user(),
                "RD_HTTP_PORT",
                "0",
                "RD_DATA_DIR",
                dataDir.toString())));
        try {
            SyncClient client = new SyncClient(new Api(restarted.port()), "recruiter@demo.test", "demo-password");
            JsonNode results = client.push(batch).json().path("results");
            JsonNode again = client.push(batch).json().path("results");

            assertThat(results).hasSize(batch.size());
            results.forEach(r -> assertThat(r.path("status").asText()).isEqualTo("applied"));
            assertThat(again).isEqualTo(results);
            assertThat(SyncFixture.count(
                            db,
                            "select count(*) from messages where direction = 'outbound' and sender_type = 'user' and conversation_id = ?",
                            world.conversation()))
                    .isEqualTo(batch.size() - 1);
            assertThat(SyncFixture.count(
                            db, "select count(*) from application_notes where application_id = ?", world.application()))
                    .isEqualTo(1);
            assertThat(SyncFixture.count(
                            db,
                            "select count(distinct body) from messages where direction = 'outbound' and sender_type = 'user' and conversation_id = ?",
                            world.conversation()))
                    .isEqualTo(batch.size() - 1);
            assertThat(SyncFixture.count(db, "select count(*) from applied_mutations"))
                    .isEqualTo(batch.size());
            assertThat(new Api(restarted.port()).get(Paths.HEALTH_READY).status())
                    .isEqualTo(200);
        } finally {
            restarted.stop();
        }
    }

    private static Mutation note(SyncFixture world) {
        return SyncClient.mutation(
                PipelineMutations.ADD_NOTE,
                new PipelineMutations.AddNote(world.application(), UUID.randomUUID(), "Call back", "general", false));
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
