package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Replica;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * After a dump and restore, or a move from the embedded database to an office's PostgreSQL, new
 * transactions may get lower ids than the entries already in the feed. Planted here: an entry
 * stamped with a transaction id far in the future, as the old cluster's entries look to the new one.
 */
@Tag("database")
class FeedEpochTest {
    private static final String FUTURE = "9000000000";

    TestServer server;
    SyncFixture world;
    UUID restoredTag = UUID.randomUUID();
    long restoredEntry;

    @BeforeEach
    void start() throws SQLException {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        try (var c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement("""
                        insert into sync_changes (txid, entity, row_id, op, version, organization_id, data)
                        values (?::xid8, 'candidateTag', ?, 'upsert', 1, ?, jsonb_build_object('id', ?::text, 'tag', 'restored'))
                        returning id""")) {
            ps.setString(1, FUTURE);
            ps.setObject(2, restoredTag);
            ps.setObject(3, world.organization());
            ps.setString(4, restoredTag.toString());
            try (var rs = ps.executeQuery()) {
                rs.next();
                restoredEntry = rs.getLong(1);
            }
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private UUID newTag() throws SQLException {
        try (var c = SyncFixture.connect(server.database)) {
            return SyncFixture.insert(
                    c,
                    "insert into candidate_tags (organization_id, candidate_id, tag) values (?, ?, 'after the move ' || gen_random_uuid()) returning id",
                    world.organization(),
                    world.candidate());
        }
    }

    @Test
    void aClientThatPulledBeforeTheRestoreStartsOverAndMissesNothing() throws SQLException {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        // The cursor it was handed by the old cluster: just past the restored entry, under the epochs
        // that came back with the dump, so only the entry from the future tells that anything moved.
        recruiter.cursor = cursor(FUTURE, restoredEntry);
        UUID after = newTag();

        Replica laptop = new Replica(recruiter).pull(500);

        assertThat(laptop.keys()).contains("candidateTag/" + after, "candidateTag/" + restoredTag);
        assertThat(laptop.resets()).isEqualTo(1);
    }

    @Test
    void aClientAheadOfABackupRestoredIntoTheSameClusterStartsOver() throws SQLException {
        // A backup restored in place: the feed's epoch and sequence came back from the dump, the
        // cluster's transaction ids went on. This laptop pulled after the backup was taken.
        try (var c = SyncFixture.connect(server.database)) {
            c.createStatement().execute("delete from sync_changes where id = " + restoredEntry);
        }
        long current;
        try (var c = SyncFixture.connect(server.database);
                var rs = c.createStatement().executeQuery("select pg_current_xact_id()::text")) {
            rs.next();
            current = Long.parseLong(rs.getString(1));
        }
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        recruiter.cursor = cursor(String.valueOf(current - 1), restoredEntry + 1000);
        UUID after = newTag();

        Replica laptop = new Replica(recruiter).pull(500);

        assertThat(laptop.resets()).isEqualTo(1);
        assertThat(laptop.keys()).contains("candidateTag/" + after, "candidate/" + world.candidate());
    }

    /** A cursor as the server writes it, under the feed's and the recruiter's current epochs. */
    private String cursor(String txid, long id) throws SQLException {
        long feed;
        long access;
        try (var c = SyncFixture.connect(server.database);
                var rs = c.createStatement()
                        .executeQuery("select (select epoch from sync_feed_epoch), coalesce((select a.epoch from"
                                + " access_epochs a join users u on u.id = a.user_id where u.email = '"
                                + TestServer.RECRUITER + "'), 0)")) {
            rs.next();
            feed = rs.getLong(1);
            access = rs.getLong(2);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("v2:" + feed + ":" + access + ":" + txid + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aFreshClientGetsTheRestoredEntriesAndTheNewOnes() throws SQLException {
        UUID after = newTag();

        Replica laptop = new Replica(new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD)).pull(1);

        assertThat(laptop.keys()).contains("candidateTag/" + after, "candidateTag/" + restoredTag);
        UUID later = newTag();
        assertThat(laptop.pull(1).keys()).contains("candidateTag/" + later);
    }
}
