package com.recruitdesk.server.whatsapp;

import static com.recruitdesk.server.whatsapp.HeldCommitters.awaitLockWaits;
import static com.recruitdesk.server.whatsapp.HeldCommitters.conversationAfterText;
import static com.recruitdesk.server.whatsapp.HeldCommitters.conversationOf;
import static com.recruitdesk.server.whatsapp.HeldCommitters.post;
import static com.recruitdesk.server.whatsapp.HeldCommitters.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.whatsapp.HeldCommitters.RowLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Decision 0046: webhooks posted at once share a transaction, a savepoint each. The batches are
 * made deterministic by holding the row lock of a conversation that a webhook's message bumps: the
 * committer applying it waits, and what is posted meanwhile queues for the next batch.
 */
@Tag("database")
class WebhookGroupCommitTest {
    private static CloudApiWorld world;

    @BeforeAll
    static void start() {
        world = CloudApiWorld.start();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void aWebhookFailingInABatchIsAnsweredAloneAndTheBatchsOthersAreStored() throws Exception {
        UUID first = conversationAfterText(world, "27830000001", "wamid.gc.a1");
        UUID second = conversationAfterText(world, "27830000002", "wamid.gc.b1");
        String good = text("27830000003", "wamid.gc.c1", "Good morning");
        String bad = text("27830000006", "wamid.gc.f1", "Fail me");
        // A text without its text object breaks messages_text_has_body: it can never be stored.
        String broken = text("27830000005", "wamid.gc.e1", "x").replace("\"text\": {\n    \"body\": \"x\"\n  },", "");
        forceAFaultFor("Fail me");
        try (RowLock firstLock = new RowLock(world, first);
                RowLock secondLock = new RowLock(world, second)) {
            // Both committers wait, each in a batch of one, on a locked conversation.
            var blockedFirst = post(world, text("27830000001", "wamid.gc.a2", "Still there?"));
            awaitLockWaits(world, 1);
            var blockedSecond = post(world, text("27830000002", "wamid.gc.b2", "Hello?"));
            awaitLockWaits(world, 2);
            var goodOnce = post(world, good);
            var goodAgain = post(world, good); // Meta's redelivery, in the same batch
            var other = post(world, text("27830000004", "wamid.gc.d1", "Is it still open?"));
            var breaksARule = post(world, broken);
            var faulty = post(world, bad);
            Eventually.await(
                    Duration.ofSeconds(30),
                    "five webhooks to be queued",
                    () -> world.server.server.webhooksWaiting() == 5);

            firstLock.release(); // the first committer takes all five queued into its next batch

            assertThat(blockedFirst.get().status()).isEqualTo(200);
            List<Api.Reply> twice = List.of(goodOnce.get(), goodAgain.get());
            assertThat(twice).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(twice.stream().mapToInt(r -> r.json().path("stored").asInt()))
                    .containsExactlyInAnyOrder(1, 0);
            assertThat(twice.stream().mapToInt(r -> r.json().path("duplicates").asInt()))
                    .containsExactlyInAnyOrder(0, 1);
            assertThat(other.get().json().path("stored").asInt()).isEqualTo(1);
            // Never storable: answered 200 with a dead letter, as without batches, so Meta stops sending it.
            assertThat(breaksARule.get().status()).isEqualTo(200);
            assertThat(breaksARule.get().json().path("deadLetters").asInt()).isEqualTo(1);
            // A fault of the database, once in the batch and once alone: non-2xx, so Meta delivers it again.
            Api.Reply refused = faulty.get();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers().get("Retry-After")).isNotNull();

            secondLock.release();
            assertThat(blockedSecond.get().status()).isEqualTo(200);
        } finally {
            forceAFaultFor(null);
        }
        assertThat(messages("wamid.gc.c1")).isEqualTo(1);
        assertThat(messages("wamid.gc.d1")).isEqualTo(1);
        assertThat(messages("wamid.gc.e1")).isZero();
        assertThat(messages("wamid.gc.f1")).isZero();
        assertThat(world.count("select count(*) from candidates where whatsapp_id = '+27830000006'"))
                .as("the refused webhook's person went with it")
                .isZero();
        assertThat(world.count("select count(*) from whatsapp_dead_letters where payload::text like '%wamid.gc.e1%'"))
                .isEqualTo(1);

        Api.Reply redelivered = world.deliver(bad);
        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(redelivered.json().path("stored").asInt()).isEqualTo(1);
        assertThat(messages("wamid.gc.f1")).isEqualTo(1);
    }

    @Test
    void aWebhookRolledBackAloneInItsBatchIsTriedOnceMoreBeforeMetaIsAskedToRedeliver() throws Exception {
        forceAFaultFor("Fail once", 1);
        try {
            Api.Reply reply = world.deliver(text("27830000031", "wamid.gc.i1", "Fail once"));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().path("stored").asInt()).isEqualTo(1);
            assertThat(world.count("select last_value from test_forced_faults"))
                    .as("the fault was met, then the webhook applied again")
                    .isEqualTo(2);
        } finally {
            forceAFaultFor(null);
        }
        assertThat(messages("wamid.gc.i1")).isEqualTo(1);
        assertThat(world.count("select count(*) from candidates where whatsapp_id = '+27830000031'"))
                .isEqualTo(1);
    }

    @Test
    void theSameMessageInTwoConcurrentBatchesIsStoredOnce() throws Exception {
        UUID conversation = conversationAfterText(world, "27830000011", "wamid.gc.g1");
        String body = text("27830000011", "wamid.gc.g2", "Sent once, delivered twice");
        Api.Reply first;
        Api.Reply second;
        try (RowLock lock = new RowLock(world, conversation)) {
            var one = post(world, body);
            awaitLockWaits(world, 1);
            var two = post(world, body); // the other committer takes it while the first waits
            awaitLockWaits(world, 2);
            lock.release();
            first = one.get();
            second = two.get();
        }
        assertThat(List.of(first.status(), second.status())).containsOnly(200);
        assertThat(List.of(
                        first.json().path("stored").asInt(),
                        second.json().path("stored").asInt()))
                .containsExactlyInAnyOrder(1, 0);
        assertThat(List.of(
                        first.json().path("duplicates").asInt(),
                        second.json().path("duplicates").asInt()))
                .containsExactlyInAnyOrder(0, 1);
        assertThat(messages("wamid.gc.g2")).isEqualTo(1);
        assertThat(world.count("select unread_count from conversations where id = ?", conversation))
                .isEqualTo(2);
    }

    @Test
    void oneSendersTwoMessagesInTwoBatchesKeepTheirOrder() {
        assertThat(world.deliver(text("27830000021", "wamid.gc.h1", "First")).status())
                .isEqualTo(200);
        // Answered after its batch's commit, so the next one is in a later batch.
        assertThat(world.deliver(text("27830000021", "wamid.gc.h2", "Second")).status())
                .isEqualTo(200);

        UUID conversation = conversationOf(world, "27830000021");
        assertThat(world.row("select last_message_preview, unread_count from conversations where id = ?", conversation)
                        .path("last_message_preview")
                        .asText())
                .isEqualTo("Second");
        assertThat(world.count("""
                        select count(*) from sync_changes f1, sync_changes f2
                         where f1.row_id = (select id from messages where provider_message_id = 'wamid.gc.h1')
                           and f2.row_id = (select id from messages where provider_message_id = 'wamid.gc.h2')
                           and f1.id < f2.id and f1.txid < f2.txid
                        """))
                .as("the first message is ahead of the second in the change feed, in an earlier transaction")
                .isEqualTo(1);
    }

    private static long messages(String wamid) {
        return world.count("select count(*) from messages where provider_message_id = ?", wamid);
    }

    private static void forceAFaultFor(String body) throws SQLException {
        forceAFaultFor(body, Integer.MAX_VALUE);
    }

    /**
     * A database fault (a deadlock, as PostgreSQL reports one) for the first {@code times} messages
     * whose text is {@code body} (a sequence counts them: it is not rolled back with the fault);
     * none when it is null.
     */
    private static void forceAFaultFor(String body, int times) throws SQLException {
        try (Connection c = SyncFixture.connect(world.server.database);
                Statement s = c.createStatement()) {
            s.execute("drop trigger if exists test_forced_fault on messages");
            s.execute("drop sequence if exists test_forced_faults");
            if (body != null) {
                s.execute("create sequence test_forced_faults");
                s.execute("""
                        create or replace function test_forced_fault() returns trigger language plpgsql as $$
                        begin
                          if new.body = '%s' then
                            if nextval('test_forced_faults') <= %d then
                              raise exception 'a fault forced by the test' using errcode = '40P01';
                            end if;
                          end if;
                          return new;
                        end $$""".formatted(body, times));
                s.execute("create trigger test_forced_fault before insert on messages"
                        + " for each row execute function test_forced_fault()");
            }
        }
    }
}
