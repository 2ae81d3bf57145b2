package com.recruitdesk.app.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.pipelines.PipelinesViewModel;
import com.recruitdesk.app.pipelines.data.Board;
import com.recruitdesk.app.pipelines.data.Card;
import com.recruitdesk.app.pipelines.data.Detail;
import com.recruitdesk.app.pipelines.data.JobItem;
import com.recruitdesk.app.pipelines.data.PipelineCommands;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.support.TempDirs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The Pipelines board at scale: a store with {@code applications} applications (default 5,000) on one
 * job — each with its person and two timeline entries — beside four other jobs' 1,000 each, filled
 * through the pulled pages a first sync applies. Times opening the board (the store read plus filing
 * the cards into lanes, as the view model does) next to a bare scan of every application row in the
 * same store (the floor), then a move: the part that runs before the next frame (the card changing
 * lanes in the view model's lists), apart from the outbox write that follows off the UI thread.
 * {@code BoardBenchmark [applications] [dir]}.
 */
public final class BoardBenchmark {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> STAGES = PipelineMutations.STAGES;

    private BoardBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : TempDirs.create("board-bench");
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        UUID job = UUID.randomUUID();
        List<Change> rows = new ArrayList<>();
        rows.add(change(
                Entities.JOB, job, JSON.objectNode().put("title", "The big job").put("status", "open")));
        fill(rows, job, n, now);
        for (int j = 0; j < 4; j++) {
            UUID other = UUID.randomUUID();
            rows.add(change(
                    Entities.JOB,
                    other,
                    JSON.objectNode().put("title", "Job " + j).put("status", "open")));
            fill(rows, other, 1_000, now);
        }
        LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        for (int i = 0; i < rows.size(); i += 500) {
            store.applyPage(rows.subList(i, Math.min(rows.size(), i + 500)), "c" + i);
        }
        System.out.printf(Locale.ROOT, "%,d rows; the job has %,d applications%n", rows.size(), n);
        rows.clear();

        Board board = new Board(store);
        List<Runnable> later = new ArrayList<>(); // work the app runs off the UI thread, run after timing
        TaskExecutor inline = new TaskExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> failed) {
                later.add(() -> {
                    try {
                        ok.accept(work.call());
                    } catch (Exception e) {
                        failed.accept(e);
                    }
                });
            }

            @Override
            public void onUi(Runnable action) {
                action.run();
            }
        };
        PipelineCommands commands = new PipelineCommands(
                store,
                new com.recruitdesk.app.sync.Submitter() {
                    @Override
                    public <A extends Record> UUID submit(
                            com.recruitdesk.protocol.sync.MutationType<A> type,
                            A a,
                            List<LocalStore.Optimistic> optimistic,
                            List<UUID> uploads) {
                        return UUID.randomUUID();
                    }
                },
                UUID.randomUUID(),
                Clock.systemUTC());
        PipelinesViewModel vm = new PipelinesViewModel(board, new Detail(store), commands, inline, Clock.systemUTC());
        JobItem item = new JobItem(job, "The big job", "open", null, null, n, 1);
        long[] open = new long[7];
        for (int i = 0; i < open.length; i++) {
            vm.jobProperty().set(null);
            later.clear();
            long t = System.nanoTime();
            vm.jobProperty().set(item);
            later.forEach(Runnable::run); // the read, then filing into lanes
            later.clear();
            open[i] = System.nanoTime() - t;
        }
        // The first open runs before anything else has touched the store or warmed the JIT, as the
        // first open after the app starts does.
        System.out.printf(
                Locale.ROOT, "  %-54s          %8.2f ms%n", "board: first open in a fresh JVM (cold)", open[0] / 1e6);
        report("board: open again (read + file into lanes)", Arrays.copyOfRange(open, 2, 7));
        time(
                "floor: scan every application row",
                () -> store.query(
                        "select data from current where entity = ?",
                        List.of(Entities.APPLICATION),
                        rs -> rs.getString(1)));
        time("board: read the job's cards", () -> board.cards(job));

        long[] move = new long[200];
        for (int i = 0; i < move.length; i++) {
            Card card = vm.lane(STAGES.get(i % 4)).getFirst();
            long t = System.nanoTime();
            vm.move(List.of(card.id()), STAGES.get(i % 4 + 1));
            move[i] = System.nanoTime() - t;
            later.clear(); // the outbox write is not what the frame waits for
        }
        report("move: the card changes lanes (before the next frame)", Arrays.copyOfRange(move, 20, 200));
        System.out.printf(Locale.ROOT, "(a frame at 60 Hz is 16.7 ms)%n");
        store.close();
    }

    private static void fill(List<Change> rows, UUID job, int n, Instant now) {
        for (int i = 0; i < n; i++) {
            UUID person = UUID.randomUUID();
            UUID application = UUID.randomUUID();
            Instant applied = now.minusSeconds(3_600L * (i % 2_000));
            rows.add(change(
                    Entities.CANDIDATE,
                    person,
                    JSON.objectNode().put("fullName", "Candidate " + i).put("email", "c" + i + "@example.test")));
            rows.add(change(
                    Entities.APPLICATION,
                    application,
                    JSON.objectNode()
                            .put("jobId", job.toString())
                            .put("candidateId", person.toString())
                            .put("stage", STAGES.get(i % 6))
                            .put("matchScore", i % 100)
                            .put("mustHaveFailed", i % 17 == 0)
                            .put("appliedAt", applied.toString())
                            .put("version", 1)));
            for (int k = 0; k < 2; k++) {
                rows.add(change(
                        Entities.APPLICATION_TIMELINE,
                        UUID.randomUUID(),
                        JSON.objectNode()
                                .put("applicationId", application.toString())
                                .put("field", k == 0 ? "created" : "stage")
                                .put("createdAt", applied.plusSeconds(60L * k).toString())
                                .put("chainSeq", k + 1)));
            }
        }
    }

    private static Change change(String entity, UUID id, ObjectNode data) {
        data.put("id", id.toString());
        return new Change(entity, id, Change.UPSERT, 1, data);
    }

    private static <T> void time(String what, Callable<T> read) throws Exception {
        for (int i = 0; i < 2; i++) {
            read.call();
        }
        long[] ns = new long[5];
        for (int i = 0; i < ns.length; i++) {
            long t = System.nanoTime();
            read.call();
            ns[i] = System.nanoTime() - t;
        }
        report(what, ns);
    }

    private static void report(String what, long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "  %-54s median %8.2f ms, max %8.2f ms%n",
                what,
                sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
