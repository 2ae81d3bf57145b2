package com.recruitdesk.app.sync;

import java.time.Duration;

/** How often the engine pulls without a poke, and how it backs off while the server is unreachable. */
public record SyncSettings(Duration pullInterval, Duration minBackoff, Duration maxBackoff, int pageSize) {
    public static SyncSettings standard() {
        return new SyncSettings(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(30), 500);
    }
}
