package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One read answers every request for the same page that came while the read before it ran. */
class SharedReadsTest {
    private final SharedReads<SharedReads.PullKey, String> pulls = new SharedReads<>();
    private final UUID user = UUID.randomUUID();
    private final SharedReads.PullKey key = new SharedReads.PullKey(user, "", 500);

    @Test
    void requestsDuringARunningReadShareTheNextReadWhichBeginsAfterThem() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = threads.submit(() -> pulls.read(key, () -> {
                int n = reads.incrementAndGet();
                firstStarted.countDown();
                releaseFirst.await(10, TimeUnit.SECONDS);
                return "read " + n;
            }));
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();

            List<Future<String>> later = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                later.add(threads.submit(() -> pulls.read(key, () -> "read " + reads.incrementAndGet())));
            }
            // Every later request is waiting before the first read ends (they joined the next read).
            waitUntil(() -> pulls.waitingForNext(key) == 50);
            assertThat(later).noneMatch(Future::isDone);
            assertThat(reads).hasValue(1);
            releaseFirst.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("read 1");
            for (Future<String> f : later) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("read 2");
            }
        }
        assertThat(reads).hasValue(2);
        assertThat(pulls.running()).isZero();
    }

    @Test
    void differentReadersOrCursorsNeverShareAPage() throws Exception {
        assertThat(pulls.read(key, () -> "mine")).isEqualTo("mine");
        assertThat(pulls.read(new SharedReads.PullKey(UUID.randomUUID(), "", 500), () -> "someone else's"))
                .isEqualTo("someone else's");
        assertThat(pulls.read(new SharedReads.PullKey(user, "djI6MTox", 500), () -> "another cursor"))
                .isEqualTo("another cursor");
        assertThat(pulls.read(new SharedReads.PullKey(user, "", 10), () -> "another limit"))
                .isEqualTo("another limit");
    }

    @Test
    void aFailedReadFailsItsRequestsAndTheNextReadRunsAfresh() throws Exception {
        assertThatThrownBy(() -> pulls.read(key, () -> {
                    throw new java.sql.SQLException("connection lost");
                }))
                .isInstanceOf(java.sql.SQLException.class)
                .hasMessage("connection lost");
        assertThat(pulls.read(key, () -> "fine")).isEqualTo("fine");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
