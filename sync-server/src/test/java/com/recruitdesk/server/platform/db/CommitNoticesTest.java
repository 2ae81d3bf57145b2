package com.recruitdesk.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A transaction that notifies the access channel hears its own notice by the time it returns, with
 * no wait: what the access cache relies on to drop a changed user before the change is answered.
 */
@Tag("database")
class CommitNoticesTest {
    @Test
    void aTransactionsOwnNoticeIsDeliveredBeforeItReturnsAndARolledBackOneNever() throws Exception {
        try (TestServer server = TestServer.withoutDemo();
                Database database = Database.open(server.database)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            database.onNotice((channel, payload) -> heard.add(channel + ":" + payload));

            database.transaction(c -> Sql.one(c, "select pg_notify('sync_access', 'committed')", rs -> 1));
            assertThat(heard).containsExactly("sync_access:committed");

            try {
                database.transaction(c -> {
                    Sql.one(c, "select pg_notify('sync_access', 'rolled back')", rs -> 1);
                    throw new java.sql.SQLException("abandoned");
                });
            } catch (java.sql.SQLException expected) {
                // the transaction rolled back
            }
            database.transaction(c -> Sql.one(c, "select 1", rs -> 1));
            assertThat(heard).containsExactly("sync_access:committed");
        }
    }
}
