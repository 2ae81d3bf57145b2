package com.recruitdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The change feed keeps, for the organization's retention, entries a newer one of the same row has
 * superseded; older than that they go, but no client, whatever its cursor, ends with other rows than
 * it would have without compaction.
 */
@Tag("database")
class FeedCompactionTest {
    private static TestServer server;
    private static AdminFixture f;
    private static Database database;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        f = new AdminFixture(server);
        database = Database.open(server.database);
        JsonNode saved = f.asAdmin(
                AdminMutations.SAVE_SETTING,
                new AdminMutations.SaveSetting(
                        Settings.FEED_RETENTION_DAYS, com.fasterxml.jackson.databind.node.IntNode.valueOf(30)));
        assertThat(saved.path("status").asText()).isEqualTo("applied");
    }

    @AfterAll
    static void stop() {
        database.close();
        server.close();
    }

    /** A canned response written {@code versions} times, then deleted if {@code delete}; returns its id. */
    private static UUID cannedResponse(String shortcut, int versions, boolean delete) {
        UUID id = f.insertReturning(
                "insert into canned_responses (organization_id, shortcut, body) values (?, ?, 'v1') returning id",
                f.organization(),
                shortcut);
        for (int v = 2; v <= versions; v++) {
            f.execute("update canned_responses set body = ? where id = ?", "v" + v, id);
        }
        if (delete) {
            f.execute("delete from canned_responses where id = ?", id);
        }
        return id;
    }

    /** Makes the feed entries of {@code row} up to {@code version} look {@code days} old. */
    private static void age(UUID row, long version, int days) {
        f.execute(
                "update sync_changes set changed_at = now() - ? * interval '1 day' where row_id = ? and version <= ?",
                days,
                row,
                version);
    }

    private static List<Long> versions(UUID row) {
        return List.copyOf(
                f.count("select count(*) from sync_changes where row_id = ?", row) == 0
                        ? List.<Long>of()
                        : java.util.stream.LongStream.rangeClosed(1, 10)
                                .filter(v -> f.count(
                                                "select count(*) from sync_changes where row_id = ? and version = ?",
                                                row,
                                                v)
                                        > 0)
                                .boxed()
                                .toList());
    }

    /**
     * What a client holds after pulling everything: entity/id → version, deleted rows gone (but user
     * rows: each sign-in changes its user's row).
     */
    private static Map<String, Long> held(SyncClient client) {
        return client.pullAll().entrySet().stream()
                .filter(e -> !e.getValue().path("op").asText().equals("delete"))
                .filter(e -> !e.getKey().startsWith("user/"))
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().path("version").asLong()));
    }

    @Test
    void supersededEntriesOlderThanTheRetentionGoAndEveryClientEndsWithTheSameRows() throws Exception {
        SyncClient longAgo = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        longAgo.pullAll(); // a client whose cursor is from before all of it

        UUID old = cannedResponse("compact-old", 4, false);
        age(old, 4, 40);
        UUID recent = cannedResponse("compact-recent", 4, false);
        age(recent, 3, 40); // its newest entry is young
        UUID young = cannedResponse("compact-young", 3, false);
        age(young, 3, 10); // within the retention
        UUID gone = cannedResponse("compact-gone", 2, true);
        age(gone, 2, 40);
        Map<String, Long> before = held(new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD));

        int removed = new FeedCompaction(database, Clock.systemUTC()).compact();

        assertThat(versions(old)).containsExactly(4L);
        assertThat(versions(recent)).containsExactly(3L, 4L);
        assertThat(versions(young)).containsExactly(1L, 2L, 3L);
        assertThat(f.count("select count(*) from sync_changes where row_id = ?", gone))
                .as("only the delete is left")
                .isEqualTo(1);
        assertThat(f.count("select count(*) from sync_changes where row_id = ? and op = 'delete'", gone))
                .isEqualTo(1);
        assertThat(removed).isGreaterThanOrEqualTo(3 + 2 + 2);

        Map<String, Long> fresh = held(new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD));
        assertThat(fresh).isEqualTo(before);
        Map<String, Long> resumed = new java.util.HashMap<>(held(longAgo));
        assertThat(resumed)
                .containsAllEntriesOf(Map.of(
                        "cannedResponse/" + old, 4L, "cannedResponse/" + recent, 4L, "cannedResponse/" + young, 3L));
        assertThat(resumed).doesNotContainKey("cannedResponse/" + gone);
    }

    @Test
    void anEntryForOtherReadersThanTheNewerOneStays() {
        UUID row = cannedResponse("compact-private", 2, false);
        // the first version went to one user only (as a private row does), the second to the staff
        f.execute(
                "update sync_changes set staff = false, user_ids = array[?::uuid] where row_id = ? and version = 1",
                f.recruiter.userId,
                row);
        age(row, 2, 40);

        try {
            new FeedCompaction(database, Clock.systemUTC()).compact();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }

        assertThat(versions(row)).containsExactly(1L, 2L);
    }
}
