package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pushed mutations exactly once, with group commit (decision 0033). Pushes that arrive
 * together are applied by a few committer threads in shared transactions: a committer takes what is
 * queued (waiting at most {@link #WINDOW} for more, up to {@link #MAX_MUTATIONS}), applies each push's
 * mutations in order, each under its own savepoint ({@link MutationApplier}), commits once, and only
 * then answers every push in the batch. One durable commit per batch instead of one per mutation is
 * what makes a push of hundreds of mutations fast. A push's next batch starts only after its
 * answer, so one client's mutations keep their order across batches. A batch whose transaction fails
 * as a whole (the database away, a deadlock between batches) is applied again push by push, so one
 * push's trouble never fails another's.
 */
public final class PushService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PushService.class);
    /** How long a committer waits for more pushes to join a batch: short next to a durable commit. */
    static final Duration WINDOW = Duration.ofMillis(2);
    /** A batch stops taking pushes past this many mutations, so no transaction grows without bound. */
    static final int MAX_MUTATIONS = 2_000;

    static final int COMMITTERS = 2;
    /** How often a batch is applied again after another push recorded one of its mutations first. */
    private static final int CLASH_RETRIES = 3;

    private final Database database;
    private final MutationApplier applier;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running = true;

    public PushService(Database database, Mutators mutators, ObjectMapper mapper, Clock clock) {
        this.database = database;
        this.applier = new MutationApplier(mutators, mapper, clock);
        for (int i = 0; i < COMMITTERS; i++) {
            committers.add(Thread.ofPlatform().daemon().name("push-commit-" + i).start(this::commitLoop));
        }
    }

    /** One push waiting for its batch: its answers complete after the batch's commit. */
    private record Pending(
            Principal principal,
            List<Mutation> mutations,
            String address,
            CompletableFuture<List<MutationResult>> done) {}

    /**
     * Applies one push's mutations in order and answers once they are durable; throws
     * {@link SQLException} only for faults worth retrying (the database away), having applied none.
     */
    public List<MutationResult> apply(Principal principal, List<Mutation> mutations) throws SQLException {
        return apply(principal, mutations, null);
    }

    /** As {@link #apply(Principal, List)}, for a push from {@code address} (kept in the activity log). */
    public List<MutationResult> apply(Principal principal, List<Mutation> mutations, String address)
            throws SQLException {
        if (mutations.isEmpty()) {
            return List.of();
        }
        Pending pending = new Pending(principal, new ArrayList<>(mutations), address, new CompletableFuture<>());
        if (!running) {
            throw new SQLException("the server is stopping", "57P01");
        }
        queue.add(pending);
        try {
            return pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the push was applied", "57014", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("the push failed", e.getCause());
        }
    }

    private void commitLoop() {
        while (running || !queue.isEmpty()) {
            List<Pending> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                continue; // close() interrupts only to stop waiting: the loop drains what is left, then ends
            }
            if (!batch.isEmpty()) {
                commit(batch);
            }
        }
    }

    /** The next batch: whatever is queued, plus what arrives within the window, up to the size limit. */
    private List<Pending> nextBatch() throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        Pending first = running ? queue.poll(1, TimeUnit.SECONDS) : queue.poll();
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int size = first.mutations().size();
        long deadline = System.nanoTime() + WINDOW.toNanos();
        while (size < MAX_MUTATIONS) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            size += next.mutations().size();
        }
        return batch;
    }

    private void commit(List<Pending> batch) {
        commit(batch, CLASH_RETRIES);
    }

    /**
     * Applies {@code batch} in one transaction; the batch's answers, activity log and deferred row
     * writes are written at its end ({@link BatchWrites}). A mutation another push recorded first
     * (the same pushed twice at once) abandons the transaction; applied again, the batch finds the
     * other's answer, so up to {@code retries} times it is.
     */
    private void commit(List<Pending> batch, int retries) {
        try {
            List<List<MutationResult>> results = database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
                BatchWrites writes = applier.newBatch();
                List<List<MutationResult>> all = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    all.add(applier.applyAll(c, writes, pending.principal(), pending.mutations(), pending.address()));
                }
                writes.writeAll(c);
                return all;
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            if (retries > 0 && e instanceof SQLException sql && BatchWrites.applyAgain(sql)) {
                commit(batch, retries - 1);
                return;
            }
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            LOG.info(
                    "A batch of {} pushes failed as a whole ({}); applying them one by one",
                    batch.size(),
                    e.getMessage());
            batch.forEach(pending -> commit(List.of(pending)));
        } catch (Error e) {
            // Answer the callers and keep this committer alive: a dead one would leave pushes waiting.
            LOG.error("A batch of {} pushes failed", batch.size(), e);
            batch.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    /** Pushes queued and not yet taken into a batch. */
    public int waiting() {
        return queue.size();
    }

    /** Stops taking pushes; those queued are still applied and answered. */
    @Override
    public void close() {
        running = false;
        committers.forEach(Thread::interrupt);
        for (Thread committer : committers) {
            try {
                committer.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
