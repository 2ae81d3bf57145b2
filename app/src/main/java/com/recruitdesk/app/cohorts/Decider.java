package com.recruitdesk.app.cohorts;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The review station's two background lines: decisions are queued on one thread, so they reach the
 * outbox (and the server) in the order they were made; pages are rendered on another, so a large PDF
 * never holds a decision up. Both threads are daemons and stop with the pane.
 */
final class Decider implements AutoCloseable {
    final ExecutorService writes = Executors.newSingleThreadExecutor(r -> daemon(r, "review-decisions"));
    final ExecutorService renders = Executors.newSingleThreadExecutor(r -> daemon(r, "review-pages"));

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        writes.shutdown();
        renders.shutdownNow();
    }
}
