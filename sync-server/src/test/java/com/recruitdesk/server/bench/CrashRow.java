package com.recruitdesk.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.ServerProcess;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's kill -9 row: a server in a JVM of its own is killed (SIGKILL) while it applies one
 * push's batch, restarted on the same data, and the same push retried; the mutations applied twice
 * and lost are counted from the rows themselves (each message's text is unique).
 */
final class CrashRow {
    private CrashRow() {}

    static void run(ConnectionSettings db, Path dir, SyncFixture world, int size) throws Exception {
        List<Mutation> batch = PushBenchmark.messages(world, size, "crash");
        Map<String, String> vars =
                new java.util.HashMap<>(PushBenchmark.serverEnv(db, dir.resolve("child"), Integer.toString(port())));
        vars.remove("RD_DEMO"); // the demo's people are there already
        int port = Integer.parseInt(vars.get("RD_HTTP_PORT"));
        long killedAfter;
        try (ServerProcess doomed = ServerProcess.start(vars)) {
            doomed.awaitReadyLine(Duration.ofSeconds(90));
            SyncClient client = new SyncClient(new Api(port), "recruiter@demo.test", "demo-password");
            CompletableFuture<Boolean> push = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return client.push(batch).status() == 200;
                        } catch (RuntimeException connectionDiedWithTheServer) {
                            return false;
                        }
                    },
                    task -> Thread.ofVirtual().start(task));
            // The batch's transaction has written for a while (it holds an xid) when the server dies.
            Eventually.await(
                    Duration.ofSeconds(60),
                    "the push's batch to be under way",
                    () -> SyncFixture.count(
                                    db,
                                    "select count(*) from pg_stat_activity where backend_xid is not null"
                                            + " and now() - xact_start > interval '150 milliseconds'"
                                            + " and datname = current_database() and pid <> pg_backend_pid()")
                            > 0);
            killedAfter = SyncFixture.count(
                    db,
                    "select coalesce(max(extract(epoch from now() - xact_start) * 1000), 0)::bigint from pg_stat_activity"
                            + " where backend_xid is not null and datname = current_database()");
            doomed.kill();
            if (push.get()) {
                System.out.println("kill -9 mid-batch: the push was answered before the kill; row not measured");
                return;
            }
        }
        long beforeRetry = count(db, "count(*)");
        try (ServerProcess restarted = ServerProcess.start(vars)) {
            restarted.awaitReadyLine(Duration.ofSeconds(90));
            SyncClient client = new SyncClient(new Api(port), "recruiter@demo.test", "demo-password");
            JsonNode results = client.push(batch).json().path("results");
            long applied = 0;
            for (JsonNode r : results) {
                applied += "applied".equals(r.path("status").asText()) ? 1 : 0;
            }
            long rows = count(db, "count(*)");
            long distinct = count(db, "count(distinct body)");
            System.out.printf(
                    "kill -9 mid-batch: %d sendMessage in one push, server killed %d ms into its batch's transaction"
                            + " (%d of them committed before: a batch commits whole or not at all); retried on the restarted"
                            + " server: %d answered applied, applied twice: %d, lost: %d%n",
                    size, killedAfter, beforeRetry, applied, rows - distinct, size - distinct);
            restarted.close();
        }
    }

    private static long count(ConnectionSettings db, String what) {
        return SyncFixture.count(
                db,
                "select " + what
                        + " from messages where sender_type = 'user' and body like 'Benchmark crash message %'");
    }

    private static int port() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
