package com.recruitdesk.server.platform.sync;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads asked for at once with the same key are read once (decision 0035), as pushes are committed
 * together. A poke sends every desktop of an organization to pull at the same moment, and one user's
 * desktops then ask for the same page from the same cursor (and 500 desktops connecting at once ask
 * for the same feed head): while one read for a key runs, the requests that arrive wait for the next
 * read, which begins after all of them arrived — so each gets an answer as fresh as one read for it
 * alone would have been — and share it.
 *
 * <p>The key must hold everything the answer depends on but the database's state: a page is keyed by
 * its reader ({@link PullKey}), never shared across people.
 */
final class SharedReads<K, V> {
    /** A page of the feed: its reader (roles, institutions, rows addressed to them), cursor and size. */
    record PullKey(UUID userId, String cursor, int limit) {}

    /** Reads one answer. */
    @FunctionalInterface
    interface Read<V> {
        V run() throws Exception;
    }

    /** One read and the requests it answers. */
    private static final class Batch<V> {
        final CompletableFuture<V> answer = new CompletableFuture<>();
        int requests = 1;
    }

    /** The read running for a key, and the one gathering the requests that came during it. */
    private static final class Lane<V> {
        Batch<V> running;
        Batch<V> next;
    }

    private final Map<K, Lane<V>> lanes = new ConcurrentHashMap<>();

    /** The answer for {@code key}, read by {@code read} once for every request waiting on the same read. */
    @SuppressWarnings("unchecked")
    V read(K key, Read<V> read) throws Exception {
        Batch<V>[] mine = new Batch[1];
        boolean[] lead = new boolean[1];
        lanes.compute(key, (k, lane) -> {
            if (lane == null) {
                lane = new Lane<>();
                lane.running = new Batch<>();
                mine[0] = lane.running;
                lead[0] = true;
            } else {
                if (lane.next == null) {
                    lane.next = new Batch<>();
                } else {
                    lane.next.requests++;
                }
                mine[0] = lane.next;
            }
            return lane;
        });
        if (lead[0]) {
            run(key, mine[0], read);
        }
        try {
            return mine[0].answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @SuppressWarnings("unchecked")
    private void run(K key, Batch<V> batch, Read<V> read) {
        try {
            batch.answer.complete(read.run());
        } catch (Exception | Error e) {
            batch.answer.completeExceptionally(e);
        }
        Batch<V>[] following = new Batch[1];
        lanes.compute(key, (k, lane) -> {
            lane.running = lane.next;
            lane.next = null;
            following[0] = lane.running;
            return lane.running == null ? null : lane;
        });
        if (following[0] != null) {
            // Its requests wait for it; it runs on a thread of its own so this request is answered now.
            Thread.ofVirtual().name("shared-read").start(() -> run(key, following[0], read));
        }
    }

    /** Keys with a read running; tests look. */
    int running() {
        return lanes.size();
    }

    /** How many requests wait for the read after the one running for {@code key}; tests look. */
    int waitingForNext(K key) {
        int[] n = new int[1];
        lanes.computeIfPresent(key, (k, lane) -> {
            n[0] = lane.next == null ? 0 : lane.next.requests;
            return lane;
        });
        return n[0];
    }
}
