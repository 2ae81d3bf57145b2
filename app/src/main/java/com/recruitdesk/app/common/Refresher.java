package com.recruitdesk.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads off the UI thread and shows the result on it, coalescing requests: asked again while a read
 * runs, it reads once more when that one ends, so a burst of store changes (a sync page) costs at
 * most two reads and the newest data always wins.
 */
public final class Refresher<T> {
    private final TaskExecutor tasks;
    private final Callable<T> read;
    private final Consumer<T> show;
    private final Consumer<Throwable> failed;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public Refresher(TaskExecutor tasks, Callable<T> read, Consumer<T> show, Consumer<Throwable> failed) {
        this.tasks = tasks;
        this.read = read;
        this.show = show;
        this.failed = failed;
    }

    /** Asks for a read; safe from any thread. */
    public void request() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        tasks.run(
                read,
                result -> {
                    show.accept(result);
                    done();
                },
                error -> {
                    failed.accept(error);
                    done();
                });
    }

    private void done() {
        running.set(false);
        if (again.getAndSet(false)) {
            request();
        }
    }
}
