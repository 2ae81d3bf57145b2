package com.recruitdesk.app.store;

import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.ChangeOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rows the server sent and the small values in {@code meta}. A row is written once: while no
 * optimistic row covers it, what the user sees in {@code current} is the server's row, kept there with
 * its version and feed place, and it has no {@code rows} entry; {@link CurrentRows} moves it into
 * {@code rows} (entity, id, version, JSON) before an optimistic row or delete takes its place, and back
 * when that is gone (decisions 0044, 0054).
 */
final class ServerRows {
    private final Writer writer;
    private final CurrentRows current;
    private final BulkLoad bulk;

    ServerRows(Writer writer, CurrentRows current) {
        this.writer = writer;
        this.current = current;
        this.bulk = new BulkLoad(writer);
    }

    /**
     * Applies one pulled page and moves the cursor past it in one transaction. A change applies only
     * when it is newer ({@link ChangeOrder}) than the row held and than the row's tombstone, the
     * newest delete seen: the feed may bring a row's older change after a newer one (decision 0023).
     * What the user sees changes too, unless a pending optimistic row covers the row. The entities
     * touched go into {@code touched}. {@code more}: more pages of the same sync follow at once, so a
     * first sync may load them in bulk ({@link BulkLoad}).
     */
    void apply(List<Change> changes, String cursor, boolean more, Set<String> touched) {
        writer.inRefetchableTransaction(() -> {
            bulk.beforePage(more);
            boolean overlays = current.anyOverlay();
            // A first sync has no tombstones: then no change needs its row's checked, nor cleared.
            boolean tombstones = writer.count("select exists (select 1 from tombstones)") == 1;
            for (Change change : changes) {
                String id = change.id().toString();
                if (tombstones && buried(change, id)) {
                    continue;
                }
                boolean covered = overlays && current.hasOverlay(change.entity(), id);
                if (change.isDelete()) {
                    // Covered: the server's row waits in rows; else it is the one shown.
                    writer.update(
                            "delete from rows where entity = ? and id = ? and " + CurrentRows.OLDER_THAN_CHANGE,
                            change.entity(),
                            id,
                            change.version(),
                            change.version(),
                            change.seq());
                    if (!covered) {
                        current.removePulled(change, id);
                    }
                    if (!held(change.entity(), id)) {
                        bury(change, id);
                        tombstones = true;
                    }
                } else {
                    String json = writer.json(change.data());
                    // Shown as it is: its one copy is in current; covered: kept here until the overlay goes.
                    boolean stored = covered ? store(change, id, json) : current.putPulled(change, id, json);
                    if (stored && tombstones) {
                        writer.update("delete from tombstones where entity = ? and id = ?", change.entity(), id);
                    }
                }
                touched.add(change.entity());
            }
            bulk.afterPage(more);
            putMeta(cursor);
        });
    }

    /**
     * Keeps the server's row of a row an optimistic row covers if it is newer than the one kept; true
     * when it was written. A plain INSERT, else a read and an UPDATE; not an upsert with RETURNING:
     * SQLite gives such a statement a statement journal, which makes the full-text tables written in
     * the same transaction flush their pending terms to disk at every row (decision 0049).
     */
    private boolean store(Change change, String id, String json) throws java.sql.SQLException {
        if (writer.update(
                        "insert or ignore into rows (entity, id, version, seq, data) values (?, ?, ?, ?, ?)",
                        change.entity(),
                        id,
                        change.version(),
                        change.seq(),
                        json)
                == 1) {
            return true;
        }
        PreparedStatement held = writer.statement("select version, seq from rows where entity = ? and id = ?");
        Writer.bind(held, change.entity(), id);
        try (ResultSet rs = held.executeQuery()) {
            if (rs.next() && !ChangeOrder.newer(change.version(), change.seq(), rs.getLong(1), rs.getLong(2))) {
                return false;
            }
        }
        writer.update(
                "update rows set version = ?, seq = ?, data = ? where entity = ? and id = ?",
                change.version(),
                change.seq(),
                json,
                change.entity(),
                id);
        return true;
    }

    /** True when the store holds the server's row, in {@code rows} or shown in {@code current}. */
    private boolean held(String entity, String id) throws java.sql.SQLException {
        return writer.count(
                        "select exists (select 1 from rows where entity = ? and id = ?)"
                                + " or exists (select 1 from current where entity = ? and id = ? and pending = 0)",
                        entity,
                        id,
                        entity,
                        id)
                == 1;
    }

    /** True when the row's newest delete is at least as new as {@code change}. */
    private boolean buried(Change change, String id) throws java.sql.SQLException {
        return writer.count(
                        "select count(*) from tombstones where entity = ? and id = ?"
                                + " and (version > ? or (version = ? and seq >= ?))",
                        change.entity(),
                        id,
                        change.version(),
                        change.version(),
                        change.seq())
                > 0;
    }

    private void bury(Change change, String id) throws java.sql.SQLException {
        writer.update("""
                insert into tombstones (entity, id, version, seq) values (?, ?, ?, ?)
                on conflict (entity, id) do update set version = excluded.version, seq = excluded.seq""", change.entity(), id, change.version(), change.seq());
    }

    /** Removes every pulled row (what the user sees keeps the pending optimistic ones) and starts at {@code cursor}. */
    void reset(String cursor, Set<String> touched) {
        writer.inTransaction(() -> {
            List<String[]> keys = current.keys("select entity, id from current");
            writer.update("delete from rows");
            current.removeAllPulled();
            writer.update("delete from tombstones");
            writer.update("delete from meta where key like 'firstSync%'");
            current.refreshAll(keys, touched); // rows gone, overlays stay
            putMeta(cursor);
        });
    }

    private void putMeta(String cursor) throws java.sql.SQLException {
        writer.update(
                "insert into meta (key, value) values ('cursor', ?) on conflict (key) do update set value = excluded.value",
                cursor);
    }

    Optional<String> meta(String key) {
        return writer.read(() -> {
            PreparedStatement ps = writer.statement("select value from meta where key = ?");
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    void setMeta(String key, String value) {
        writer.inTransaction(() -> writer.update(
                "insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value",
                key,
                value));
    }

    Optional<Long> version(String entity, UUID id) {
        return writer.read(() -> {
            PreparedStatement ps = writer.statement("select version from rows where entity = ? and id = ? union all"
                    + " select version from current where entity = ? and id = ? and pending = 0 limit 1");
            Writer.bind(ps, entity, id.toString(), entity, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    int total() {
        return writer.read(() ->
                writer.count("select (select count(*) from rows) + (select count(*) from current where pending = 0)"));
    }
}
