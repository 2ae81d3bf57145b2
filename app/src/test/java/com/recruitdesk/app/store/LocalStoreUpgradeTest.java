package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written by the first version of the app opens with what the user saw, and search works on it. */
class LocalStoreUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aVersionOneStoreIsUpgradedWithItsRowsAndPendingChanges() throws Exception {
        Path file = dir.resolve("old.db");
        UUID message = UUID.randomUUID();
        UUID optimistic = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("create table rows (rowid integer primary key, entity text not null, id text not null,"
                    + " version integer not null, data text not null, unique (entity, id))");
            s.execute("create table outbox (seq integer primary key autoincrement, id text not null unique,"
                    + " name text not null, args text not null, client_time text not null,"
                    + " state text not null default 'pending')");
            s.execute("create table overlay (mutation_id text not null references outbox (id) on delete cascade,"
                    + " entity text not null, id text not null, data text not null,"
                    + " primary key (mutation_id, entity, id))");
            s.execute("create index overlay_row on overlay (entity, id)");
            s.execute("create table rejections (mutation_id text primary key, name text not null, code text,"
                    + " message text, at text not null)");
            s.execute("create table meta (key text primary key, value text)");
            s.execute("create virtual table message_fts using fts5 (body)");
            s.execute("insert into rows (entity, id, version, data) values ('message', '" + message
                    + "', 1, '{\"id\":\"" + message + "\",\"body\":\"see you at the warehouse\"}')");
            s.execute("insert into outbox (id, name, args, client_time) values ('m1', 'conversation.sendMessage',"
                    + " '{}', '2026-11-20T10:00:00Z')");
            s.execute("insert into overlay (mutation_id, entity, id, data) values ('m1', 'message', '" + optimistic
                    + "', '{\"id\":\"" + optimistic + "\",\"body\":\"queued reply\"}')");
            s.execute("insert into meta (key, value) values ('cursor', 'c7')");
            s.execute("pragma user_version = 1");
        }

        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.cursor()).contains("c7");
            assertThat(store.pendingCount()).isEqualTo(1);
            assertThat(store.row("message", message)).isPresent();
            assertThat(store.row("message", optimistic)).isPresent();
            assertThat(store.searchMessages("warehouse", 5))
                    .extracting(LocalStore.MessageHit::messageId)
                    .containsExactly(message);
            assertThat(store.searchMessages("queued", 5))
                    .extracting(LocalStore.MessageHit::messageId)
                    .containsExactly(optimistic);
        }
    }
}
