package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.conversations.data.ConversationIndexes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores written by earlier versions of the app open with what the user saw and what was waiting to be sent. */
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

        try (LocalStore store = LocalStore.open(file, Features.STORE_RULES)) {
            assertThat(store.cursor()).contains("c7");
            assertThat(store.pendingCount()).isEqualTo(1);
            assertThat(store.row("message", message)).isPresent();
            assertThat(store.row("message", optimistic)).isPresent();
            assertThat(store.search(ConversationIndexes.MESSAGES, "warehouse", 5))
                    .extracting(LocalStore.SearchHit::id)
                    .containsExactly(message);
            assertThat(store.search(ConversationIndexes.MESSAGES, "queued", 5))
                    .extracting(LocalStore.SearchHit::id)
                    .containsExactly(optimistic);
        }
    }

    /** The tables of a version-2 store as that version made them. */
    private static void versionTwo(Statement s) throws Exception {
        s.execute("create table rows (rowid integer primary key, entity text not null, id text not null,"
                + " version integer not null, data text not null, unique (entity, id))");
        s.execute("create table outbox (seq integer primary key autoincrement, id text not null unique,"
                + " name text not null, args text not null, client_time text not null,"
                + " state text not null default 'pending' check (state in ('pending', 'applied')))");
        s.execute("create table overlay (mutation_id text not null references outbox (id) on delete cascade,"
                + " entity text not null, id text not null, data text not null,"
                + " deleted integer not null default 0, primary key (mutation_id, entity, id))");
        s.execute("create index overlay_row on overlay (entity, id)");
        s.execute("create table rejections (mutation_id text primary key, name text not null, code text,"
                + " message text, at text not null)");
        s.execute("create table meta (key text primary key, value text)");
        s.execute("create table current (rowid integer primary key, entity text not null, id text not null,"
                + " data text not null, parent text, sort_key integer, pending integer not null default 0,"
                + " unique (entity, id))");
        s.execute("create index current_children on current (entity, parent, sort_key)");
        s.execute("create index current_sorted on current (entity, sort_key)");
        s.execute("create virtual table message_fts using fts5 (body, tokenize = 'unicode61 remove_diacritics 2')");
        s.execute("create virtual table person_fts using fts5 (name, tokenize = 'unicode61 remove_diacritics 2')");
        s.execute("create table uploads (seq integer primary key autoincrement, blob_id text not null unique,"
                + " filename text not null, mime_type text not null, size integer not null,"
                + " state text not null default 'pending' check (state in ('pending', 'done')))");
    }

    @Test
    void aVersionTwoStoreKeepsWhichQueuedReplyNeedsWhichFile() throws Exception {
        Path file = dir.resolve("v2.db");
        UUID blob = UUID.randomUUID();
        UUID reply = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            versionTwo(s);
            s.execute("insert into rows (entity, id, version, data) values ('message', '" + message
                    + "', 1, '{\"id\":\"" + message + "\",\"body\":\"see you at the warehouse\"}')");
            s.execute("insert into current (entity, id, data) values ('message', '" + message + "', '{\"id\":\""
                    + message + "\",\"body\":\"see you at the warehouse\"}')");
            s.execute("insert into message_fts (rowid, body) select rowid, 'see you at the warehouse' from current");
            s.execute("insert into uploads (blob_id, filename, mime_type, size) values ('" + blob
                    + "', 'cv.pdf', 'application/pdf', 10)");
            s.execute("insert into outbox (id, name, args, client_time) values ('" + reply
                    + "', 'conversation.sendMessage', '{\"mediaBlobId\":\"" + blob + "\"}', '2026-11-20T10:00:00Z')");
            s.execute("insert into outbox (id, name, args, client_time) values ('" + UUID.randomUUID()
                    + "', 'candidate.tag', '{}', '2026-11-20T10:01:00Z')");
            s.execute("pragma user_version = 2");
        }

        try (LocalStore store = LocalStore.open(file, Features.STORE_RULES)) {
            assertThat(store.pendingCount()).isEqualTo(2);
            assertThat(store.search(ConversationIndexes.MESSAGES, "warehouse", 5))
                    .extracting(LocalStore.SearchHit::id)
                    .containsExactly(message);
            assertThat(store.uploadRefused(blob, "The file is too large."))
                    .extracting(LocalStore.Rejection::mutationId)
                    .containsExactly(reply);
            assertThat(store.pendingCount()).isEqualTo(1);
        }
    }
}
