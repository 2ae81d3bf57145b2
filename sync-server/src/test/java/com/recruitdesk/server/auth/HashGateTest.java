package com.recruitdesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.server.platform.http.ApiException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Password hashes (16 MiB each) run a few at a time; a flood waits briefly, then is told to come back. */
class HashGateTest {
    @Test
    void noMoreHashesRunAtOnceThanThePermits() throws Exception {
        HashGate gate = new HashGate(2, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[20];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = CompletableFuture.runAsync(() -> gate.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                new PasswordHasher().burnVerification("x");
                running.decrementAndGet();
                return true;
            }));
        }
        CompletableFuture.allOf(calls).get(60, TimeUnit.SECONDS);

        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void aCallThatCannotGetAPermitInTimeIsABusyAnswerNotAHash() throws Exception {
        HashGate gate = new HashGate(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            holding.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        holding.await(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> gate.run(() -> true)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.headers()).containsKey("Retry-After");
        });
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    }
}
