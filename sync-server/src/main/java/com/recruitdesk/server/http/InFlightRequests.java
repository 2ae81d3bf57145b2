package com.recruitdesk.server.http;

import java.time.Duration;

/**
 * Counts requests being handled so that shutdown can stop taking new ones, let those in flight
 * finish, and only then close the listener, the pool and the database.
 */
public final class InFlightRequests {
    private int active;
    private boolean draining;

    /** False once draining has begun: the caller must refuse the request. */
    public synchronized boolean enter() {
        if (draining) {
            return false;
        }
        active++;
        return true;
    }

    public synchronized void exit() {
        active--;
        notifyAll();
    }

    public synchronized int active() {
        return active;
    }

    /** Refuses new requests and waits up to {@code timeout} for those in flight; true if all finished. */
    public synchronized boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (active > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
