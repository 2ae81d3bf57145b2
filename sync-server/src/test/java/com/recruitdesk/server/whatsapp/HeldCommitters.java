package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Makes webhook batches certain (decisions 0046, 0051): both committers are held on a locked
 * conversation that a webhook of theirs bumps, so what is posted meanwhile queues, in the order
 * posted, and goes into one batch once the first is let go.
 */
final class HeldCommitters {
    private static final long NOW = Instant.now().getEpochSecond();

    private HeldCommitters() {}

    /**
     * Posts {@code bodies} so that they are applied in one batch, in this order; their answers, in
     * the same order. {@code waIdA} and {@code waIdB} are two people, new to the test, whose
     * conversations hold the committers.
     */
    static List<Api.Reply> inOneBatch(CloudApiWorld world, String waIdA, String waIdB, List<String> bodies)
            throws Exception {
        UUID first = conversationAfterText(world, waIdA, "wamid.held." + waIdA + ".1");
        UUID second = conversationAfterText(world, waIdB, "wamid.held." + waIdB + ".1");
        try (RowLock firstLock = new RowLock(world, first);
                RowLock secondLock = new RowLock(world, second)) {
            var blockedFirst = post(world, text(waIdA, "wamid.held." + waIdA + ".2", "Still there?"));
            awaitLockWaits(world, 1);
            var blockedSecond = post(world, text(waIdB, "wamid.held." + waIdB + ".2", "Hello?"));
            awaitLockWaits(world, 2);
            List<CompletableFuture<Api.Reply>> posted = new ArrayList<>();
            for (String body : bodies) {
                posted.add(post(world, body));
                int queued = posted.size();
                Eventually.await(
                        Duration.ofSeconds(30),
                        queued + " webhooks to be queued",
                        () -> world.server.server.webhooksWaiting() == queued);
            }
            firstLock.release(); // the first committer takes every body queued into its next batch
            assertThat(blockedFirst.get().status()).isEqualTo(200);
            List<Api.Reply> replies = new ArrayList<>();
            for (CompletableFuture<Api.Reply> reply : posted) {
                replies.add(reply.get());
            }
            secondLock.release();
            assertThat(blockedSecond.get().status()).isEqualTo(200);
            return replies;
        }
    }

    static String text(String waId, String wamid, String body) {
        return text(waId, wamid, NOW, body);
    }

    static String text(String waId, String wamid, long at, String body) {
        return MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.messageValue(waId, "Candidate " + waId, MetaPayloads.text(waId, wamid, at, body)));
    }

    static UUID conversationAfterText(CloudApiWorld world, String waId, String wamid) {
        Api.Reply reply = world.deliver(text(waId, wamid, "Hello"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return conversationOf(world, waId);
    }

    static UUID conversationOf(CloudApiWorld world, String waId) {
        return UUID.fromString(world.row(
                        "select c.id from conversations c join candidates p on p.id = c.candidate_id where p.whatsapp_id = ?",
                        "+" + waId)
                .path("id")
                .asText());
    }

    static CompletableFuture<Api.Reply> post(CloudApiWorld world, String body) {
        Supplier<Api.Reply> delivery = () -> world.deliver(body);
        return CompletableFuture.supplyAsync(
                delivery, task -> Thread.ofVirtual().start(task));
    }

    static void awaitLockWaits(CloudApiWorld world, int waiting) {
        Eventually.await(
                Duration.ofSeconds(30),
                waiting + " webhook batches to wait on a locked conversation",
                () -> world.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                + " and datname = current_database()")
                        == waiting);
    }

    /** A conversation's row locked in a transaction of the test's own until released. */
    static final class RowLock implements AutoCloseable {
        private final Connection c;
        private boolean released;

        RowLock(CloudApiWorld world, UUID conversation) throws SQLException {
            c = SyncFixture.connect(world.server.database);
            c.setAutoCommit(false);
            SyncFixture.insert(c, "select id from conversations where id = ? for update", conversation);
        }

        void release() throws SQLException {
            if (!released) {
                released = true;
                c.rollback();
                c.close();
            }
        }

        @Override
        public void close() throws SQLException {
            release();
        }
    }
}
