package com.recruitdesk.app.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.conversations.data.ConversationStatus;
import com.recruitdesk.app.conversations.data.Inbox;
import com.recruitdesk.app.conversations.data.InboxFilter;
import com.recruitdesk.app.conversations.data.InboxRow;
import com.recruitdesk.app.conversations.data.ThreadPage;
import com.recruitdesk.app.conversations.data.Threads;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.server.support.TempDirs;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Conversations pane's local reads at scale: a store with {@code messages} messages (default
 * 100,000) in {@code conversations} conversations, filled through the same pulled pages a first
 * sync applies, next to a raw SQLite INSERT of the same rows measured in the same run; then the
 * inbox with each filter, searches, opening a thread and paging back, and the heap with that store
 * open and the inbox loaded. {@code InboxBenchmark [messages] [conversations] [dir]}.
 */
public final class InboxBenchmark {
    private static final String[] WORDS = ("hi hello thanks interview shift morning night warehouse forklift licence cv"
                    + " photo form casting runway catalogue available monday tuesday friday weekend salary rate"
                    + " address midrand durban cape town johannesburg please send tomorrow today call later sorry"
                    + " job still open apply experience years training certificate uniform transport bus taxi")
            .split(" ");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Changes per pulled page, as the sync engine asks for them in a first sync ({@code -Dbench.page=N}). */
    private static final int PAGE =
            Integer.getInteger("bench.page", com.recruitdesk.app.sync.SyncSettings.FIRST_SYNC_PAGE_SIZE);

    private InboxBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path dir = args.length > 2 ? Path.of(args[2]) : TempDirs.create("inbox-bench");
        Random random = new Random(42);
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        List<Change> rows = new ArrayList<>(dataset(messages, conversations, random, now));
        System.out.printf(
                Locale.ROOT,
                "%,d rows: %,d messages in %,d conversations of %,d people%n",
                rows.size(),
                messages,
                conversations,
                conversations);

        // The store and the raw INSERT take turns, each round on fresh files, with a raw INSERT last: each
        // round's ratio is taken against the raw runs just before and after it, so the load other programs
        // put on a shared machine falls on both sides of a ratio alike. CPU time of the applying thread is
        // printed beside wall time: it moves much less with what else runs.
        var cpu = ManagementFactory.getThreadMXBean();
        int rounds = Integer.getInteger("bench.rounds", 3);
        double[] wallRatios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        rawInsert(dir.resolve("raw-warm-up.db"), rows); // the JIT's first pass over Jackson and the driver
        Measured raw = rawInsert(dir.resolve("raw-0.db"), rows);
        LocalStore store = null;
        for (int round = 0; round < rounds; round++) {
            if (store != null) {
                store.close(); // kept on disk: the temporary directory goes at exit
            }
            store = LocalStore.open(dir.resolve("store-" + round + ".db"), Features.STORE_RULES);
            long t0 = System.nanoTime();
            long cpu0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < rows.size(); i += PAGE) {
                // As the sync engine applies a first sync: more pages follow until the last.
                store.applyPage(rows.subList(i, Math.min(rows.size(), i + PAGE)), "c" + i, i + PAGE < rows.size());
            }
            Measured applied = new Measured(System.nanoTime() - t0, cpu.getCurrentThreadCpuTime() - cpu0);
            Measured rawAfter = rawInsert(dir.resolve("raw-" + (round + 1) + ".db"), rows);
            wallRatios[round] = (raw.wallNanos() + rawAfter.wallNanos()) / 2.0 / applied.wallNanos();
            cpuRatios[round] = (raw.cpuNanos() + rawAfter.cpuNanos()) / 2.0 / applied.cpuNanos();
            System.out.printf(
                    Locale.ROOT,
                    "first sync into the store, round %d, pages of %,d: %,.0f rows/s (%.1f s, CPU %.2f s);"
                            + " raw INSERT of the same rows before and after: %,.0f and %,.0f rows/s (CPU %.2f and %.2f s);"
                            + " ratio %.2f, CPU ratio %.2f%n",
                    round + 1,
                    PAGE,
                    applied.rate(rows.size()),
                    applied.wallNanos() / 1e9,
                    applied.cpuNanos() / 1e9,
                    raw.rate(rows.size()),
                    rawAfter.rate(rows.size()),
                    raw.cpuNanos() / 1e9,
                    rawAfter.cpuNanos() / 1e9,
                    wallRatios[round],
                    cpuRatios[round]);
            raw = rawAfter;
        }
        System.out.printf(
                Locale.ROOT,
                "first sync into the store against a raw SQLite INSERT of the same rows, median of %d rounds:"
                        + " ratio %.2f, CPU ratio %.2f%n",
                rounds,
                median(wallRatios),
                median(cpuRatios));
        duringFirstSync(dir.resolve("store-half.db"), rows);
        int last = rounds - 1;
        System.out.printf(Locale.ROOT, "store file: %.0f MB%n", Files.size(dir.resolve("store-" + last + ".db")) / 1e6);
        rows.clear(); // the heap figure below is the app's, not this dataset's

        Inbox inbox = new Inbox(store);
        Threads threads = new Threads(store);
        UUID me = me();
        Set<ConversationStatus> all = EnumSet.allOf(ConversationStatus.class);
        List<InboxRow> active = time("inbox, active (the default)", () -> inbox.list(InboxFilter.active(), me));
        time(
                "inbox, all statuses",
                () -> inbox.list(new InboxFilter(all, InboxFilter.Assignment.ANYONE, null, null, ""), me));
        time("inbox, mine", () -> inbox.list(new InboxFilter(all, InboxFilter.Assignment.MINE, null, null, ""), me));
        time(
                "inbox, unassigned",
                () -> inbox.list(new InboxFilter(all, InboxFilter.Assignment.UNASSIGNED, null, null, ""), me));
        time(
                "inbox, one tag",
                () -> inbox.list(new InboxFilter(all, InboxFilter.Assignment.ANYONE, null, "vip", ""), me));
        time("search, a common word (\"shift\")", () -> inbox.list(search("shift"), me));
        time("search, a rare word (\"zanzibar\")", () -> inbox.list(search("zanzibar"), me));
        time("search, two words (\"forklift licence\")", () -> inbox.list(search("forklift licence"), me));
        time("search, a name prefix (\"nomv\")", () -> inbox.list(search("nomv"), me));
        time("search, digits of a number (\"2782000\")", () -> inbox.list(search("2782000"), me));
        UUID busiest = busiest(store);
        ThreadPage page = time("thread, newest 60 lines", () -> threads.page(busiest, null, 60));
        time(
                "thread, the 60 before",
                () -> threads.page(busiest, page.messages().getFirst(), 60));

        System.gc();
        Thread.sleep(200);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                Locale.ROOT,
                "heap with the store open and the inbox (%,d rows) loaded: %.0f MB%n",
                active.size(),
                heap / 1e6);
        store.close();
    }

    /**
     * What a pane reads while a first sync is half done: the store is loading in bulk, without its
     * listing indexes (decision 0054), so these are the slowest reads of the sync.
     */
    private static void duringFirstSync(Path file, List<Change> rows) {
        UUID me = me();
        try (LocalStore half = LocalStore.open(file, Features.STORE_RULES)) {
            for (int i = 0; i < rows.size() / 2; i += PAGE) {
                half.applyPage(rows.subList(i, Math.min(rows.size(), i + PAGE)), "c" + i, true);
            }
            System.out.printf(Locale.ROOT, "half way through a first sync (%,d rows):%n", rows.size() / 2);
            Inbox inbox = new Inbox(half);
            time("inbox, active (the default)", () -> inbox.list(InboxFilter.active(), me));
            time("search, a common word (\"shift\")", () -> inbox.list(search("shift"), me));
            UUID busiest = busiest(half);
            time("thread, newest 60 lines", () -> new Threads(half).page(busiest, null, 60));
        }
    }

    /** The conversation with the most messages. */
    private static UUID busiest(LocalStore store) {
        return UUID.fromString(store.query(
                        "select parent from current where entity = 'message' group by parent order by count(*) desc limit 1",
                        List.of(),
                        rs -> rs.getString(1))
                .getFirst());
    }

    private static UUID me() {
        return UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    }

    private static InboxFilter search(String text) {
        return new InboxFilter(Set.of(), InboxFilter.Assignment.ANYONE, null, null, text);
    }

    /** Runs a read five times after two warm-ups; prints the median and the slowest. */
    private static <T> T time(String what, Supplier<T> read) {
        T result = null;
        for (int i = 0; i < 2; i++) {
            result = read.get();
        }
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            result = read.get();
            ms[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(ms);
        String size = result instanceof List<?> l
                ? l.size() + " rows"
                : result instanceof ThreadPage p ? p.messages().size() + " lines" : "";
        System.out.printf(
                Locale.ROOT,
                "  %-42s median %7.1f ms, max %7.1f ms  (%s)%n",
                what,
                ms[2] / 1000.0,
                ms[4] / 1000.0,
                size);
        return result;
    }

    /** Wall-clock and CPU time of the measuring thread for one run. */
    private record Measured(long wallNanos, long cpuNanos) {
        double rate(int rows) {
            return rows / (wallNanos / 1e9);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The same JSON rows into a plain table in one transaction per page: the floor for writing them here. */
    private static Measured rawInsert(Path file, List<Change> rows) throws Exception {
        var cpu = ManagementFactory.getThreadMXBean();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("pragma journal_mode = wal");
            s.execute("pragma synchronous = full");
            s.execute("create table rows (entity text, id text, version integer, data text, unique (entity, id))");
            var mapper = com.recruitdesk.protocol.Json.newMapper();
            long t0 = System.nanoTime();
            long cpu0 = cpu.getCurrentThreadCpuTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into rows values (?, ?, ?, ?)")) {
                for (int i = 0; i < rows.size(); i++) {
                    Change ch = rows.get(i);
                    ps.setString(1, ch.entity());
                    ps.setString(2, ch.id().toString());
                    ps.setLong(3, ch.version());
                    ps.setString(4, mapper.writeValueAsString(ch.data()));
                    ps.executeUpdate();
                    if (i % PAGE == PAGE - 1) {
                        c.commit();
                    }
                }
            }
            c.commit();
            return new Measured(System.nanoTime() - t0, cpu.getCurrentThreadCpuTime() - cpu0);
        }
    }

    private static List<Change> dataset(int messages, int conversations, Random random, Instant now) {
        List<Change> rows = new ArrayList<>();
        UUID me = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
        UUID account = UUID.randomUUID();
        String[] statuses = {"new", "open", "pending_form", "pending_photo", "needs_attention", "closed", "archived"};
        List<UUID> convs = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            UUID person = UUID.randomUUID();
            String first = i % 97 == 0 ? "Nomvula" : "Person" + i;
            rows.add(change(
                    "candidate",
                    person,
                    JSON.objectNode()
                            .put("fullName", first + " Surname" + (i % 500))
                            .put("whatsappId", "+2782" + String.format(Locale.ROOT, "%07d", i))
                            .put("source", "whatsapp")));
            if (i % 5 == 0) {
                rows.add(change(
                        "candidateTag",
                        UUID.randomUUID(),
                        JSON.objectNode()
                                .put("candidateId", person.toString())
                                .put("tag", i % 10 == 0 ? "vip" : "night-shift")
                                .put("createdAt", at(now))));
            }
            UUID conv = UUID.randomUUID();
            convs.add(conv);
            ObjectNode c = JSON.objectNode()
                    .put("candidateId", person.toString())
                    .put("whatsappAccountId", account.toString())
                    .put("status", statuses[i % statuses.length])
                    .put("unreadCount", i % 3)
                    .put("lastMessagePreview", "last words " + i)
                    .put("lastMessageAt", at(now.minusSeconds(60L * i)))
                    .put("lastInboundAt", at(now.minusSeconds(60L * i)));
            if (i % 4 == 0) {
                c.put("assignedUserId", me.toString());
            }
            rows.add(change("conversation", conv, c));
        }
        for (int m = 0; m < messages; m++) {
            // A few busy threads and a long tail, like a real inbox.
            int which = (int) Math.min(conversations - 1, Math.abs(random.nextGaussian()) * conversations / 3);
            StringBuilder text = new StringBuilder();
            int words = 3 + random.nextInt(18);
            for (int w = 0; w < words; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            if (m % 20_000 == 7) {
                text.append(" zanzibar");
            }
            boolean inbound = random.nextBoolean();
            ObjectNode msg = JSON.objectNode()
                    .put("conversationId", convs.get(which).toString())
                    .put("whatsappAccountId", account.toString())
                    .put("direction", inbound ? "inbound" : "outbound")
                    .put("type", "text")
                    .put("senderType", inbound ? "candidate" : "user")
                    .put("body", text.toString())
                    .put("sentAt", at(now.minusSeconds(messages - m)))
                    .put("providerMessageId", "wamid.BENCH" + m);
            if (!inbound) {
                msg.put("status", "read").put("senderUserId", me.toString());
            }
            rows.add(change("message", UUID.randomUUID(), msg));
        }
        return rows;
    }

    private static Change change(String entity, UUID id, ObjectNode data) {
        data.put("id", id.toString()).put("version", 1).put("organizationId", "e7fd5b39-1777-4790-966d-4ccd272e59a4");
        return new Change(entity, id, Change.UPSERT, 1, data);
    }

    private static String at(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toString();
    }
}
