package com.recruitdesk.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything at once on the calling thread: for view-model tests without a toolkit. */
public final class DirectTaskExecutor implements TaskExecutor {
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }
}
