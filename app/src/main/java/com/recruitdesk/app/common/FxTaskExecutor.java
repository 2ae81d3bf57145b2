package com.recruitdesk.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Background work on virtual threads; results handed to the JavaFX application thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ui-task-", 0).factory());

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (background.isShutdown()) {
            return; // the app is closing: nothing will show the result
        }
        try {
            execute(work, onSuccess, onFailure);
        } catch (RejectedExecutionException e) {
            // closed between the check and the call: the same
        }
    }

    private <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        background.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
