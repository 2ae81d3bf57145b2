package com.recruitdesk.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.PushRequest;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.EmbeddedDatabase;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TempDirs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The push alone, on the real server over HTTP and its embedded PostgreSQL (fsync on): 1,000
 * {@code conversation.sendMessage} mutations in pushes of {@link PushRequest#MAX_MUTATIONS}, several
 * rounds, next to the raw INSERT rate (one transaction each) of the same database in the same run,
 * with the statements PostgreSQL ran per mutation (pg_stat_statements); then a server in a JVM of its
 * own killed with -9 in the middle of a push's batch, restarted on the same data, and the same push
 * retried: the mutations applied twice and lost are counted (both must be 0). Run with
 * {@code bench/push [rounds=3] [crash-batch=500]} (0: no kill -9 row).
 */
public final class PushBenchmark {
    private static final int MUTATIONS = 1_000;
    private static final int BASELINE_ROWS = 2_000;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int crashBatch = args.length > 1 ? Integer.parseInt(args[1]) : PushRequest.MAX_MUTATIONS;
        Path dir = TempDirs.create("recruitdesk-push-bench");
        EmbeddedDatabase pg = WebhookBenchmark.withStatementStatistics(EmbeddedDatabase.start(dir), dir);
        try {
            ConnectionSettings db = pg.connectionSettings();
            Map<String, String> env = serverEnv(db, dir, "0");
            SyncFixture world;
            try (SyncServer server = SyncServer.start(ConfigLoader.load(env))) {
                world = SyncFixture.create(db);
                System.out.printf(
                        "RecruitDesk push benchmark — %d cores, PostgreSQL with fsync and synchronous_commit on%n",
                        Runtime.getRuntime().availableProcessors());
                SyncClient client = new SyncClient(new Api(server.port()), "recruiter@demo.test", "demo-password");
                push(client, messages(world, 100, "warm-up")); // JIT, pools and plans warm
                for (int round = 1; round <= rounds; round++) {
                    double baseline = baselineInsertsOwnTransaction(db, round);
                    WebhookBenchmark.resetStatementStatistics(db);
                    double seconds = push(client, messages(world, MUTATIONS, "round " + round));
                    double rate = MUTATIONS / seconds;
                    System.out.printf(
                            "push round %d: %d sendMessage in %d pushes: %.2f s, %,.0f mutations/s; raw INSERT one per"
                                    + " transaction, same run: %,.0f rows/s (push %.2f× that)%n",
                            round,
                            MUTATIONS,
                            MUTATIONS / PushRequest.MAX_MUTATIONS,
                            seconds,
                            rate,
                            baseline,
                            rate / baseline);
                    if (round == rounds) {
                        printStatementStatistics(db);
                    }
                }
            }
            if (crashBatch > 0) {
                CrashRow.run(db, dir, world, crashBatch);
            }
        } finally {
            pg.close();
        }
    }

    static Map<String, String> serverEnv(ConnectionSettings db, Path dir, String port) {
        Map<String, String> env = new HashMap<>();
        env.put("RD_DB_URL", db.url());
        env.put("RD_DB_USER", db.user());
        env.put("RD_DB_PASSWORD", db.password());
        env.put("RD_HTTP_PORT", port);
        env.put("RD_DATA_DIR", dir.toString());
        env.put("RD_DEMO", "true");
        return env;
    }

    static List<Mutation> messages(SyncFixture world, int count, String label) {
        List<Mutation> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(SyncClient.mutation(
                    ConversationMutations.SEND_MESSAGE,
                    SyncClient.args()
                            .put("conversationId", world.conversation().toString())
                            .put("messageId", UUID.randomUUID().toString())
                            .put("text", "Benchmark " + label + " message " + i)));
        }
        return all;
    }

    /** Seconds to push {@code all} in full pushes, one after the other as one desktop does. */
    private static double push(SyncClient client, List<Mutation> all) {
        long start = System.nanoTime();
        for (int from = 0; from < all.size(); from += PushRequest.MAX_MUTATIONS) {
            JsonNode results = client.push(all.subList(from, Math.min(all.size(), from + PushRequest.MAX_MUTATIONS)))
                    .json()
                    .path("results");
            results.forEach(r -> {
                if (!"applied".equals(r.path("status").asText())) {
                    throw new IllegalStateException("not applied: " + r);
                }
            });
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double baselineInsertsOwnTransaction(ConnectionSettings db, int round) throws SQLException {
        try (Connection c = SyncFixture.connect(db);
                Statement s = c.createStatement()) {
            s.execute(
                    "create table if not exists bench_rows (id uuid primary key, body text, at timestamptz default now())");
            try (PreparedStatement ps = c.prepareStatement("insert into bench_rows (id, body) values (?, ?)")) {
                long start = System.nanoTime();
                for (int i = 0; i < BASELINE_ROWS; i++) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, "round " + round + " row " + i);
                    ps.executeUpdate(); // autocommit: one durable transaction each, like one mutation
                }
                return BASELINE_ROWS / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /**
     * The last round's statements by calls: what the push costs in PostgreSQL statements per mutation
     * (nested ones, from triggers, are counted too and marked; the server's own tasks run meanwhile).
     */
    private static void printStatementStatistics(ConnectionSettings db) throws SQLException {
        try (Connection c = SyncFixture.connect(db);
                PreparedStatement ps = c.prepareStatement("""
                        select calls, total_exec_time, toplevel, regexp_replace(query, '\\s+', ' ', 'g'),
                               sum(calls) filter (where toplevel) over ()
                          from pg_stat_statements
                         where query not like '%pg_stat_statements%'
                         order by calls desc
                         limit 20
                        """);
                ResultSet rs = ps.executeQuery()) {
            double topLevel = 0;
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                double perMutation = rs.getLong(1) / (double) MUTATIONS;
                topLevel = rs.getLong(5) / (double) MUTATIONS;
                String query = rs.getString(4);
                lines.add(String.format(
                        "  %5.2f per mutation, %8.1f ms total %s %s",
                        perMutation,
                        rs.getDouble(2),
                        rs.getBoolean(3) ? "  " : "↳ ",
                        query.length() > 130 ? query.substring(0, 130) + "…" : query));
            }
            System.out.printf(
                    "push, last round, in PostgreSQL: %.2f statements sent per mutation, the server's own tasks included (the 20 most called below;"
                            + " ↳ = run by a trigger or function)%n",
                    topLevel);
            lines.forEach(System.out::println);
        }
        try (Connection c = SyncFixture.connect(db);
                PreparedStatement ps = c.prepareStatement("""
                        select calls, total_exec_time, toplevel, regexp_replace(query, '\\s+', ' ', 'g')
                          from pg_stat_statements
                         where query not like '%pg_stat_statements%'
                         order by total_exec_time desc
                         limit 10
                        """);
                ResultSet rs = ps.executeQuery()) {
            System.out.println(
                    "push, last round, in PostgreSQL: the 10 statements that took longest (ms per mutation)");
            while (rs.next()) {
                String query = rs.getString(4);
                System.out.printf(
                        "  %6.3f ms per mutation, %6d calls %s %s%n",
                        rs.getDouble(2) / MUTATIONS,
                        rs.getLong(1),
                        rs.getBoolean(3) ? "  " : "↳ ",
                        query.length() > 130 ? query.substring(0, 130) + "…" : query);
            }
        }
    }
}
