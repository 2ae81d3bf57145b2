package com.recruitdesk.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move forward by hand, to expire tokens and throttle windows without waiting. */
public final class MutableClock extends Clock {
    private volatile Instant now = Instant.now();
    private volatile boolean real;

    public void advance(Duration d) {
        if (real) {
            throw new IllegalStateException("This clock follows real time now; it cannot be moved by hand.");
        }
        now = now.plus(d);
    }

    /**
     * From now on the clock reads the real time: for a test of two server instances whose leases
     * must expire at the same moments for both (the second one runs on the system clock).
     */
    public void followRealTime() {
        real = true;
    }

    @Override
    public Instant instant() {
        return real ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
