package com.recruitdesk.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where background work runs and where its results land. The app's implementation runs work on a
 * background thread and hands results to the JavaFX thread; tests use {@link DirectTaskExecutor},
 * which does both at once on the calling thread.
 */
public interface TaskExecutor {
    /** Runs {@code work} off the UI thread, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (later, unless already there and the implementation allows). */
    void onUi(Runnable action);
}
