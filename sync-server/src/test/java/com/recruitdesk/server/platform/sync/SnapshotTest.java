package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A first sync reads a snapshot of the current rows, then the feed from the snapshot's place; a
 * compacted feed keeps every row's newest change, and a cursor behind the compaction resets.
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotTest {
    TestServer server;
    SyncFixture world;

    @BeforeAll
    void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private SyncClient recruiter() {
        return new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    private void send(SyncClient client, String text) {
        assertThat(client.pushOne(SyncClient.mutation(
                                ConversationMutations.SEND_MESSAGE,
                                new ConversationMutations.SendMessage(
                                        world.conversation(), UUID.randomUUID(), text, null)))
                        .path("status")
                        .asText())
                .isEqualTo("applied");
    }

    /** Every change of a first sync, page by page, and how often each row came. */
    private static Map<String, Integer> firstSync(SyncClient client, int pageSize, List<JsonNode> pages) {
        Map<String, Integer> seen = new HashMap<>();
        JsonNode page;
        do {
            page = client.pullPage(pageSize);
            pages.add(page);
            for (JsonNode change : page.path("changes")) {
                seen.merge(
                        change.path("entity").asText() + "/" + change.path("id").asText(), 1, Integer::sum);
            }
        } while (page.path("hasMore").asBoolean());
        return seen;
    }

    @Test
    void aFreshClientGetsEachCurrentRowOnceNoDeletedRowsThenWhatWasWrittenMeanwhile() {
        SyncClient writer = recruiter();
        for (int i = 0; i < 5; i++) {
            send(writer, "version " + i); // each send updates the conversation again
        }
        UUID gone = UUID.randomUUID();
        SyncFixture.execute(
                server.database,
                "insert into jobs (id, organization_id, title) values (?, ?, 'Filled already')",
                gone,
                world.organization());
        SyncFixture.execute(server.database, "delete from jobs where id = ?", gone);
        long conversationVersions = SyncFixture.count(
                server.database,
                "select count(*) from sync_changes where entity = 'conversation' and row_id = ?",
                world.conversation());
        assertThat(conversationVersions).isGreaterThan(5);

        SyncClient fresh = recruiter();
        List<JsonNode> pages = new ArrayList<>();
        JsonNode first = fresh.pullPage(2);
        pages.add(first);
        // Written after the snapshot began: it comes after the snapshot, in the same first sync.
        send(writer, "written during the first sync");
        Map<String, Integer> seen = firstSync(fresh, 2, pages);
        first.path("changes")
                .forEach(c -> seen.merge(
                        c.path("entity").asText() + "/" + c.path("id").asText(), 1, Integer::sum));

        assertThat(first.path("total").asLong()).isGreaterThan(2);
        assertThat(first.path("changes").size()).isEqualTo(2);
        assertThat(seen).doesNotContainKey("job/" + gone);
        assertThat(seen.get("conversation/" + world.conversation()))
                .as("a row updated many times comes once in the snapshot, once more for the later write")
                .isBetween(1, 2);
        long snapshotRows = pages.stream()
                .filter(p -> !p.path("reset").asBoolean())
                .mapToLong(p -> p.path("changes").size())
                .sum();
        assertThat(snapshotRows)
                .isLessThan(SyncFixture.count(
                        server.database,
                        "select count(*) from sync_changes where organization_id = ?",
                        world.organization()));
        // What it ends with is the database's current rows: every message, the conversation's last version.
        Map<String, JsonNode> synced = new HashMap<>();
        pages.forEach(p -> p.path("changes")
                .forEach(c -> synced.put(
                        c.path("entity").asText() + "/" + c.path("id").asText(), c)));
        assertThat(synced.keySet().stream()
                        .filter(k -> k.startsWith("message/"))
                        .count())
                .isEqualTo(SyncFixture.count(
                        server.database,
                        "select count(*) from messages where organization_id = ?",
                        world.organization()));
        JsonNode conversation = synced.get("conversation/" + world.conversation());
        assertThat(conversation.path("version").asLong())
                .isEqualTo(SyncFixture.count(
                        server.database, "select version from conversations where id = ?", world.conversation()));
        assertThat(conversation.path("data").path("lastMessagePreview").asText())
                .isEqualTo("written during the first sync");
    }

    @Test
    void anInterviewersSnapshotHoldsNoConversationRow() {
        SyncClient interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        Map<String, Integer> seen = firstSync(interviewer, 3, new ArrayList<>());

        assertThat(seen).isNotEmpty();
        assertThat(seen.keySet()).noneMatch(k -> k.startsWith("conversation/") || k.startsWith("message/"));
        assertThat(seen).containsKey("interviewSession/" + world.interview());
        assertThat(seen).as("their own user row").containsKey("user/" + world.interviewer());
    }

    @Test
    void compactionKeepsEveryRowsNewestChangeAndACursorBehindItResets() throws Exception {
        SyncClient writer = recruiter();
        SyncClient behind = recruiter();
        behind.pullAll(); // holds a cursor from before the compaction
        for (int i = 0; i < 3; i++) {
            send(writer, "before compaction " + i);
        }
        Map<String, JsonNode> before = recruiter().pullAll();
        // Compaction prunes only below every transaction still running (the sender's, say): wait for them.
        Eventually.await(
                Duration.ofSeconds(20),
                "the sends' feed entries to be servable",
                () -> SyncFixture.count(
                                server.database,
                                "select count(*) from sync_changes where txid >= pg_snapshot_xmin(pg_current_snapshot())")
                        == 0);
        SyncFixture.execute(server.database, "update sync_changes set changed_at = now() - interval '40 days'");

        int pruned;
        try (Database database = Database.open(server.database)) {
            pruned = new FeedCompaction(database, Duration.ofDays(30)).compact();
        }

        assertThat(pruned).isPositive();
        // Up to the horizon (where the oldest transaction still running allowed), no entry is left
        // that a newer one of the same row and audience supersedes (of the conversation, which only
        // this test writes: the sender may mark messages sent meanwhile).
        assertThat(SyncFixture.count(server.database, """
                        select count(*) from sync_changes s
                         where (s.txid, s.id) <= (select txid, id from sync_feed_horizon) and s.entity = 'conversation'
                           and exists (select 1 from sync_changes n
                                        where n.entity = s.entity and n.row_id = s.row_id
                                          and n.staff = s.staff and n.scope_only = s.scope_only
                                          and n.user_ids = s.user_ids and n.institution_ids = s.institution_ids
                                          and (n.version > s.version or (n.version = s.version and n.id > s.id)))
                        """)).isZero();
        Map<String, JsonNode> after = recruiter().pullAll();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        // Messages may move on meanwhile (the sender marks them sent); the conversation is written only here.
        assertThat(after.get("conversation/" + world.conversation()).path("version"))
                .isEqualTo(before.get("conversation/" + world.conversation()).path("version"));
        JsonNode reset = behind.pullPage(100);
        assertThat(reset.path("reset").asBoolean()).isTrue();
        assertThat(reset.path("changes")).isEmpty();
        Map<String, JsonNode> again = behind.pullAll();
        assertThat(again.keySet()).isEqualTo(before.keySet());
    }
}
