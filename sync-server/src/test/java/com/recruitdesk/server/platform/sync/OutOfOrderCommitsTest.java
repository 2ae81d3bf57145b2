package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Replica;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two transactions change one row and commit in the other order than they took their transaction
 * ids: the feed is ordered by transaction id, but the row's last committed change must win, within
 * a page (limit 500) and across pages (limit 1).
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfOrderCommitsTest {
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

    @ParameterizedTest
    @ValueSource(ints = {500, 1})
    void theUpdateCommittedLastWinsThoughItsTransactionStartedFirst(int limit) throws SQLException {
        Replica desktop = new Replica(recruiter()).pull(limit);
        try (Connection first = transaction();
                Connection second = transaction()) {
            takeTransactionId(first); // the lower id, committed last
            update(second, "update conversations set unread_count = 2 where id = ?", world.conversation());
            second.commit();
            update(first, "update conversations set unread_count = 3 where id = ?", world.conversation());
            first.commit();
        }
        long newest = SyncFixture.count(
                server.database, "select version from conversations where id = ?", world.conversation());

        desktop.pull(limit);

        var conversation = desktop.row("conversation", world.conversation()).orElseThrow();
        assertThat(conversation.path("version").asLong()).isEqualTo(newest);
        assertThat(conversation.path("data").path("unreadCount").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 1})
    void aDeleteCommittedAfterAnOlderUpdateIsNotUndone(int limit) throws SQLException {
        UUID tag = tag("out-of-order-" + limit);
        Replica desktop = new Replica(recruiter()).pull(limit);
        assertThat(desktop.row("candidateTag", tag)).isPresent();
        try (Connection first = transaction();
                Connection second = transaction()) {
            takeTransactionId(first);
            update(second, "update candidate_tags set tag = tag || '-renamed' where id = ?", tag);
            second.commit();
            update(first, "delete from candidate_tags where id = ?", tag);
            first.commit();
        }

        desktop.pull(limit);

        assertThat(desktop.row("candidateTag", tag)).as("the deleted tag").isEmpty();
    }

    private SyncClient recruiter() {
        return new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    private UUID tag(String name) throws SQLException {
        try (Connection c = SyncFixture.connect(server.database)) {
            return SyncFixture.insert(
                    c,
                    "insert into candidate_tags (organization_id, candidate_id, tag) values (?, ?, ?) returning id",
                    world.organization(),
                    world.candidate(),
                    name);
        }
    }

    private Connection transaction() throws SQLException {
        Connection c = SyncFixture.connect(server.database);
        c.setAutoCommit(false);
        return c;
    }

    private static void takeTransactionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_current_xact_id()");
        }
    }

    private static void update(Connection c, String sql, UUID id) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }
}
