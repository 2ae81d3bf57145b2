package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The change feed keeps, for the organization's retention (its setting where set, else the server's
 * default), entries a newer one of the same row has superseded; older than that they go, but no
 * client, whatever its cursor, ends with other rows than it would have without compaction.
 */
@Tag("database")
class RetentionCompactionTest {
    private static TestServer server;
    private static Database database;
    private static SyncClient admin;
    private static SyncClient recruiter;
    /** The server's default here is longer than anything the tests age: only the setting compacts. */
    private static final Duration LONG_DEFAULT = Duration.ofDays(3650);

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        database = Database.open(server.database);
        admin = new SyncClient(server.api, "admin@demo.test", TestServer.PASSWORD);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        JsonNode saved = admin.pushOne(SyncClient.mutation(
                AdminMutations.SAVE_SETTING,
                new AdminMutations.SaveSetting(
                        Settings.FEED_RETENTION_DAYS, com.fasterxml.jackson.databind.node.IntNode.valueOf(30))));
        assertThat(saved.path("status").asText()).isEqualTo("applied");
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    private static int execute(String sql, Object... params) {
        return SyncFixture.execute(server.database, sql, params);
    }

    private static UUID insertReturning(String sql, Object... params) {
        try (Connection c = SyncFixture.connect(server.database)) {
            return SyncFixture.insert(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID organization() {
        return insertReturning("select organization_id from users where email = ?", "admin@demo.test");
    }

    private static int compact(Duration defaultRetention) {
        try {
            return new FeedCompaction(database, defaultRetention, Clock.systemUTC()).compact();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @AfterAll
    static void stop() {
        database.close();
        server.close();
    }

    /** A canned response written {@code versions} times, then deleted if {@code delete}; returns its id. */
    private static UUID cannedResponse(String shortcut, int versions, boolean delete) {
        UUID id = insertReturning(
                "insert into canned_responses (organization_id, shortcut, body) values (?, ?, 'v1') returning id",
                organization(),
                shortcut);
        for (int v = 2; v <= versions; v++) {
            execute("update canned_responses set body = ? where id = ?", "v" + v, id);
        }
        if (delete) {
            execute("delete from canned_responses where id = ?", id);
        }
        return id;
    }

    /** Makes the feed entries of {@code row} up to {@code version} look {@code days} old. */
    private static void age(UUID row, long version, int days) {
        execute(
                "update sync_changes set changed_at = now() - ? * interval '1 day' where row_id = ? and version <= ?",
                days,
                row,
                version);
    }

    private static List<Long> versions(UUID row) {
        return List.copyOf(
                count("select count(*) from sync_changes where row_id = ?", row) == 0
                        ? List.<Long>of()
                        : java.util.stream.LongStream.rangeClosed(1, 10)
                                .filter(v -> count(
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

        int removed = compact(LONG_DEFAULT);

        assertThat(versions(old)).containsExactly(4L);
        assertThat(versions(recent)).containsExactly(3L, 4L);
        assertThat(versions(young)).containsExactly(1L, 2L, 3L);
        assertThat(count("select count(*) from sync_changes where row_id = ?", gone))
                .as("only the delete is left")
                .isEqualTo(1);
        assertThat(count("select count(*) from sync_changes where row_id = ? and op = 'delete'", gone))
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
        execute(
                "update sync_changes set staff = false, user_ids = array[?::uuid] where row_id = ? and version = 1",
                recruiter.userId,
                row);
        age(row, 2, 40);

        compact(LONG_DEFAULT);

        assertThat(versions(row)).containsExactly(1L, 2L);
    }

    @Test
    void withoutTheSettingTheServersDefaultRetentionApplies() {
        execute("delete from system_settings where key = ?", Settings.FEED_RETENTION_DAYS);
        try {
            UUID row = cannedResponse("compact-default", 3, false);
            age(row, 3, 40);

            compact(LONG_DEFAULT);
            assertThat(versions(row))
                    .as("40 days is within the default of 3650")
                    .containsExactly(1L, 2L, 3L);

            compact(Duration.ofDays(30));
            assertThat(versions(row)).as("older than a default of 30 days").containsExactly(3L);
            assertThat(count("select count(*) from sync_feed_horizon where id > 0"))
                    .as("the horizon moved up to what went")
                    .isEqualTo(1);
        } finally {
            JsonNode saved = admin.pushOne(SyncClient.mutation(
                    AdminMutations.SAVE_SETTING,
                    new AdminMutations.SaveSetting(
                            Settings.FEED_RETENTION_DAYS, com.fasterxml.jackson.databind.node.IntNode.valueOf(30))));
            assertThat(saved.path("status").asText()).isEqualTo("applied");
        }
    }
}
