package com.recruitdesk.server.platform.tasks;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread a background task (a WhatsApp sender, a media download, a sync) runs on. Closing interrupts the task and waits
 * briefly: whatever it held is leased in the database, so another turn (or instance) picks it up.
 */
public final class BackgroundThread implements AutoCloseable {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ScheduledExecutorService executor;

    public BackgroundThread(String name) {
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
    }

    /** Runs {@code task} after {@code first}, then again {@code pause} after each run ends. */
    public void repeat(Duration first, Duration pause, Runnable task) {
        executor.scheduleWithFixedDelay(task, first.toMillis(), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} once, as soon as the thread is free. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
