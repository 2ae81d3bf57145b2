package com.recruitdesk.app.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The local store's tables, created and upgraded by {@code pragma user_version}.
 *
 * <ul>
 *   <li>1: {@code rows} (the server's rows), {@code outbox}, {@code overlay} (optimistic rows),
 *       {@code rejections}, {@code meta}.
 *   <li>2: {@code current}, what the user sees: the newest optimistic row over the server's, with
 *       the parent and sort key of {@link RowKeys} so panes list and page rows through indexes;
 *       full-text indexes over {@code current}, so search covers changes still waiting in the
 *       outbox too; overlay rows may be optimistic deletes; {@code uploads},
 *       files attached here that go to the server before the mutations naming them.
 *   <li>3: {@code mutation_uploads}, which files a mutation needs on the server before it is pushed,
 *       recorded when it is queued (version 2 read it back out of the arguments). The full-text
 *       tables a feature declares ({@link TextIndex}) are made when the store opens, not here.
 *   <li>4: {@code rows.seq}, the feed place of the change a row came from, and {@code tombstones}, the
 *       newest delete of each row, so an older change that arrives later is ignored (decision 0023).
 *   <li>5: {@code rejections.args} and {@code rejections.current}, the refused mutation's arguments
 *       and the server's values of a conflict's fields, so a merge can be offered (decision 0037).
 *   <li>6: {@code rows.data} may be null: the row is shown as the server sent it and its JSON is kept
 *       once, in {@code current} (decision 0044); the copies that were kept twice are dropped.
 *   <li>7: {@code rows} is a table without rowid, keyed by (entity, id): one b-tree to write per
 *       pulled row instead of a table and its unique index (decision 0053).
 *   <li>8: {@code current.version} and {@code current.seq}: a row shown as the server sent it keeps its
 *       version and feed place there and has no {@code rows} entry; {@code rows} holds only the server's
 *       rows an optimistic row or delete has taken the place of (decision 0054). The upgrade moves
 *       them and keeps every row.
 * </ul>
 */
final class StoreSchema {
    static final int VERSION = 8;

    /** The indexes panes list {@code current} by; a bulk load makes them once, at its end ({@link BulkLoad}). */
    static final Map<String, String> CURRENT_INDEXES = Map.of(
            "current_children", "current (entity, parent, sort_key)",
            "current_sorted", "current (entity, sort_key)");

    private StoreSchema() {}

    /** Upgrades to {@link #VERSION}; returns the version found, so the caller can fill new tables. */
    static int migrate(Connection db) throws SQLException {
        int found;
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("pragma user_version")) {
            found = rs.next() ? rs.getInt(1) : 0;
        }
        if (found >= VERSION) {
            return found;
        }
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            if (found < 1) {
                version1(s);
            }
            if (found < 2) {
                version2(s);
            }
            if (found < 3) {
                version3(s);
            }
            if (found < 4) {
                version4(s);
            }
            if (found < 5) {
                version5(s);
            }
            if (found < 6) {
                version6(s);
            }
            if (found < 7) {
                version7(s);
            }
            version8(s);
            s.execute("pragma user_version = " + VERSION);
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        return found;
    }

    private static void version1(Statement s) throws SQLException {
        s.execute("""
                create table rows (
                    rowid   integer primary key,
                    entity  text    not null,
                    id      text    not null,
                    version integer not null,
                    data    text    not null,
                    unique (entity, id))""");
        s.execute("""
                create table outbox (
                    seq         integer primary key autoincrement,
                    id          text not null unique,
                    name        text not null,
                    args        text not null,
                    client_time text not null,
                    state       text not null default 'pending' check (state in ('pending', 'applied')))""");
        s.execute("""
                create table overlay (
                    mutation_id text not null references outbox (id) on delete cascade,
                    entity      text not null,
                    id          text not null,
                    data        text not null,
                    primary key (mutation_id, entity, id))""");
        s.execute("create index overlay_row on overlay (entity, id)");
        s.execute("""
                create table rejections (
                    mutation_id text primary key,
                    name        text not null,
                    code        text,
                    message     text,
                    at          text not null)""");
        s.execute("create table meta (key text primary key, value text)");
    }

    private static void version2(Statement s) throws SQLException {
        s.execute("""
                create table current (
                    rowid    integer primary key,
                    entity   text    not null,
                    id       text    not null,
                    data     text    not null,
                    parent   text,
                    sort_key integer,
                    pending  integer not null default 0,
                    unique (entity, id))""");
        for (var index : CURRENT_INDEXES.entrySet()) {
            s.execute("create index " + index.getKey() + " on " + index.getValue());
        }
        // An optimistic delete (a tag removed, say) is an overlay row marked deleted.
        s.execute("alter table overlay add column deleted integer not null default 0");
        // Version 1 indexed rows in message_fts; the full-text indexes now follow what the user sees
        // (rowid = current.rowid) and are made on open from what the features declare (TextIndex).
        s.execute("drop table if exists message_fts");
        // Files attached here wait for upload before the mutations that name them are pushed.
        s.execute("""
                create table uploads (
                    seq       integer primary key autoincrement,
                    blob_id   text    not null unique,
                    filename  text    not null,
                    mime_type text    not null,
                    size      integer not null,
                    state     text    not null default 'pending' check (state in ('pending', 'done')))""");
    }

    private static void version4(Statement s) throws SQLException {
        s.execute("alter table rows add column seq integer not null default 0");
        s.execute("""
                create table tombstones (
                    entity  text    not null,
                    id      text    not null,
                    version integer not null,
                    seq     integer not null,
                    primary key (entity, id))""");
    }

    private static void version5(Statement s) throws SQLException {
        s.execute("alter table rejections add column args text");
        s.execute("alter table rejections add column current text");
    }

    private static void version6(Statement s) throws SQLException {
        // SQLite cannot drop a column's NOT NULL: the table is made again (version 7 drops its rowid).
        s.execute("""
                create table rows_v6 (
                    rowid   integer primary key,
                    entity  text    not null,
                    id      text    not null,
                    version integer not null,
                    data    text,
                    seq     integer not null default 0,
                    unique (entity, id))""");
        s.execute("insert into rows_v6 (entity, id, version, data, seq)"
                + " select entity, id, version, data, seq from rows");
        s.execute("drop table rows");
        s.execute("alter table rows_v6 rename to rows");
        s.execute("""
                update rows set data = null
                 where exists (select 1 from current c
                                where c.entity = rows.entity and c.id = rows.id and c.pending = 0 and c.data = rows.data)""");
    }

    private static void version7(Statement s) throws SQLException {
        s.execute("""
                create table rows_v7 (
                    entity  text    not null,
                    id      text    not null,
                    version integer not null,
                    data    text,
                    seq     integer not null default 0,
                    primary key (entity, id)) without rowid""");
        s.execute(
                "insert into rows_v7 (entity, id, version, data, seq) select entity, id, version, data, seq from rows");
        s.execute("drop table rows");
        s.execute("alter table rows_v7 rename to rows");
    }

    private static void version8(Statement s) throws SQLException {
        s.execute("alter table current add column version integer");
        s.execute("alter table current add column seq integer");
        s.execute("""
                update current set version = r.version, seq = r.seq
                  from rows r where r.entity = current.entity and r.id = current.id and current.pending = 0""");
        // Shown as sent: the row in current is the server's (rows.data was null, or the same JSON).
        s.execute("""
                delete from rows where exists (select 1 from current c
                                                where c.entity = rows.entity and c.id = rows.id and c.pending = 0)""");
    }

    private static void version3(Statement s) throws SQLException {
        s.execute("""
                create table mutation_uploads (
                    mutation_id text not null references outbox (id) on delete cascade,
                    blob_id     text not null references uploads (blob_id) on delete cascade,
                    primary key (mutation_id, blob_id))""");
        s.execute("create index mutation_uploads_blob on mutation_uploads (blob_id)");
        // Version 2 knew a mutation's file only from its arguments (a reply's mediaBlobId): carried over once.
        s.execute("""
                insert into mutation_uploads (mutation_id, blob_id)
                select o.id, u.blob_id from outbox o join uploads u on u.blob_id = json_extract(o.args, '$.mediaBlobId')
                 where o.state = 'pending'""");
    }
}
