package com.recruitdesk.protocol.sync;

/**
 * Which of two changes of one row is the newer; the server picks a page's change of each row by it
 * and the desktop applies a change only when it is newer than what it holds (a row or a tombstone).
 *
 * <p>The higher version wins. At the same version the later feed entry wins ({@code seq}): every
 * entry about a row is written while its writer holds that row's lock (the row's own change, or a
 * grant or revocation that locks it first), so for one row the feed's sequence follows commit order
 * even where transaction ids do not. That orders a delete after the upsert it removes, and a grant
 * after a revocation of the same version. Decision 0023.
 */
public final class ChangeOrder {
    private ChangeOrder() {}

    /** True when the change ({@code version}, {@code seq}) is newer than ({@code thanVersion}, {@code thanSeq}). */
    public static boolean newer(long version, long seq, long thanVersion, long thanSeq) {
        return version != thanVersion ? version > thanVersion : seq > thanSeq;
    }

    public static boolean newer(Change change, Change than) {
        return newer(change.version(), change.seq(), than.version(), than.seq());
    }
}
