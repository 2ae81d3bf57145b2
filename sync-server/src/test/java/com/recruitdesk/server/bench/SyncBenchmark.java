package com.recruitdesk.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.PushRequest;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestPostgres;
import com.recruitdesk.server.support.TestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * Sync benchmarks on the real server over real HTTP and PostgreSQL, each with the database's raw
 * INSERT rate measured in the same run as the baseline. Run with {@code bench/run}; prints figures.
 * {@code SyncBenchmark [messages=100000] [clients=500] [many-clients=5000] [--only=push,pull,poke]}:
 * the poke latency is measured with both client counts (loopback only; the second is skipped when
 * not larger); {@code --only} runs just the parts named (the baselines always run).
 */
public final class SyncBenchmark {
    private static final int MUTATIONS = 1_000;
    private static final int BASELINE_ROWS = 2_000;
    /** The page size a desktop asks for in a first sync. */
    private static final int PULL_PAGE = Integer.getInteger("bench.pullPage", 5_000);
    // The server's poke settings (PokePages, Subscriber) the rows vary.
    private static final String MAX_ENTRIES = "recruitdesk.pokes.maxEntries";
    private static final String MAX_WAITING = "recruitdesk.pokes.maxWaiting";

    public static void main(String[] arguments) throws Exception {
        List<String> parts = java.util.Arrays.stream(arguments)
                .filter(a -> a.startsWith("--only="))
                .flatMap(a ->
                        java.util.Arrays.stream(a.substring("--only=".length()).split(",")))
                .toList();
        String[] args = java.util.Arrays.stream(arguments)
                .filter(a -> !a.startsWith("--"))
                .toArray(String[]::new);
        java.util.function.Predicate<String> runs = part -> parts.isEmpty() || parts.contains(part);
        int pullRows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int manyClients = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        System.setProperty(TestPostgres.DURABLE, "true"); // fsync on, as the raw INSERT rate it is compared with
        try (TestServer server = TestServer.start()) {
            SyncFixture world = SyncFixture.create(server.database);
            System.out.printf(
                    "RecruitDesk sync benchmark — %d cores, max heap %d MB%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);

            double insertPerTx = baselineInsertsOwnTransaction(server);
            double insertBatched = baselineInsertsOneTransaction(server);
            System.out.printf(
                    "baseline: raw INSERT, one transaction each: %,.0f rows/s; in one transaction: %,.0f rows/s%n",
                    insertPerTx, insertBatched);

            if (runs.test("push")) {
                pushFigures(server, world, insertPerTx);
            }
            if (!runs.test("pull") && !runs.test("poke")) {
                return;
            }
            String head = fullPull(server, world, runs.test("pull") ? pullRows : 0, insertBatched);
            if (!runs.test("poke")) {
                return;
            }
            // Each size on its own, so one that cannot finish still leaves the other's figures.
            for (int size : manyClients > clients ? List.of(clients, manyClients) : List.of(clients)) {
                // Same run, same clients: every client pulling after a plain poke, then pokes that carry the change.
                if (Boolean.parseBoolean(System.getProperty("bench.plainPokes", "true"))) {
                    pokeRow(server, world, size, head, Map.of(MAX_ENTRIES, "0"), "plain pokes, every client pulls");
                }
                pokeRow(
                        server,
                        world,
                        size,
                        head,
                        Map.of(MAX_WAITING, "1"),
                        "carried, one poke waiting per socket (before 0052)");
                pokeRow(server, world, size, head, Map.of(), "pokes that carry the change");
            }
        }
    }

    /** One poke row with the server's poke settings of {@code settings}; one that cannot finish says why. */
    private static void pokeRow(
            TestServer server, SyncFixture world, int size, String head, Map<String, String> settings, String what)
            throws Exception {
        settings.forEach(System::setProperty);
        try {
            PokeRow.run(server, world, size, head, what);
        } catch (RuntimeException | AssertionError e) {
            System.out.printf(
                    "poke → change, %s: %d WebSocket clients: did not finish (%s)%n", what, size, e.getMessage());
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    private static void pushFigures(TestServer server, SyncFixture world, double insertPerTx) throws Exception {
        trackFunctions(server);
        long commitsBefore = commits(server);
        double pushRate = push(server, world);
        long pushCommits = commits(server) - commitsBefore;
        System.out.printf(
                "push: %d sendMessage mutations in %d pushes: %,.0f mutations/s (%.2f s; %.2f× the per-transaction INSERT rate)%n",
                MUTATIONS,
                MUTATIONS / PushRequest.MAX_MUTATIONS,
                pushRate,
                MUTATIONS / pushRate,
                pushRate / insertPerTx);
        System.out.printf(
                "push: %d transactions committed in the database meanwhile (every client's, the poke listener's too)%n",
                pushCommits);
        printFunctionTimes(server);
        untrackFunctions(server);
        System.out.printf(
                "push: the %d messages handed to the WhatsApp double in %.1f s after the push (before the pull starts)%n",
                MUTATIONS, sent(server, Duration.ofSeconds(120)));
    }

    /**
     * Seconds until no message waits to be sent: the sender works through the push's messages,
     * writing their statuses, and would otherwise do so while the full pull is measured.
     */
    private static double sent(TestServer server, Duration timeout) {
        long start = System.nanoTime();
        Eventually.await(
                timeout,
                "the push's messages to be sent",
                () -> SyncFixture.count(server.database, "select count(*) from messages where status = 'queued'") == 0);
        return seconds(start);
    }

    /** Transactions committed in the benchmark's database so far. */
    private static long commits(TestServer server) throws Exception {
        try (Connection c = SyncFixture.connect(server.database);
                Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (var rs =
                    s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Counts the time spent in each trigger and SQL function (no restart needed, unlike pg_stat_statements). */
    private static void trackFunctions(TestServer server) throws Exception {
        try (Connection c = SyncFixture.connect(server.database);
                Statement s = c.createStatement()) {
            s.execute("alter system set track_functions = 'all'");
            s.execute("select pg_reload_conf()");
            s.execute("select pg_stat_reset()");
        }
    }

    /**
     * Function tracking off again: it costs every function call of the later rows (the full pull's
     * reads among them took twice the database's CPU with it on).
     */
    private static void untrackFunctions(TestServer server) throws Exception {
        try (Connection c = SyncFixture.connect(server.database);
                Statement s = c.createStatement()) {
            s.execute("alter system reset track_functions");
            s.execute("select pg_reload_conf()");
        }
    }

    private static void printFunctionTimes(TestServer server) throws Exception {
        try (Connection c = SyncFixture.connect(server.database);
                Statement s = c.createStatement();
                var rs = s.executeQuery("select funcname, calls, total_time, self_time from pg_stat_user_functions"
                        + " order by total_time desc limit 6")) {
            while (rs.next()) {
                System.out.printf(
                        "  push, in the database: %-32s %6d calls, %8.1f ms total, %8.1f ms self%n",
                        rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4));
            }
        }
    }

    private static double baselineInsertsOwnTransaction(TestServer server) throws Exception {
        try (Connection c = SyncFixture.connect(server.database);
                Statement s = c.createStatement()) {
            s.execute("create table bench_rows (id uuid primary key, body text, at timestamptz default now())");
            try (PreparedStatement ps = c.prepareStatement("insert into bench_rows (id, body) values (?, ?)")) {
                long start = System.nanoTime();
                for (int i = 0; i < BASELINE_ROWS; i++) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, "row " + i);
                    ps.executeUpdate(); // autocommit: one durable transaction each, like one mutation
                }
                return BASELINE_ROWS / seconds(start);
            }
        }
    }

    private static double baselineInsertsOneTransaction(TestServer server) throws Exception {
        try (Connection c = SyncFixture.connect(server.database);
                Statement s = c.createStatement()) {
            long start = System.nanoTime();
            int n = s.executeUpdate(
                    "insert into bench_rows (id, body) select gen_random_uuid(), 'bulk ' || g from generate_series(1, 100000) g");
            return n / seconds(start);
        }
    }

    private static double push(TestServer server, SyncFixture world) {
        SyncClient client = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        List<Mutation> all = new ArrayList<>();
        for (int i = 0; i < MUTATIONS; i++) {
            all.add(SyncClient.mutation(
                    ConversationMutations.SEND_MESSAGE,
                    SyncClient.args()
                            .put("conversationId", world.conversation().toString())
                            .put("messageId", UUID.randomUUID().toString())
                            .put("text", "Benchmark message " + i)));
        }
        long start = System.nanoTime();
        for (int from = 0; from < all.size(); from += PushRequest.MAX_MUTATIONS) {
            JsonNode results = client.push(all.subList(from, from + PushRequest.MAX_MUTATIONS))
                    .json()
                    .path("results");
            results.forEach(r -> {
                if (!"applied".equals(r.path("status").asText())) {
                    throw new IllegalStateException("not applied: " + r);
                }
            });
        }
        return MUTATIONS / seconds(start);
    }

    /** Writes {@code rows} messages (through the feed triggers), then a fresh client pulls everything. */
    private static String fullPull(TestServer server, SyncFixture world, int rows, double insertBatched)
            throws Exception {
        long writeStart = System.nanoTime();
        try (Connection c = SyncFixture.connect(server.database);
                PreparedStatement ps = c.prepareStatement("""
                        insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,
                                              sender_type, body, provider_message_id, sent_at)
                        select ?, ?, ?, ?, 'inbound', 'text', 'candidate', 'Message number ' || g || ' about shifts and pay',
                               'wamid.bench.' || g, now() - (g || ' seconds')::interval
                          from generate_series(1, ?) g
                        """)) {
            ps.setObject(1, world.organization());
            ps.setObject(2, world.conversation());
            ps.setObject(3, world.whatsappAccount());
            ps.setObject(4, world.candidate());
            ps.setInt(5, rows);
            ps.executeUpdate();
        }
        double writeRate = rows / seconds(writeStart);
        System.out.printf(
                "feed write: %,d messages with their feed entries in one statement: %,.0f rows/s (%.2f× the bulk INSERT rate)%n",
                rows, writeRate, writeRate / insertBatched);
        // A laptop's first sync reads rows written over weeks, long since vacuumed: without this the
        // pull would be the first to read the 100 k fresh rows, setting their hint bits as it goes,
        // while autovacuum, woken by the write, competes with it for the two cores.
        try (Connection c = SyncFixture.connect(server.database);
                Statement s = c.createStatement()) {
            s.execute("vacuum (analyze) messages, sync_changes");
        }

        SyncClient fresh = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        OkHttpClient http =
                new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
        System.gc();
        ProcessHandle postgres = PokeRow.postmaster(server);
        long databaseBefore = PokeRow.databaseCpu(postgres);
        long jvmBefore = PokeRow.cpuMillis(ProcessHandle.current().pid());
        long heapBefore = heapUsed();
        resetPeaks();
        LiveHeap live = LiveHeap.watch();
        long start = System.nanoTime();
        int changes = 0;
        int messages = 0;
        int pages = 0;
        String cursor = null;
        StreamedPage page;
        do {
            page = StreamedPage.pull(http, server.server.port(), fresh.accessToken, cursor, PULL_PAGE);
            pages++;
            changes += page.changes();
            messages += page.messages();
            cursor = page.cursor();
        } while (page.hasMore());
        double secs = seconds(start);
        live.close();
        long jvm = PokeRow.cpuMillis(ProcessHandle.current().pid()) - jvmBefore;
        long database = PokeRow.databaseCpu(postgres) - databaseBefore;
        System.out.printf(
                "full pull: CPU server+client JVM %,d ms, PostgreSQL %,d ms (%.1f µs a change)%n",
                jvm, database, database * 1000.0 / Math.max(1, changes));
        System.out.printf(
                "full pull: %,d changes (%,d messages) in %d pages of ≤%d: %.2f s, %,.0f changes/s; "
                        + "server+client heap %d MB before, peak %d MB during%n",
                changes, messages, pages, PULL_PAGE, secs, changes / secs, heapBefore >> 20, peakHeap() >> 20);
        System.out.printf(
                "full pull: server+client heap left after a collection at most %d MB (%d collections during"
                        + " the pull; the peak above also counts the young generation's garbage)%n",
                live.mostAfterCollection() >> 20, live.collections());
        return cursor;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
