package com.recruitdesk.server.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on a condition, polling, instead of sleeping for a fixed time. */
public final class Eventually {
    private Eventually() {}

    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
