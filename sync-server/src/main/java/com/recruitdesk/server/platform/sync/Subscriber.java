package com.recruitdesk.server.platform.sync;

import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * One connected desktop's outlet. Jetty takes one write per session at a time, so pokes are sent
 * one after another on a virtual thread of the subscriber's own, and a slow client never holds up
 * the others. Pokes that carry a page wait in order (decision 0052): each page starts where the one
 * before ended, so a desktop that falls behind by a few still applies every one without pulling.
 * A plain poke makes everything waiting before it moot (the desktop pulls up to its head); so do
 * more than {@link #MAX_WAITING} waiting carried pokes, which then give way to one plain poke of the newest
 * head, and the desktop pulls once.
 */
final class Subscriber {
    /** Carried pokes that may wait for one socket; one more and they become a plain poke. */
    static final int MAX_WAITING = 8;
    /** Sets the bound for sockets connected after; 1 is the behaviour before decision 0052 (the benchmark's baseline). */
    static final String MAX_WAITING_PROPERTY = "recruitdesk.pokes.maxWaiting";

    private static final long WRITE_TIMEOUT_SECONDS = 10;

    /** Where a subscriber's pokes go: a WebSocket, or a test's stand-in. */
    interface Outlet {
        String id();

        /** Sends one text message and waits until it is written; false when the socket is gone. */
        boolean send(String text);
    }

    final WsContext ctx;
    final java.util.UUID userId;
    final java.util.UUID organizationId;
    /** The user's access epoch, which the cursors in its pokes carry; raised when their access changes. */
    volatile long accessEpoch;

    private final Outlet outlet;
    private final Runnable onFailure;
    private final LongAdder fellBehind;
    /** Pokes not yet sent, oldest first; guarded by {@code this}, as is {@link #draining}. */
    private final ArrayDeque<String> waiting = new ArrayDeque<>();

    private final int maxWaiting = Integer.getInteger(MAX_WAITING_PROPERTY, MAX_WAITING);

    private boolean draining;

    Subscriber(
            WsContext ctx,
            Outlet outlet,
            java.util.UUID userId,
            java.util.UUID organizationId,
            long accessEpoch,
            Runnable onFailure,
            LongAdder fellBehind) {
        this.ctx = ctx;
        this.outlet = outlet;
        this.userId = userId;
        this.organizationId = organizationId;
        this.accessEpoch = accessEpoch;
        this.onFailure = onFailure;
        this.fellBehind = fellBehind;
    }

    /** The outlet of a Jetty WebSocket session. */
    static Outlet outlet(WsContext ctx) {
        return new Outlet() {
            @Override
            public String id() {
                return ctx.sessionId();
            }

            @Override
            public boolean send(String text) {
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
        };
    }

    /** A plain poke: the desktop pulls up to its cursor, so nothing waiting before it matters any more. */
    void offer(String plain) {
        synchronized (this) {
            waiting.clear();
            waiting.addLast(plain);
        }
        drain();
    }

    /**
     * A poke that carries the page after the previous one; {@code plain} is the plain poke of the
     * same head, sent instead when too many are waiting already.
     */
    void offerCarried(String carried, Supplier<String> plain) {
        synchronized (this) {
            if (waiting.size() >= maxWaiting) {
                waiting.clear();
                waiting.addLast(plain.get());
                fellBehind.increment();
            } else {
                waiting.addLast(carried);
            }
        }
        drain();
    }

    /** How many pokes wait to be sent. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void drain() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        Thread.ofVirtual().name("poke-" + outlet.id()).start(this::send);
    }

    private void send() {
        while (true) {
            String text;
            synchronized (this) {
                text = waiting.pollFirst();
                if (text == null) {
                    draining = false;
                    return;
                }
            }
            if (!outlet.send(text)) {
                onFailure.run(); // still "draining": a dead socket starts no more writers
                return;
            }
        }
    }
}
