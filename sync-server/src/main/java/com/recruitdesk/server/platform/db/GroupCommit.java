package com.recruitdesk.server.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit (decisions 0033 and 0046): callers' work is queued and a few committer threads apply
 * what is queued together, in one transaction, committing once and only then answering every caller
 * of the batch. A committer takes the first member waiting, then whatever else arrives within the
 * window, up to a total weight. A batch whose transaction fails as a whole is applied again member
 * by member, so one member's trouble never fails another's; alone, the member's caller gets the
 * fault. How a member fails alone inside a batch (a savepoint each) is the work's business.
 *
 * <p>When callers announce their members while these are still on their way ({@link #expect}, e.g.
 * a request whose body is being read), a batch waits within the window only for members announced
 * and not yet submitted, and one committer gathers at a time (decision 0056): with nothing more on
 * its way the batch starts at once, and members arriving together are not split between committers.
 *
 * @param <T> what a caller submits
 * @param <R> its answer, known once the batch is durable
 */
public final class GroupCommit<T, R> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** How often a batch waiting for announced members looks whether any is still on its way. */
    private static final long SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(250);

    /** Applies one batch's members, in order, on the batch's transaction; one answer per member. */
    @FunctionalInterface
    public interface Work<T, R> {
        List<R> apply(Connection c, List<T> members) throws SQLException;
    }

    /**
     * How batches are made: {@code what} names the members in logs and threads ("pushes"); a batch
     * stops taking members past {@code maxWeight}; a batch failing with a fault {@code again} accepts
     * is applied again whole, up to {@code retries} times, before it is split. With {@code announced},
     * callers announce members on their way and a batch waits only for those (decision 0056).
     */
    public record Settings<T>(
            String what,
            int committers,
            Duration window,
            int maxWeight,
            ToIntFunction<? super T> weight,
            Predicate<Exception> again,
            int retries,
            boolean announced) {}

    /**
     * A member on its way, announced by {@link #expect}; it stops counting once submitted or closed
     * (a request refused before it was submitted). Closing it twice is harmless.
     */
    public static final class Arrival implements AutoCloseable {
        private final AtomicInteger onTheWay;
        private final AtomicBoolean counted = new AtomicBoolean(true);

        private Arrival(AtomicInteger onTheWay) {
            this.onTheWay = onTheWay;
            onTheWay.incrementAndGet();
        }

        @Override
        public void close() {
            if (counted.compareAndSet(true, false)) {
                onTheWay.decrementAndGet();
            }
        }
    }

    private record Pending<T, R>(T member, CompletableFuture<R> done) {}

    private final Database database;
    private final Settings<T> settings;
    private final Work<T, R> work;
    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running = true;
    /** Members announced and not yet submitted. */
    private final AtomicInteger onTheWay = new AtomicInteger();
    /** Held by the committer gathering a batch, when members are announced: the others wait their turn. */
    private final ReentrantLock gathering = new ReentrantLock();

    public GroupCommit(Database database, Settings<T> settings, Work<T, R> work) {
        this.database = database;
        this.settings = settings;
        this.work = work;
        for (int i = 0; i < settings.committers(); i++) {
            committers.add(Thread.ofPlatform()
                    .daemon()
                    .name(settings.what() + "-commit-" + i)
                    .start(this::commitLoop));
        }
    }

    /**
     * Applies {@code member} in the next batch and answers once that batch is durable; throws
     * {@link SQLException} for a fault of the database, having applied nothing of it.
     */
    public R submit(T member) throws SQLException {
        return submit(member, null);
    }

    /** Announces a member on its way: a batch being gathered waits for it (within the window) until it is submitted. */
    public Arrival expect() {
        return new Arrival(onTheWay);
    }

    /** As {@link #submit(Object)}, for the member {@code arrival} announced (null if none). */
    public R submit(T member, Arrival arrival) throws SQLException {
        Pending<T, R> pending = new Pending<>(member, new CompletableFuture<>());
        if (arrival != null) {
            // Before queueing, so a batch that takes it sees it is in: at worst, one closing that very
            // instant leaves it to the next batch, but no batch waits for it once it is queued.
            arrival.close();
        }
        if (!running) {
            throw new SQLException("the server is stopping", "57P01");
        }
        queue.add(pending);
        try {
            return pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the " + settings.what() + " were applied", "57014", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("applying the " + settings.what() + " failed", e.getCause());
        }
    }

    private void commitLoop() {
        while (running || !queue.isEmpty()) {
            List<Pending<T, R>> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                continue; // close() interrupts only to stop waiting: the loop drains what is left, then ends
            }
            if (!batch.isEmpty()) {
                commit(batch, settings.retries());
            }
        }
    }

    /** The next batch: whatever is queued, plus what arrives within the window, up to the weight limit. */
    private List<Pending<T, R>> nextBatch() throws InterruptedException {
        if (!settings.announced()) {
            return gather();
        }
        gathering.lockInterruptibly();
        try {
            return gather();
        } finally {
            gathering.unlock();
        }
    }

    private List<Pending<T, R>> gather() throws InterruptedException {
        List<Pending<T, R>> batch = new ArrayList<>();
        Pending<T, R> first = running ? queue.poll(1, TimeUnit.SECONDS) : queue.poll();
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int weight = settings.weight().applyAsInt(first.member());
        long deadline = System.nanoTime() + settings.window().toNanos();
        while (weight < settings.maxWeight()) {
            Pending<T, R> next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (settings.announced() && onTheWay.get() == 0)) {
                    break; // the window is over, or nothing more is on its way
                }
                try {
                    // In slices when members are announced: one refused on its way is noticed soon.
                    next = queue.poll(settings.announced() ? Math.min(left, SLICE_NANOS) : left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    break; // close() stops the gathering, not the batch: its members are taken and must be answered
                }
                if (next == null) {
                    continue;
                }
            }
            batch.add(next);
            weight += settings.weight().applyAsInt(next.member());
        }
        return batch;
    }

    private void commit(List<Pending<T, R>> batch, int retries) {
        try {
            List<T> members = batch.stream().map(Pending::member).toList();
            List<R> results =
                    database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> work.apply(c, members));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            if (retries > 0 && settings.again().test(e)) {
                commit(batch, retries - 1);
                return;
            }
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            LOG.info(
                    "A batch of {} {} failed as a whole ({}); applying them one by one",
                    batch.size(),
                    settings.what(),
                    e.getMessage());
            batch.forEach(pending -> commit(List.of(pending), settings.retries()));
        } catch (Error e) {
            // Answer the callers and keep this committer alive: a dead one would leave callers waiting.
            LOG.error("A batch of {} {} failed", batch.size(), settings.what(), e);
            batch.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    /** Members queued and not yet taken into a batch. */
    public int waiting() {
        return queue.size();
    }

    /** Stops taking members; those queued are still applied and answered. */
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
