package com.recruitdesk.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.server.support.TestServer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A transaction that changes someone's access hears it by the time it returns, with no wait: what
 * the access cache relies on to drop a changed user before the change is answered. The notice comes
 * with the commit (decision 0056): never for what was rolled back, and no pooled connection listens
 * to a notification channel, since a notification wakes every listening backend.
 */
@Tag("database")
class CommitNoticesTest {
    @Test
    void aCommittedAccessChangeIsHeardBeforeItReturnsAndARolledBackOneNever() throws Exception {
        try (TestServer server = TestServer.withoutDemo();
                Database database = Database.open(server.database)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            database.onNotice((channel, payload) -> heard.add(channel + ":" + payload));
            UUID recruiter = userId(database, "recruiter@demo.test");
            UUID interviewer = userId(database, "interviewer@demo.test");

            database.transaction(c -> grant(c, recruiter, "SALES"));
            assertThat(heard).containsExactly("sync_access:" + recruiter);

            heard.clear();
            assertThatThrownBy(() -> database.transaction(c -> {
                        grant(c, interviewer, "SALES");
                        throw new SQLException("abandoned");
                    }))
                    .hasMessage("abandoned");
            // A savepoint rolled back inside a committed transaction: only what stayed is heard.
            database.transaction(c -> {
                Savepoint s = c.setSavepoint();
                grant(c, interviewer, "MANAGER");
                c.rollback(s);
                return Sql.update(c, "update users set status = 'inactive' where id = ?", recruiter);
            });
            assertThat(heard).containsExactly("sync_access:" + recruiter);

            heard.clear();
            database.transaction(c -> Sql.update(c, "update users set full_name = full_name where id = ?", recruiter));
            assertThat(heard).isEmpty();

            int listening = database.transaction(
                    c -> Sql.one(c, "select count(*) from pg_listening_channels()", rs -> rs.getInt(1))
                            .orElseThrow());
            assertThat(listening).as("channels a pooled connection listens to").isZero();
        }
    }

    private static UUID userId(Database database, String email) throws SQLException {
        return database.transaction(
                c -> Sql.one(c, "select id from users where email = ?", rs -> rs.getObject(1, UUID.class), email)
                        .orElseThrow());
    }

    private static int grant(java.sql.Connection c, UUID user, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into user_roles (user_id, role) values (?, ?)")) {
            ps.setObject(1, user);
            ps.setString(2, role);
            return ps.executeUpdate();
        }
    }
}
