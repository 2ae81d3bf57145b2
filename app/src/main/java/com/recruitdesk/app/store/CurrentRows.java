package com.recruitdesk.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.ChangeOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user sees: {@code current} holds, per row, the newest pending optimistic version if
 * there is one, else the server's with its version and feed place (its only copy then, decision
 * 0054), with the parent and sort key of its {@link EntityIndex} and its text in the entity's
 * {@link TextIndex}. Every part of the store that writes rows or overlays asks
 * this one to recompute exactly the rows it touched, in the same transaction.
 */
final class CurrentRows {
    /** Meta key of the rules {@code current} was filed by, entity → fingerprint. */
    static final String RULES_KEY = "storeRules";

    private static final String TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'";

    /** Every server row's key: displaced ones in {@code rows}, those shown as sent in {@code current}. */
    static final String SERVER_KEYS =
            "select entity, id from rows union select entity, id from current where pending = 0";

    /**
     * The held row is older than a change ({@link com.recruitdesk.protocol.sync.ChangeOrder}'s rule
     * in SQL); bound to the change's version, version again and feed place.
     */
    static final String OLDER_THAN_CHANGE = "(version < ? or (version = ? and seq < ?))";

    private final Writer writer;
    private final StoreRules rules;

    CurrentRows(Writer writer, StoreRules rules) {
        this.writer = writer;
        this.rules = rules;
    }

    /**
     * Makes {@code current} agree with the rules it is opened with: creates the declared full-text
     * tables, fills everything after an upgrade from version 1, and files again the rows of every
     * entity whose rules changed since the last open. A store that has never recorded its rules was
     * filed by the ones the features declare now (the rules moved out of the store unchanged), so it
     * only records them.
     */
    void prepare(int versionFound) {
        writer.inTransaction(() -> {
            for (TextIndex index : rules.textIndexes()) {
                writer.update("create virtual table if not exists " + index.table() + " using fts5 (" + index.column()
                        + ", " + TOKENIZER + ")");
            }
            Map<String, String> now = rules.fingerprints();
            String stored = meta(RULES_KEY);
            if (versionFound == 1) {
                refreshAll(keys(SERVER_KEYS + " union select entity, id from overlay"), new HashSet<>());
            } else if (stored != null) {
                Map<String, String> before = readFingerprints(stored);
                Set<String> changed = new HashSet<>();
                for (String entity : union(before.keySet(), now.keySet())) {
                    if (!String.valueOf(before.get(entity)).equals(String.valueOf(now.get(entity)))) {
                        changed.add(entity);
                    }
                }
                if (!changed.isEmpty()) {
                    refileEntities(changed);
                }
            }
            writer.update(
                    "insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value",
                    RULES_KEY,
                    writer.json(now));
        });
    }

    private void refileEntities(Set<String> entities) throws SQLException {
        String in = String.join(", ", java.util.Collections.nCopies(entities.size(), "?"));
        List<String> params = new ArrayList<>(entities);
        params.addAll(entities);
        params.addAll(entities);
        List<String[]> keys = new ArrayList<>();
        PreparedStatement ps = writer.statement("select entity, id from rows where entity in (" + in
                + ") union select entity, id from current where pending = 0 and entity in (" + in
                + ") union select entity, id from overlay where entity in (" + in + ")");
        Writer.bind(ps, params.toArray());
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        refreshAll(keys, new HashSet<>());
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, String> readFingerprints(String json) {
        ObjectMapper mapper = Json.newMapper();
        try {
            return mapper.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of(); // unreadable: every entity counts as changed
        }
    }

    private String meta(String key) throws SQLException {
        PreparedStatement ps = writer.statement("select value from meta where key = ?");
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    List<String[]> keys(String sql, Object... params) throws SQLException {
        PreparedStatement ps = writer.statement(sql);
        Writer.bind(ps, params);
        List<String[]> keys = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return keys;
    }

    /** The rows a set of overlays covers ({@code where} filters {@code overlay}). */
    List<String[]> overlayKeys(String where, Object... params) throws SQLException {
        return keys("select distinct entity, id from overlay " + where, params);
    }

    boolean anyOverlay() throws SQLException {
        return writer.count("select exists (select 1 from overlay)") == 1;
    }

    boolean hasOverlay(String entity, String id) throws SQLException {
        return writer.count(
                        "select count(*) from (select 1 from overlay where entity = ? and id = ? limit 1)", entity, id)
                > 0;
    }

    /** Recomputes the rows {@code keys} names; their entities go into {@code touched}. */
    void refreshAll(List<String[]> keys, Set<String> touched) throws SQLException {
        for (String[] key : keys) {
            refresh(key[0], key[1]);
            touched.add(key[0]);
        }
    }

    /**
     * Recomputes one row of {@code current}: the newest pending optimistic row (none if it is a
     * delete), else the server's, else none.
     */
    void refresh(String entity, String id) throws SQLException {
        // The server's row is in rows while an optimistic row had its place, else in current (rank -2).
        PreparedStatement ps = writer.statement("""
                select data, pending, deleted, version, seq, rank from (
                    select o.data, 1 as pending, o.deleted, null as version, null as seq, m.seq as rank
                      from overlay o join outbox m on m.id = o.mutation_id
                     where o.entity = ? and o.id = ?
                    union all
                    select coalesce(r.data, c.data), 0, 0, r.version, r.seq, -1
                      from rows r left join current c on c.entity = r.entity and c.id = r.id and c.pending = 0
                     where r.entity = ? and r.id = ?
                    union all
                    select data, 0, 0, version, seq, -2 from current where entity = ? and id = ? and pending = 0)
                 order by rank desc limit 1""");
        Writer.bind(ps, entity, id, entity, id, entity, id);
        String json = null;
        boolean pending = false;
        Long version = null;
        Long seq = null;
        boolean fromRows = false;
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getInt(3) == 0) {
                json = rs.getString(1);
                pending = rs.getInt(2) == 1;
                version = rs.getObject(4) == null ? null : rs.getLong(4);
                seq = rs.getObject(5) == null ? null : rs.getLong(5);
                fromRows = rs.getInt(6) == -1;
            }
        }
        if (json != null) {
            write(entity, id, writer.parse(json), json, pending, version, seq, false);
            if (fromRows) { // shown as sent again: its one copy goes back into current
                writer.update("delete from rows where entity = ? and id = ?", entity, id);
            }
        } else {
            remove(entity, id);
        }
    }

    /** Shows an optimistic row in place of the server's (kept in {@code rows} meanwhile). */
    void put(String entity, String id, ObjectNode data, boolean pending) throws SQLException {
        write(entity, id, data, writer.json(data), pending, null, null, false);
    }

    /**
     * Shows a pulled row no optimistic row covers, as the server sent it, with its version and feed
     * place, if it is newer ({@link ChangeOrder}) than the one held; true when it was written.
     */
    boolean putPulled(Change change, String id, String json) throws SQLException {
        return write(change.entity(), id, change.data(), json, false, change.version(), change.seq(), true);
    }

    /**
     * Writes one row of {@code current} ({@code json} is {@code data} as text, written once) and its
     * search text; {@code version} and {@code seq} are the server's, null for an optimistic row.
     * {@code onlyIfNewer}: a held row is replaced only by a newer change. True when written.
     */
    private boolean write(
            String entity,
            String id,
            ObjectNode data,
            String json,
            boolean pending,
            Long version,
            Long seq,
            boolean onlyIfNewer)
            throws SQLException {
        if (pending) {
            keepServerCopy(entity, id);
        }
        EntityIndex rule = rules.of(entity).orElseGet(() -> EntityIndex.of(entity));
        RowKeys keys = RowKeys.of(rule, data);
        // A plain INSERT, else a read and an UPDATE: an upsert with RETURNING costs a statement
        // journal, and with it a flush of the full-text tables' pending terms at every row (ServerRows).
        int pendingFlag = pending ? 1 : 0;
        boolean held = writer.update(
                        "insert or ignore into current (entity, id, data, parent, sort_key, pending, version, seq)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                        entity,
                        id,
                        json,
                        keys.parent(),
                        keys.sortKey(),
                        pendingFlag,
                        version,
                        seq)
                == 0;
        long rowid;
        if (held) {
            PreparedStatement ps =
                    writer.statement("select rowid, version, seq from current where entity = ? and id = ?");
            Writer.bind(ps, entity, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rowid = rs.getLong(1);
                if (onlyIfNewer
                        && rs.getObject(2) != null
                        && !ChangeOrder.newer(version, seq, rs.getLong(2), rs.getLong(3))) {
                    return false;
                }
            }
            writer.update(
                    "update current set data = ?, parent = ?, sort_key = ?, pending = ?, version = ?, seq = ?"
                            + " where rowid = ?",
                    json,
                    keys.parent(),
                    keys.sortKey(),
                    pendingFlag,
                    version,
                    seq,
                    rowid);
        } else {
            rowid = writer.lastRowid();
        }
        if (rule.text() != null) {
            reindex(rule.text(), rowid, rule.text().text(data), held);
        }
        return true;
    }

    void remove(String entity, String id) throws SQLException {
        keepServerCopy(entity, id);
        drop("", entity, id);
    }

    /**
     * The server deleted a row shown as it sent it: gone from {@code current} if the delete is newer
     * than it; true when it went.
     */
    boolean removePulled(Change delete, String id) throws SQLException {
        return drop(
                " and pending = 0 and " + OLDER_THAN_CHANGE,
                delete.entity(),
                id,
                delete.version(),
                delete.version(),
                delete.seq());
    }

    /**
     * Deletes the row of {@code current} (and its search text) if {@code where} (more of the clause,
     * its parameters after the entity and id) holds.
     */
    private boolean drop(String where, Object... params) throws SQLException {
        String entity = (String) params[0];
        PreparedStatement ps = writer.statement("select rowid from current where entity = ? and id = ?" + where);
        Writer.bind(ps, params);
        Long rowid;
        try (ResultSet rs = ps.executeQuery()) {
            rowid = rs.next() ? rs.getLong(1) : null;
        }
        if (rowid == null) {
            return false;
        }
        writer.update("delete from current where rowid = ?", rowid);
        TextIndex index = rules.of(entity).map(EntityIndex::text).orElse(null);
        if (index != null) {
            reindex(index, rowid, "", true);
        }
        return true;
    }

    /** Every row shown as the server sent it leaves {@code current} (a reset); optimistic rows stay. */
    void removeAllPulled() throws SQLException {
        for (String[] key : keys("select entity, id from current where pending = 0")) {
            drop("", key[0], key[1]);
        }
    }

    /**
     * The server's row shown as it is has its one copy here, with its version and feed place ({@link
     * ServerRows}): before an optimistic row or delete takes its place, the copy moves into {@code rows}.
     */
    private void keepServerCopy(String entity, String id) throws SQLException {
        writer.update(
                "insert or ignore into rows (entity, id, version, seq, data) select entity, id, version, seq, data"
                        + " from current where entity = ? and id = ? and pending = 0 and version is not null",
                entity,
                id);
    }

    /** Files {@code text} under {@code rowid}; {@code held}: the row had text filed before, which goes first. */
    private void reindex(TextIndex index, long rowid, String text, boolean held) throws SQLException {
        if (held) {
            writer.update("delete from " + index.table() + " where rowid = ?", rowid);
        }
        if (!text.isBlank()) {
            writer.update(
                    "insert into " + index.table() + " (rowid, " + index.column() + ") values (?, ?)", rowid, text);
        }
    }
}
