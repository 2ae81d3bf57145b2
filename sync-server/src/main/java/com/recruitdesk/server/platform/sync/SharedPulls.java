package com.recruitdesk.server.platform.sync;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulls of the same page by the same user are read once (decision 0035). A poke sends every desktop
 * of an organization to pull at the same moment, and one user's desktops (or one desktop's retries)
 * then ask for the same page from the same cursor: while one read of that page runs, the requests
 * that arrive wait for the next read, which begins after all of them arrived — so each gets a page as
 * fresh as one read for it alone would have been — and share its answer, serialized once.
 *
 * <p>Only the same user's requests share: the page depends on who reads (roles, institutions, the
 * rows addressed to them), and the user is read again inside each read's own snapshot, so a page is
 * never shared across people nor across a change of access.
 */
final class SharedPulls {
    /** What a page is read for: a page is a function of these and of the database's state. */
    record Key(UUID userId, String cursor, int limit) {}

    /** Reads one page and serializes it (the answer's body). */
    @FunctionalInterface
    interface Read {
        String run() throws Exception;
    }

    /** One read and the requests it answers. */
    private static final class Batch {
        final CompletableFuture<String> answer = new CompletableFuture<>();
        int requests = 1;
    }

    /** The read running for a key, and the one gathering the requests that came during it. */
    private static final class Lane {
        Batch running;
        Batch next;
    }

    private final Map<Key, Lane> lanes = new ConcurrentHashMap<>();

    /** The page for {@code key}, read by {@code read} once for every request waiting on the same read. */
    String pull(Key key, Read read) throws Exception {
        Batch[] mine = new Batch[1];
        boolean[] lead = new boolean[1];
        lanes.compute(key, (k, lane) -> {
            if (lane == null) {
                lane = new Lane();
                lane.running = new Batch();
                mine[0] = lane.running;
                lead[0] = true;
            } else {
                if (lane.next == null) {
                    lane.next = new Batch();
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

    private void run(Key key, Batch batch, Read read) {
        try {
            batch.answer.complete(read.run());
        } catch (Exception | Error e) {
            batch.answer.completeExceptionally(e);
        }
        Batch[] following = new Batch[1];
        lanes.compute(key, (k, lane) -> {
            lane.running = lane.next;
            lane.next = null;
            following[0] = lane.running;
            return lane.running == null ? null : lane;
        });
        if (following[0] != null) {
            // Its requests wait for it; it runs on a thread of its own so this request is answered now.
            Thread.ofVirtual().name("shared-pull").start(() -> run(key, following[0], read));
        }
    }

    /** Keys with a read running; tests look. */
    int running() {
        return lanes.size();
    }

    /** How many requests wait for the read after the one running for {@code key}; tests look. */
    int waitingForNext(Key key) {
        int[] n = new int[1];
        lanes.computeIfPresent(key, (k, lane) -> {
            n[0] = lane.next == null ? 0 : lane.next.requests;
            return lane;
        });
        return n[0];
    }
}
