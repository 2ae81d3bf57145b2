package com.recruitdesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class LoginThrottleTest {
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.withoutDemo();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void fail(String email, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(server.login(email, "wrong-" + i).status()).isEqualTo(401);
        }
    }

    @Test
    void repeatedFailuresForOneAccountThrottleEvenTheRightPassword() {
        fail(TestServer.RECRUITER, LoginThrottle.MAX_PER_ACCOUNT);

        Api.Reply reply = server.login(TestServer.RECRUITER, TestServer.PASSWORD);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.errorCode()).isEqualTo("too_many_requests");
        long retryAfter = Long.parseLong(reply.headers().get("Retry-After"));
        assertThat(retryAfter).isBetween(1L, LoginThrottle.WINDOW.toSeconds() + 1);
        // Another account from the same address is not locked by this one's failures.
        assertThat(server.login("manager@demo.test", TestServer.PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void fiftyParallelWrongPasswordsReachTheHashOnlyAsOftenAsTheLimitAllows() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String guess = "guess-" + i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return server.login(TestServer.RECRUITER, guess).status();
                }));
            }
            start.countDown();
            java.util.Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
            for (var reply : replies) {
                byStatus.merge(reply.get(), 1, Integer::sum);
            }

            // Each 401 is a guess checked against the hash; the rest were refused before it.
            assertThat(byStatus.getOrDefault(401, 0)).isLessThanOrEqualTo(LoginThrottle.MAX_PER_ACCOUNT);
            assertThat(byStatus.getOrDefault(429, 0) + byStatus.getOrDefault(503, 0))
                    .isGreaterThanOrEqualTo(50 - LoginThrottle.MAX_PER_ACCOUNT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void throttleLiftsOnceTheWindowHasPassed() {
        fail(TestServer.RECRUITER, LoginThrottle.MAX_PER_ACCOUNT);
        assertThat(server.login(TestServer.RECRUITER, TestServer.PASSWORD).status())
                .isEqualTo(429);

        server.clock.advance(LoginThrottle.WINDOW.plus(Duration.ofSeconds(1)));

        assertThat(server.login(TestServer.RECRUITER, TestServer.PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void unknownEmailsAreThrottledLikeKnownOnes() {
        fail("ghost@demo.test", LoginThrottle.MAX_PER_ACCOUNT);

        assertThat(server.login("ghost@demo.test", "anything").status()).isEqualTo(429);
    }

    @Test
    void manyAccountsTriedFromOneAddressThrottleThatAddress() {
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            fail("spray" + i + "@demo.test", 1);
        }

        Api.Reply reply = server.login(TestServer.RECRUITER, TestServer.PASSWORD);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers().get("Retry-After")).isNotBlank();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        fail(TestServer.RECRUITER, LoginThrottle.MAX_PER_ACCOUNT - 1);
        assertThat(server.login(TestServer.RECRUITER, TestServer.PASSWORD).status())
                .isEqualTo(200);

        fail(TestServer.RECRUITER, LoginThrottle.MAX_PER_ACCOUNT - 1);

        assertThat(server.login(TestServer.RECRUITER, TestServer.PASSWORD).status())
                .isEqualTo(200);
    }
}
