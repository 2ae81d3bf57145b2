package com.recruitdesk.server.platform.tasks;

import java.time.Duration;

/** Waits that double with each failed attempt, up to a ceiling. */
public final class Backoff {
    private Backoff() {}

    /** {@code first} after the first failure, twice that after the second, … never above {@code max}. */
    public static Duration doubling(Duration first, int failures, Duration max) {
        Duration d = first.multipliedBy(1L << Math.clamp(failures - 1L, 0, 20));
        return d.compareTo(max) > 0 ? max : d;
    }
}
