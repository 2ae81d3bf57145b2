package com.recruitdesk.server.platform.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A first sync's snapshot (decision 0034): of every row the reader may see, only its newest change
 * up to a feed position (the highest version, then the later entry, as {@code ChangeOrder} has it),
 * and only if that change is an upsert, in pages by entry id. What a replay of the whole feed up to
 * that position would leave on the desktop, without shipping (and writing) every older version and
 * every row deleted since. Entries up to the position cannot change under the snapshot: it is below
 * every transaction still running when it was taken (decision 0008). Compaction removes only
 * entries a newer one of the same audience supersedes, so the newest visible one stays.
 */
final class Snapshot {
    /** Who may read entry {@code x}: the same rule as the feed's ({@link ChangeFeed}), for one alias. */
    private static String visible(String x) {
        return ("((? and (x.staff or (x.user_ids @> array[?::uuid] and not x.scope_only)))"
                        + " or (not ? and (x.user_ids @> array[?::uuid] or x.institution_ids && ?::uuid[]"
                        + " or (? and x.staff and x.entity = any(?::text[])))))")
                .replace("x.", x + ".");
    }

    private static final String NEWEST_VISIBLE_UPSERTS = " from sync_changes s"
            + " where s.organization_id = ?"
            + " and (s.txid, s.id) <= (?::xid8, ?)"
            + " and s.id > ?"
            + " and s.op = 'upsert'"
            + " and " + visible("s")
            + " and not exists (select 1 from sync_changes n"
            + " where n.entity = s.entity and n.row_id = s.row_id and n.organization_id = s.organization_id"
            + " and (n.txid, n.id) <= (?::xid8, ?)"
            + " and (n.version > s.version or (n.version = s.version and n.id > s.id))"
            + " and " + visible("n") + ")";
    private static final String PAGE = "select s.id, s.txid::text, s.entity, s.row_id, s.op, s.version, s.data::text,"
            + " (s.user_ids @> array[?::uuid] or s.institution_ids && ?::uuid[]) as addressed"
            + NEWEST_VISIBLE_UPSERTS
            + " order by s.id limit ?";
    private static final String COUNT = "select count(*)" + NEWEST_VISIBLE_UPSERTS;

    private Snapshot() {}

    /** Up to {@code limit} rows of the snapshot at {@code at}'s position, after its last entry served. */
    static List<ChangeFeed.Row> page(Connection c, Visibility who, Cursor at, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PAGE)) {
            ps.setObject(1, who.userId());
            ps.setArray(2, c.createArrayOf("uuid", who.institutions().toArray()));
            int next = bind(c, ps, 3, who, at);
            ps.setInt(next, limit);
            ps.setFetchSize(Math.min(limit, 1_000));
            List<ChangeFeed.Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(ChangeFeed.readRow(rs));
                }
            }
            return rows;
        }
    }

    /** How many rows the whole snapshot holds, for the desktop's progress. */
    static long size(Connection c, Visibility who, Cursor at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNT)) {
            bind(c, ps, 1, who, at);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int bind(Connection c, PreparedStatement ps, int first, Visibility who, Cursor at)
            throws SQLException {
        int i = first;
        ps.setObject(i++, who.organizationId());
        ps.setString(i++, at.txid());
        ps.setLong(i++, at.id());
        ps.setLong(i++, at.snapshotAfter());
        i = ChangeFeed.bindVisibility(c, ps, i, who);
        ps.setString(i++, at.txid());
        ps.setLong(i++, at.id());
        return ChangeFeed.bindVisibility(c, ps, i, who);
    }
}
