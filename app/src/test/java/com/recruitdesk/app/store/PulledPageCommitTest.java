package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.app.Features;
import com.recruitdesk.protocol.sync.Change;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a pulled page is written (decision 0053): its commit does not wait for the disk, every other
 * write still does, and {@code rows} is one b-tree keyed by (entity, id), also after an upgrade.
 */
class PulledPageCommitTest {
    @TempDir
    Path dir;

    @Test
    void aRefetchableTransactionCommitsAtNormalAndTheConnectionIsBackAtFullAfterItEvenWhenItFails() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
                Writer writer = new Writer(c)) {
            try (Statement s = c.createStatement()) {
                s.execute("pragma journal_mode = wal");
                s.execute("pragma synchronous = full");
                s.execute("create table t (x integer)");
            }
            List<Integer> seen = new ArrayList<>();
            writer.inRefetchableTransaction(() -> {
                seen.add(synchronous(c));
                writer.update("insert into t values (1)");
            });
            writer.inTransaction(() -> seen.add(synchronous(c)));
            assertThatThrownBy(() -> writer.inRefetchableTransaction(() -> {
                        writer.update("insert into t values (2)");
                        throw new SQLException("the page could not be applied");
                    }))
                    .isInstanceOf(StoreException.class);

            assertThat(seen).containsExactly(1, 2); // normal inside, full for the next write
            assertThat(synchronous(c)).isEqualTo(2);
            assertThat(writer.read(() -> writer.count("select count(*) from t")))
                    .isEqualTo(1);
        }
    }

    @Test
    void aVersionSixStoreKeepsEveryPulledRowInATableWithoutRowidAfterTheUpgrade() throws Exception {
        Path file = dir.resolve("store.db");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        LocalStore store = LocalStore.open(file, Features.STORE_RULES);
        store.applyPage(
                List.of(
                        new Change("message", a, Change.UPSERT, 3, LocalStoreTest.message(a, "first"), 7),
                        new Change("message", b, Change.UPSERT, 5, LocalStoreTest.message(b, "second"), 9)),
                "c1");
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) { // as version 6 left it: a rowid table with a unique index
            OlderStores.asVersion7(s);
            s.execute("create table rows_v6 (rowid integer primary key, entity text not null, id text not null,"
                    + " version integer not null, data text, seq integer not null default 0, unique (entity, id))");
            s.execute("insert into rows_v6 (entity, id, version, data, seq) select entity, id, version, data, seq"
                    + " from rows");
            s.execute("drop table rows");
            s.execute("alter table rows_v6 rename to rows");
            s.execute("pragma user_version = 6");
        }
        assertThat(rowsTable(file)).doesNotContainIgnoringCase("without rowid");

        store = LocalStore.open(file, Features.STORE_RULES);
        try {
            assertThat(rowsTable(file)).containsIgnoringCase("without rowid");
            assertThat(store.serverVersion("message", a)).contains(3L);
            assertThat(store.serverVersion("message", b)).contains(5L);
            assertThat(store.row("message", b).orElseThrow().path("body").asText())
                    .isEqualTo("second");
            // An older change of a held row is still ignored, a newer one applied.
            store.applyPage(
                    List.of(
                            new Change("message", a, Change.UPSERT, 2, LocalStoreTest.message(a, "older"), 10),
                            new Change("message", b, Change.UPSERT, 6, LocalStoreTest.message(b, "newer"), 11)),
                    "c2");
            assertThat(store.row("message", a).orElseThrow().path("body").asText())
                    .isEqualTo("first");
            assertThat(store.row("message", b).orElseThrow().path("body").asText())
                    .isEqualTo("newer");
            assertThat(store.cursor()).contains("c2");
        } finally {
            store.close();
        }
    }

    private static int synchronous(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("pragma synchronous")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String rowsTable(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select sql from sqlite_master where type = 'table' and name = 'rows'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
