package com.recruitdesk.app.sync;

import java.time.Instant;

/**
 * What the sync engine is doing, as the status bar shows it. {@code total} is known only during a
 * first sync; {@code received} counts the changes received in it so far.
 */
public record SyncStatus(
        State state, int pending, String lastError, Instant lastSyncAt, boolean firstSync, long received, long total) {

    public enum State {
        STARTING,
        SYNCING,
        ONLINE,
        OFFLINE,
        SIGNED_OUT
    }

    public static SyncStatus starting(int pending) {
        return new SyncStatus(State.STARTING, pending, null, null, false, 0, 0);
    }

    /** Progress of the first sync from 0 to 1, or -1 when unknown. */
    public double progress() {
        if (!firstSync) {
            return -1;
        }
        return total <= 0 ? -1 : Math.min(1.0, (double) received / total);
    }

    SyncStatus with(State s) {
        return new SyncStatus(s, pending, lastError, lastSyncAt, firstSync, received, total);
    }

    SyncStatus withPending(int p) {
        return new SyncStatus(state, p, lastError, lastSyncAt, firstSync, received, total);
    }

    SyncStatus withError(String e) {
        return new SyncStatus(state, pending, e, lastSyncAt, firstSync, received, total);
    }

    SyncStatus synced(Instant at) {
        return new SyncStatus(State.ONLINE, pending, lastError, at, false, received, total);
    }

    SyncStatus progress(boolean first, long r, long t) {
        return new SyncStatus(state, pending, lastError, lastSyncAt, first, r, t);
    }
}
