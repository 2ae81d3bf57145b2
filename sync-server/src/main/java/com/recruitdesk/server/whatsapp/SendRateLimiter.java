package com.recruitdesk.server.whatsapp;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Paces sends per WhatsApp number: at most {@code perSecond} a second, evenly spaced, in this
 * server instance. Several instances each keep their own pace (set the rate per instance).
 */
final class SendRateLimiter {
    private final long intervalNanos;
    private final Map<UUID, Long> nextSlot = new HashMap<>();

    SendRateLimiter(int perSecond) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    /** Blocks until {@code account} may send again. */
    void acquire(UUID account) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot.getOrDefault(account, now));
            nextSlot.put(account, slot + intervalNanos);
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
