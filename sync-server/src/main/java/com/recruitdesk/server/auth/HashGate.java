package com.recruitdesk.server.auth;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.server.platform.http.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets only a few password hashes run at once. Each Argon2 hash takes 16 MiB and a good part of a
 * core (decision 0003), so a flood of sign-ins from anyone could otherwise exhaust the server's
 * memory; a caller that cannot start within {@code wait} is answered 503 with {@code Retry-After}
 * before any hash is computed. Virtual threads make waiting cheap.
 */
final class HashGate {
    /** Twice the cores: hashing is CPU-bound, so more at once would only queue inside the CPU. */
    static final int DEFAULT_PERMITS = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private final Semaphore permits;
    private final Duration wait;

    HashGate(int permits, Duration wait) {
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
    }

    <T> T run(Supplier<T> hash) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(
                    503,
                    ErrorCodes.NOT_READY,
                    "The server is busy signing people in; try again in a few seconds.",
                    Map.of("Retry-After", "2"));
        }
        try {
            return hash.get();
        } finally {
            permits.release();
        }
    }
}
