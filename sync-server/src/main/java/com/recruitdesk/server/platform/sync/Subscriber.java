package com.recruitdesk.server.platform.sync;

import io.javalin.websocket.WsContext;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * One connected desktop's outlet. Jetty takes one write per session at a time, so pokes are sent
 * one after another on a virtual thread of the subscriber's own; a poke still waiting is replaced by
 * a newer one (only the newest head matters), so a slow client never holds up the others.
 */
final class Subscriber {
    private static final long WRITE_TIMEOUT_SECONDS = 10;

    final WsContext ctx;
    final java.util.UUID userId;
    final java.util.UUID organizationId;
    /** The user's access epoch, which the cursors in its pokes carry; raised when their access changes. */
    volatile long accessEpoch;

    private final AtomicReference<String> next = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Runnable onFailure;

    Subscriber(
            WsContext ctx, java.util.UUID userId, java.util.UUID organizationId, long accessEpoch, Runnable onFailure) {
        this.ctx = ctx;
        this.userId = userId;
        this.organizationId = organizationId;
        this.accessEpoch = accessEpoch;
        this.onFailure = onFailure;
    }

    void offer(String text) {
        next.set(text);
        if (draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("poke-" + ctx.sessionId()).start(this::drain);
        }
    }

    private void drain() {
        do {
            String text;
            while ((text = next.getAndSet(null)) != null) {
                if (!write(text)) {
                    onFailure.run();
                    return;
                }
            }
            draining.set(false);
        } while (next.get() != null && draining.compareAndSet(false, true));
    }

    private boolean write(String text) {
        if (!ctx.session.isOpen()) {
            return false;
        }
        Callback.Completable done = new Callback.Completable();
        try {
            ctx.session.sendText(text, done);
            done.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
