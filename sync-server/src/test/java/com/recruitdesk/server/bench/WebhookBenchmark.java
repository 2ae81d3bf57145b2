package com.recruitdesk.server.bench;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.EmbeddedDatabase;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TempDirs;
import com.recruitdesk.server.support.WebhookCrash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Webhook ingest on the real server over real HTTP and its embedded PostgreSQL: signed webhook
 * bodies, one inbound text from a new person each (Meta's shape, with business-scoped user ids),
 * posted by several connections at once as Meta does; next to the raw INSERT rate of a comparable
 * {@code messages} row into the same database, one transaction each, at the same concurrency,
 * measured in the same run. Prints figures; not a test.
 *
 * <p>A second run sends as many texts from people who wrote before (the warm-up's), the common case.
 * Both are stored with group commit (decision 0046); each run says how many transactions it took.
 * The last row kills a server (kill -9) in the middle of a webhook batch and counts, after Meta's
 * redeliveries, the messages stored twice and lost ({@link WebhookCrash}).
 *
 * <p>{@code WebhookBenchmark [webhooks=5000] [connections=8,32] [--profile]}: each concurrency of the
 * list is a round of its own, next to its own raw INSERT; {@code --profile} loads
 * pg_stat_statements and prints the statements of every webhook run by total time.
 */
public final class WebhookBenchmark {
    private static final String SECRET = "bench-app-secret-0123456789abcdef";
    private static final String PHONE_NUMBER_ID = "106540352242999";
    private static final MediaType JSON = MediaType.get("application/json");
    /**
     * Webhooks sent before measuring (system property {@code warmUp}): on two cores, 3,000 left the JIT
     * compiling for most of the measured run; by 12,000 it compiles for well under a second of it.
     */
    private static final int WARM_UP = Integer.getInteger("warmUp", 12_000);
    /** Webhooks posted at a round's concurrency before it is measured (three new people's to one known person's). */
    private static final int ROUND_WARM_UP = 4_000;

    public static void main(String[] args) throws Exception {
        List<String> plain = new ArrayList<>();
        boolean profile = false;
        for (String a : args) {
            if ("--profile".equals(a)) {
                profile = true;
            } else {
                plain.add(a);
            }
        }
        int webhooks = plain.size() > 0 ? Integer.parseInt(plain.get(0)) : 5_000;
        List<Integer> concurrencies = Arrays.stream((plain.size() > 1 ? plain.get(1) : "8,32").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        int widest = Collections.max(concurrencies);

        Path dir = TempDirs.create("recruitdesk-webhook-bench");
        EmbeddedDatabase pg = EmbeddedDatabase.start(dir);
        if (profile) {
            pg = withStatementStatistics(pg, dir);
        }
        ConnectionSettings db = pg.connectionSettings();
        Map<String, String> env = new HashMap<>();
        env.put("RD_DB_URL", db.url());
        env.put("RD_DB_USER", db.user());
        env.put("RD_DB_PASSWORD", db.password());
        env.put("RD_HTTP_PORT", "0");
        env.put("RD_DATA_DIR", dir.toString());
        env.put("RD_DEMO", "true");
        env.put("RD_WHATSAPP_APP_SECRET", SECRET);
        env.put("RD_WHATSAPP_VERIFY_TOKEN", "bench");
        env.put("RD_WHATSAPP_ACCESS_TOKEN", "bench-token");
        env.put("RD_WHATSAPP_API_BASE", "http://127.0.0.1:9/v23.0"); // nothing is sent
        env.put("RD_WHATSAPP_TEMPLATE_SYNC_MINUTES", "0");
        try (SyncServer server = SyncServer.start(ConfigLoader.load(env))) {
            Fixture oneConversation = Fixture.create(db);
            System.out.printf(
                    "RecruitDesk webhook ingest benchmark — %d cores, PostgreSQL with fsync and synchronous_commit on,"
                            + " %s connections at once%n",
                    Runtime.getRuntime().availableProcessors(),
                    concurrencies.stream().map(String::valueOf).collect(Collectors.joining(" and ")));

            OkHttpClient http = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(widest, 5, java.util.concurrent.TimeUnit.MINUTES))
                    .readTimeout(Duration.ofSeconds(60))
                    .retryOnConnectionFailure(false)
                    .build();
            String url = "http://127.0.0.1:" + server.port() + Paths.WHATSAPP_WEBHOOK;

            int first = concurrencies.getFirst();
            post(http, url, bodies(0, WARM_UP), first); // JIT, pools and caches warm
            // People who wrote before take another path (decision 0051): warm it too, with ids past the runs'.
            post(http, url, bodies(WARM_UP + 2 * webhooks * concurrencies.size(), WARM_UP / 4, WARM_UP), first);
            Fixture fixture = oneConversation.spread(db);
            rawInserts(db, fixture, WARM_UP, first, "warm", null);
            // Steady state: statistics of the grown tables, as autovacuum gathers them within its minute.
            // Plans cached while the demo tables were tiny would otherwise scan what has grown since.
            analyze(db);
            System.out.printf(
                    "after the warm-up the JIT compiler settled in %.1f s%n", jitSettled(Duration.ofSeconds(60)) / 1e3);

            Cpu cpu = new Cpu(dir.resolve("postgres"));
            double rawOneConnection = rawInserts(db, fixture, Math.min(webhooks, 2_000), 1, "one", cpu)
                    .rate();
            System.out.printf(
                    "raw INSERT of an inbound messages row, one transaction each, on one connection: %,.0f rows/s%n",
                    rawOneConnection);
            if (profile) {
                resetStatementStatistics(db);
            }
            List<String> summary = new ArrayList<>();
            int readyFrom = WARM_UP + 2 * webhooks * concurrencies.size() + WARM_UP / 4;
            for (int round = 0; round < concurrencies.size(); round++) {
                int connections = concurrencies.get(round);
                int from = WARM_UP + 2 * webhooks * round;
                // Warm at this concurrency first: batches of another size take branches the JIT has
                // not compiled yet, and it then compiles for much of the measured run.
                int ready = readyFrom + ROUND_WARM_UP * round;
                post(http, url, bodies(ready, ROUND_WARM_UP * 3 / 4), connections);
                post(http, url, bodies(ready + ROUND_WARM_UP * 3 / 4, ROUND_WARM_UP / 4, WARM_UP), connections);
                rawInserts(db, fixture, ROUND_WARM_UP / 4, connections, "ready" + connections, null);
                jitSettled(Duration.ofSeconds(30));
                summary.add(round(db, fixture, http, url, cpu, webhooks, connections, from, rawOneConnection));
            }
            System.out.println("summary, webhooks against the raw INSERT at the same concurrency (goal ≥ 100 %):");
            summary.forEach(line -> System.out.println("  " + line));
            if (profile) {
                printStatementStatistics(db, 2 * webhooks * concurrencies.size()); // every webhook run
                explainPersonLookup(db, fixture);
            }
            WebhookCrash.Result crash = WebhookCrash.run(db, dir.resolve("crash"), 7, 10);
            System.out.printf(
                    "kill -9 mid-batch: %d webhooks of 10 texts posted at once, the server killed %d ms into a batch's"
                            + " transaction; after the kill %d webhooks stored whole, %d in part; each delivered twice"
                            + " more to the restarted server (%d refused): applied twice: %d, lost: %d%n",
                    crash.bodies(),
                    crash.killedAfterMillis(),
                    crash.wholeAfterKill(),
                    crash.partialAfterKill(),
                    crash.redeliveriesRefused(),
                    crash.storedTwice(),
                    crash.lost());
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        } finally {
            pg.close();
        }
    }

    /**
     * One concurrency's rows: the raw INSERT, new people's webhooks, the raw INSERT again, then people
     * who wrote before; returns its summary line. Webhook ids start at {@code from}.
     */
    private static String round(
            ConnectionSettings db,
            Fixture fixture,
            OkHttpClient http,
            String url,
            Cpu cpu,
            int webhooks,
            int connections,
            int from,
            double rawOneConnection)
            throws Exception {
        RawRun rawRun = rawInserts(db, fixture, webhooks, connections, "raw" + connections, cpu);
        double raw = rawRun.rate();
        Cpu.Sample rawCpu = rawRun.cpu();
        long gcBefore = gcMillis();
        HookRun fresh = hooks(db, http, url, bodies(from, webhooks), connections, cpu);
        long gc = gcMillis() - gcBefore;
        double rate = fresh.rate();
        long stored = count(
                db,
                "select count(*) from messages where provider_message_id like 'wamid.BENCH%' and provider_message_id >= ?"
                        + " and provider_message_id < ?",
                wamid(from),
                wamid(from + webhooks));
        double rawAgain = rawInserts(db, fixture, webhooks, connections, "again" + connections, null)
                .rate();

        // The common case: people who wrote before, in their open conversations (the warm-up's).
        HookRun known = hooks(db, http, url, bodies(from + webhooks, webhooks, WARM_UP), connections, cpu);
        double knownRate = known.rate();

        System.out.printf("%d connections at once:%n", connections);
        System.out.printf(
                "raw INSERT of an inbound messages row, one transaction each, over %,d conversations, %d connections:"
                        + " %,.0f rows/s (%,.0f rows/s measured again after the webhooks)%n",
                fixture.conversations().size(), connections, raw, rawAgain);
        fresh.print("one new person's text each");
        System.out.printf("  %,d of %,d messages stored%n", stored, webhooks);
        known.print("from people who wrote before");
        System.out.printf("during the new people's webhooks the JVM spent %d ms in garbage collection pauses%n", gc);
        System.out.printf(
                "CPU per row of the raw INSERT: %.2f ms (PostgreSQL %.2f, JDBC client %.2f)%n",
                rawCpu.total() / webhooks, rawCpu.postgresMillis() / webhooks, rawCpu.jvmMillis() / webhooks);
        double baseline = (raw + rawAgain) / 2;
        System.out.printf(
                "ratio, new people: %.0f %% of the raw INSERT rate at the same concurrency (mean of both"
                        + " measurements; goal ≥ 100 %%); %.0f %% of the one-connection rate; CPU per row %.0f %% of the"
                        + " raw INSERT's%n",
                100 * rate / baseline,
                100 * rate / rawOneConnection,
                100 * rawCpu.total() / fresh.cpu().total());
        System.out.printf(
                "ratio, people who wrote before: %.0f %% of the raw INSERT rate at the same concurrency (goal ≥ 100"
                        + " %%); %.0f %% of"
                        + " the one-connection rate; CPU per row %.0f %% of the raw INSERT's%n",
                100 * knownRate / baseline,
                100 * knownRate / rawOneConnection,
                100 * rawCpu.total() / known.cpu().total());
        if (stored != webhooks) {
            throw new IllegalStateException("only " + stored + " of " + webhooks + " messages were stored");
        }
        return "%3d connections: raw INSERT %,.0f rows/s; new people %,.0f webhooks/s (%.0f %%); people who wrote before %,.0f webhooks/s (%.0f %%)"
                .formatted(connections, baseline, rate, 100 * rate / baseline, knownRate, 100 * knownRate / baseline);
    }

    /** One timed run of webhooks: how long, each one's latency, the CPU used, the feed entries written. */
    private record HookRun(
            int webhooks,
            double seconds,
            List<Long> latencies,
            Cpu.Sample cpu,
            double clientMillis,
            long feed,
            long transactions,
            long compilingMillis) {
        double rate() {
            return webhooks / seconds;
        }

        void print(String what) {
            System.out.printf(
                    "webhooks, group-committed: %,d signed bodies, %s: %,.0f webhooks/s (%.2f s); %,d change feed"
                            + " entries written (%.1f per webhook) by %,d transactions (%.1f webhooks per commit); latency p50 %.1f ms, p99 %.1f ms; CPU per webhook %.2f ms (PostgreSQL %.2f,"
                            + " server JVM %.2f, posting client %.2f); the JIT compiled for %d ms meanwhile%n",
                    webhooks,
                    what,
                    rate(),
                    seconds,
                    feed,
                    feed / (double) webhooks,
                    transactions,
                    webhooks / (double) Math.max(1, transactions),
                    percentile(latencies, 50),
                    percentile(latencies, 99),
                    cpu.total() / webhooks,
                    cpu.postgresMillis() / webhooks,
                    (cpu.jvmMillis() - clientMillis) / webhooks,
                    clientMillis / webhooks,
                    compilingMillis);
        }
    }

    private static HookRun hooks(
            ConnectionSettings db, OkHttpClient http, String url, List<Signed> bodies, int connections, Cpu cpu)
            throws Exception {
        long feedBefore = count(db, "select count(*) from sync_changes");
        long lastEntry = count(db, "select coalesce(max(id), 0) from sync_changes");
        long compilingBefore = compilingMillis();
        Cpu.Sample start = cpu.sample();
        long startNanos = System.nanoTime();
        List<Long> latencies = post(http, url, bodies, connections);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Cpu.Sample used = cpu.sample().minus(start);
        double clientMillis = CLIENT_CPU.get() / 1e6;
        long feed = count(db, "select count(*) from sync_changes") - feedBefore;
        // A feed entry names its writing transaction: the webhooks' commits, counted exactly.
        long transactions = count(db, "select count(distinct txid) from sync_changes where id > ?", lastEntry);
        Collections.sort(latencies);
        return new HookRun(
                bodies.size(),
                seconds,
                latencies,
                used,
                clientMillis,
                feed,
                transactions,
                compilingMillis() - compilingBefore);
    }

    /** A conversation and its person, for a raw INSERT row. */
    private record Conversation(UUID id, UUID candidate) {}

    /**
     * The number and the conversations the raw INSERT baseline writes to: at first one person's,
     * then ({@link #spread}) those the warm-up opened, as webhooks from many people write to many.
     */
    private record Fixture(UUID organization, UUID account, List<Conversation> conversations) {
        /**
         * The warm-up's conversations on the bench's number: every raw row on one conversation made
         * its connections queue for the key-share lock of that one row (the foreign key's check),
         * which no real inbox does.
         */
        Fixture spread(ConnectionSettings db) throws SQLException {
            List<Conversation> all = new ArrayList<>();
            try (Connection c = SyncFixture.connect(db);
                    PreparedStatement ps = c.prepareStatement(
                            "select id, candidate_id from conversations where whatsapp_account_id = ? order by id")) {
                ps.setObject(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(new Conversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
                    }
                }
            }
            return new Fixture(organization, account, List.copyOf(all));
        }

        static Fixture create(ConnectionSettings db) throws SQLException {
            try (Connection c = SyncFixture.connect(db)) {
                UUID org = SyncFixture.insert(c, "select organization_id from users where email = 'admin@demo.test'");
                UUID account = SyncFixture.insert(
                        c,
                        "insert into whatsapp_accounts (organization_id, display_name, phone, provider, phone_number_id, waba_id)"
                                + " values (?, 'Bench line', '+15550783999', 'cloud_api', ?, '102290129349999') returning id",
                        org,
                        PHONE_NUMBER_ID);
                UUID candidate = SyncFixture.insert(
                        c,
                        "insert into candidates (organization_id, whatsapp_id, whatsapp_name) values (?, '+27710000000', 'Baseline') returning id",
                        org);
                UUID conversation = SyncFixture.insert(
                        c,
                        "insert into conversations (organization_id, whatsapp_account_id, candidate_id) values (?, ?, ?) returning id",
                        org,
                        account,
                        candidate);
                return new Fixture(org, account, List.of(new Conversation(conversation, candidate)));
            }
        }
    }

    /**
     * The same row an inbound text webhook stores, inserted with autocommit (one durable transaction
     * each) by {@code connections} threads at once, row {@code i} into the fixture's conversation
     * {@code i} (round robin): the cheapest way such a row reaches this table.
     */
    /** A raw INSERT run: its rate, and the CPU it used (sampled before its connections close), if asked. */
    private record RawRun(double rate, Cpu.Sample cpu) {}

    private static final String RAW_INSERT = """
            insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id,
                                  direction, type, sender_type, body, provider_message_id, sent_at)
            values (?, ?, ?, ?, 'inbound', 'text', 'candidate', ?, ?, now())
            """;

    private static void insertRaw(PreparedStatement ps, Fixture f, int i, String id) throws SQLException {
        Conversation to = f.conversations().get(i % f.conversations().size());
        ps.setObject(1, f.organization());
        ps.setObject(2, to.id());
        ps.setObject(3, f.account());
        ps.setObject(4, to.candidate());
        ps.setString(5, "Hello, is the warehouse job still open? I have a forklift licence.");
        ps.setString(6, "wamid.RAW." + id);
        ps.executeUpdate();
    }

    private static RawRun rawInserts(ConnectionSettings db, Fixture f, int rows, int connections, String tag, Cpu cpu)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Connection> open = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Connection c = SyncFixture.connect(db);
                // Past the driver's prepare threshold, so the timed rows find their plans (and the
                // foreign keys' checks theirs) made, as the webhooks' pooled connections do.
                try (PreparedStatement ps = c.prepareStatement(RAW_INSERT)) {
                    for (int k = 0; k < 6; k++) {
                        insertRaw(ps, f, i * 6 + k, tag + ".ready." + i + "." + k);
                    }
                }
                open.add(c);
            }
            List<Future<?>> done = new ArrayList<>();
            Cpu.Sample cpuStart = cpu == null ? null : cpu.sample();
            long start = System.nanoTime();
            for (Connection c : open) {
                done.add(pool.submit(() -> {
                    try (PreparedStatement ps = c.prepareStatement(RAW_INSERT)) {
                        int i;
                        while ((i = next.getAndIncrement()) < rows) {
                            insertRaw(ps, f, i, tag + "." + i);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
            double rate = rows / ((System.nanoTime() - start) / 1e9);
            Cpu.Sample used = cpu == null ? null : cpu.sample().minus(cpuStart);
            for (Connection c : open) {
                c.close();
            }
            return new RawRun(rate, used);
        } finally {
            pool.shutdownNow();
        }
    }

    /** CPU time the posting threads used (they play Meta, whose CPU is not the server's), in nanoseconds. */
    private static final java.util.concurrent.atomic.AtomicLong CLIENT_CPU =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * A webhook body and its signature, made before the timed run: signing is Meta's work, not the
     * server's, and would otherwise take CPU from the server on this machine.
     */
    private record Signed(byte[] bytes, String signature) {}

    /** Posts every body, {@code connections} at a time; returns each one's latency in nanoseconds. */
    private static List<Long> post(OkHttpClient http, String url, List<Signed> bodies, int connections)
            throws Exception {
        CLIENT_CPU.set(0);
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(bodies.size()));
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                done.add(pool.submit(() -> {
                    long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime();
                    int i;
                    while ((i = next.getAndIncrement()) < bodies.size()) {
                        Signed body = bodies.get(i);
                        Request request = new Request.Builder()
                                .url(url)
                                .header("X-Hub-Signature-256", body.signature())
                                .post(RequestBody.create(body.bytes(), JSON))
                                .build();
                        long start = System.nanoTime();
                        try (Response r = http.newCall(request).execute()) {
                            String answer = r.body().string();
                            if (r.code() != 200 || !answer.contains("\"stored\":1")) {
                                throw new IllegalStateException(
                                        "webhook " + i + " answered " + r.code() + " " + answer);
                            }
                        }
                        latencies.add(System.nanoTime() - start);
                    }
                    CLIENT_CPU.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean()
                                    .getCurrentThreadCpuTime()
                            - cpuStart);
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
            return latencies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Webhook bodies {@code from} … {@code from + n - 1}, each a text from a new person, as Meta sends them. */
    private static List<Signed> bodies(int from, int n) {
        return bodies(from, n, 0);
    }

    /**
     * Webhook bodies {@code from} … {@code from + n - 1}; with {@code people} above zero, message
     * {@code i} comes from person {@code i % people}, who wrote before (in the warm-up).
     */
    private static List<Signed> bodies(int from, int n, int people) {
        List<Signed> bodies = new ArrayList<>(n);
        long now = System.currentTimeMillis() / 1000;
        for (int i = from; i < from + n; i++) {
            int person = people > 0 ? i % people : i;
            String waId = String.valueOf(27_720_000_000L + person);
            String userId = "ZA." + (1_000_000_000_000_000L + person);
            byte[] body = """
                    {"object":"whatsapp_business_account","entry":[{"id":"102290129349999","changes":[{"value":{\
                    "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783999","phone_number_id":"%s"},\
                    "contacts":[{"profile":{"name":"Candidate %d"},"wa_id":"%s","user_id":"%s","country_code":"ZA"}],\
                    "messages":[{"from":"%s","from_user_id":"%s","id":"%s","timestamp":"%d",\
                    "text":{"body":"Hello, is the warehouse job still open? I have a forklift licence."},"type":"text"}]},\
                    "field":"messages"}]}]}""".formatted(PHONE_NUMBER_ID, person, waId, userId, waId, userId, wamid(i), now)
                    .getBytes(StandardCharsets.UTF_8);
            bodies.add(new Signed(body, sign(body)));
        }
        return bodies;
    }

    private static String wamid(int i) {
        return "wamid.BENCH%09d".formatted(i);
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void analyze(ConnectionSettings db) throws SQLException {
        try (Connection c = SyncFixture.connect(db);
                Statement s = c.createStatement()) {
            s.execute("analyze");
        }
    }

    /**
     * Waits until the JIT compiler spends under 50 ms of a second compiling (at most {@code limit}); the
     * milliseconds waited. On two shared cores the warm-up's compilations can run on into the measured
     * run, and their CPU would count against the webhooks, not the raw INSERT whose code is smaller.
     */
    private static long jitSettled(Duration limit) throws InterruptedException {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long last = jit.getTotalCompilationTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(1_000);
            long now = jit.getTotalCompilationTime();
            if (now - last < 50) {
                break;
            }
            last = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long compilingMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static long count(ConnectionSettings db, String sql, Object... params) {
        return SyncFixture.count(db, sql, params);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Restarts the database with pg_stat_statements loaded (it needs shared_preload_libraries); the push benchmark's too. */
    static EmbeddedDatabase withStatementStatistics(EmbeddedDatabase pg, Path dir) throws SQLException {
        ConnectionSettings db = pg.connectionSettings();
        try (Connection c = SyncFixture.connect(db);
                Statement s = c.createStatement()) {
            s.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            s.execute("alter system set pg_stat_statements.track = 'all'");
            s.execute("alter system set pg_stat_statements.track_planning = on");
        }
        pg.close();
        EmbeddedDatabase restarted = EmbeddedDatabase.start(dir);
        try (Connection c = SyncFixture.connect(restarted.connectionSettings());
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
        }
        return restarted;
    }

    static void resetStatementStatistics(ConnectionSettings db) throws SQLException {
        try (Connection c = SyncFixture.connect(db);
                Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    private static void printStatementStatistics(ConnectionSettings db, int webhooks) throws SQLException {
        System.out.println(
                "statements of both webhook runs by total time (calls per webhook, mean execution ms, mean planning ms,"
                        + " share of execution + planning):");
        try (Connection c = SyncFixture.connect(db);
                PreparedStatement ps = c.prepareStatement("""
                        select calls, total_exec_time, mean_exec_time,
                               100 * (total_exec_time + total_plan_time) / sum(total_exec_time + total_plan_time) over (),
                               regexp_replace(query, '\\s+', ' ', 'g'), mean_plan_time, plans
                          from pg_stat_statements
                         where query not like '%pg_stat_statements%'
                         order by total_exec_time + total_plan_time desc
                         limit 25
                        """);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String query = rs.getString(5);
                System.out.printf(
                        "  %5.2f × %7.3f ms + plan %6.3f ms (%d plans)  %4.1f %%  %s%n",
                        rs.getLong(1) / (double) webhooks,
                        rs.getDouble(3),
                        rs.getDouble(6),
                        rs.getLong(7),
                        rs.getDouble(4),
                        query.length() > 150 ? query.substring(0, 150) + "…" : query);
            }
        }
    }

    /** The plan PostgreSQL uses for the person lookup once the statement is prepared (a generic plan). */
    private static void explainPersonLookup(ConnectionSettings db, Fixture f) throws SQLException {
        System.out.println("person lookup, generic plan:");
        try (Connection c = SyncFixture.connect(db);
                Statement s = c.createStatement()) {
            s.execute("set plan_cache_mode = force_generic_plan");
            s.execute("""
                    prepare lookup(uuid, text, text) as
                    select id, whatsapp_id, whatsapp_user_id, whatsapp_parent_user_id, whatsapp_username, whatsapp_name,
                           created_at
                      from candidates
                     where id in (select id from candidates where organization_id = $1 and whatsapp_user_id = $2
                                  union all
                                  select id from candidates where organization_id = $1 and whatsapp_id = $3)
                     order by id
                    """);
            try (ResultSet rs = s.executeQuery("explain (analyze, buffers) execute lookup('" + f.organization()
                    + "', 'ZA.1000000000000001234', '+27720001234')")) {
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }
        }
    }

    /** CPU time of this JVM and of this PostgreSQL's processes (the postmaster and its children). */
    private record Cpu(Path cluster) {
        record Sample(double jvmMillis, double postgresMillis) {
            Sample minus(Sample o) {
                return new Sample(jvmMillis - o.jvmMillis, postgresMillis - o.postgresMillis);
            }

            double total() {
                return jvmMillis + postgresMillis;
            }
        }

        Sample sample() throws IOException {
            double jvm = ProcessHandle.current()
                    .info()
                    .totalCpuDuration()
                    .map(d -> d.toNanos() / 1e6)
                    .orElse(0.0);
            long postmaster = Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid"))
                    .getFirst()
                    .trim());
            double pg = ProcessHandle.of(postmaster)
                    .map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())
                            .mapToDouble(Cpu::millis)
                            .sum())
                    .orElse(0.0);
            return new Sample(jvm, pg);
        }

        /**
         * utime, stime, cutime and cstime of /proc/PID/stat (fields 14–17, clock ticks of 10 ms): the
         * postmaster's c-times hold the backends that already ended.
         */
        private static double millis(ProcessHandle p) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                        * 10.0;
            } catch (IOException | RuntimeException e) {
                return 0; // a backend that just ended
            }
        }
    }

    private WebhookBenchmark() {}
}
