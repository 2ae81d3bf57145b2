package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.PushRequest;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with -9 in the middle of a push: each mutation applied once or not at all; a retry
 * completes it. Messages are counted by their sender: the fixture's interview is tomorrow, so the
 * server's reminder task may write its own (bot) line to the same conversation.
 */
@Tag("database")
class CrashRecoveryTest {
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
            for (int i = 0; i < PushRequest.MAX_MUTATIONS; i++) {
                batch.add(SyncClient.mutation(
                        ConversationMutations.SEND_MESSAGE,
                        SyncClient.args()
                                .put("conversationId", world.conversation().toString())
                                .put("messageId", UUID.randomUUID().toString())
                                .put("text", "message " + i)));
            }
            CompletableFuture<?> push = CompletableFuture.runAsync(
                    () -> {
                        try {
                            client.push(batch);
                        } catch (RuntimeException expected) {
                            // the connection dies with the server
                        }
                    },
                    task -> Thread.ofVirtual().start(task));
            Eventually.await(
                    Duration.ofSeconds(60),
                    "part of the batch to be applied",
                    () -> SyncFixture.count(db, "select count(*) from applied_mutations") >= 20);
            doomed.kill();
            push.get();
        }
        long appliedBeforeRetry = SyncFixture.count(db, "select count(*) from applied_mutations");
        assertThat(appliedBeforeRetry).isBetween(20L, (long) PushRequest.MAX_MUTATIONS - 1);
        assertThat(SyncFixture.count(
                        db,
                        "select count(*) from messages where direction = 'outbound' and sender_type = 'user' and conversation_id = ?",
                        world.conversation()))
                .isEqualTo(appliedBeforeRetry);

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

            assertThat(results).hasSize(batch.size());
            results.forEach(r -> assertThat(r.path("status").asText()).isEqualTo("applied"));
            assertThat(SyncFixture.count(
                            db,
                            "select count(*) from messages where direction = 'outbound' and sender_type = 'user' and conversation_id = ?",
                            world.conversation()))
                    .isEqualTo(batch.size());
            assertThat(SyncFixture.count(
                            db,
                            "select count(distinct body) from messages where direction = 'outbound' and sender_type = 'user' and conversation_id = ?",
                            world.conversation()))
                    .isEqualTo(batch.size());
            assertThat(SyncFixture.count(db, "select count(*) from applied_mutations"))
                    .isEqualTo(batch.size());
            assertThat(new Api(restarted.port()).get(Paths.HEALTH_READY).status())
                    .isEqualTo(200);
        } finally {
            restarted.stop();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
