package com.recruitdesk.app.sync;

import java.time.Duration;

/**
 * How often the engine pulls without a poke, how it backs off while the server is unreachable, and
 * how many changes a pull page asks for: {@code firstSyncPageSize} while a first sync reads its
 * snapshot (large pages, each applied in one transaction, decision 0044), {@code pageSize} after.
 */
public record SyncSettings(
        Duration pullInterval, Duration minBackoff, Duration maxBackoff, int pageSize, int firstSyncPageSize) {
    /** The server's largest page. */
    public static final int FIRST_SYNC_PAGE_SIZE = 5_000;

    /** Settings whose first sync pages as every later pull does. */
    public SyncSettings(Duration pullInterval, Duration minBackoff, Duration maxBackoff, int pageSize) {
        this(pullInterval, minBackoff, maxBackoff, pageSize, pageSize);
    }

    public static SyncSettings standard() {
        return new SyncSettings(
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(30), 500, FIRST_SYNC_PAGE_SIZE);
    }
}
