package com.recruitdesk.server.platform.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A first sync's snapshot (decision 0034): of every row the reader may see, only its newest change
 * up to a feed position (the highest version, then the later entry, as {@code ChangeOrder} has it),
 * in pages by row (entity, then id), which the row index serves in order, so a page costs its own
 * rows whatever the feed's size; the caller drops rows whose newest change is their deletion. What a
 * replay of the whole feed up to that position would leave on the desktop, without shipping (and
 * writing) every older version. Entries up to the position cannot change under the snapshot: it is
 * below every transaction still running when it was taken (decision 0008). Compaction removes only
 * entries a newer one of the same audience supersedes, so the newest visible one stays.
 */
final class Snapshot {
    private static final String NEWEST_VISIBLE = " from sync_changes s"
            + " where s.organization_id = ?"
            + " and (s.txid, s.id) <= (?::xid8, ?)"
            + " and (s.entity, s.row_id) > (?, ?::uuid)"
            + " and ((? and (s.staff or (s.user_ids @> array[?::uuid] and not s.scope_only)))"
            + " or (not ? and (s.user_ids @> array[?::uuid] or s.institution_ids && ?::uuid[]"
            + " or (? and s.staff and s.entity = any(?::text[])))))"
            + " order by s.entity, s.row_id, s.version desc, s.id desc";
    private static final String PAGE =
            "select distinct on (s.entity, s.row_id) s.id, s.txid::text, s.entity, s.row_id, s.op, s.version,"
                    + " s.data::text, (s.user_ids @> array[?::uuid] or s.institution_ids && ?::uuid[]) as addressed"
                    + NEWEST_VISIBLE
                    + " limit ?";
    private static final String COUNT = "select count(*) from (select distinct on (s.entity, s.row_id) s.op"
            + NEWEST_VISIBLE
            + ") newest where op = 'upsert'";

    /** Rows fetched from the database per round trip while a page is written. */
    private static final int FETCH = 1_000;

    private Snapshot() {}

    /** What one page read: whether rows are left after it, and its last row (null for none). */
    record Page(boolean more, ChangeFeed.Row last) {}

    /** Receives a page's rows as they are read from the database. */
    @FunctionalInterface
    interface Sink {
        void accept(ChangeFeed.Row row) throws SQLException;
    }

    /**
     * Hands {@code sink} up to {@code limit} rows' newest changes at {@code at}'s position, after its
     * last row served, as the database returns them (fetched {@link #FETCH} at a time, never a whole
     * page in memory).
     */
    static Page page(Connection c, Visibility who, Cursor at, int limit, Sink sink) throws SQLException {
        byRowOrder(c);
        try (PreparedStatement ps = c.prepareStatement(PAGE)) {
            ps.setObject(1, who.userId());
            ps.setArray(2, c.createArrayOf("uuid", who.institutions().toArray()));
            int next = bind(c, ps, 3, who, at);
            ps.setInt(next, limit + 1);
            ps.setFetchSize(Math.min(limit + 1, FETCH));
            ChangeFeed.Row last = null;
            int read = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (read == limit) {
                        return new Page(true, last);
                    }
                    last = ChangeFeed.readRow(rs);
                    read++;
                    sink.accept(last);
                }
            }
            return new Page(false, last);
        }
    }

    /** How many rows the whole snapshot holds, for the desktop's progress. */
    static long size(Connection c, Visibility who, Cursor at) throws SQLException {
        byRowOrder(c);
        try (PreparedStatement ps = c.prepareStatement(COUNT)) {
            bind(c, ps, 1, who, at);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Plans this transaction's snapshot reads in the row index's order. Right after many rows were
     * written (a bulk load, a busy hour) the statistics can still say the organization has a few
     * hundred entries; the planner then reads all of them and sorts them (with their JSON, on disk)
     * for every page — 1.3–2.1 s a page at 100 k entries instead of 0.14 s (decision 0044). Without
     * a full sort to choose, the only plan is the walk along {@code sync_changes_row_idx}, whose cost
     * is the page's whatever the statistics say. {@code set local} ends with the transaction.
     */
    private static void byRowOrder(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("set local enable_sort = off");
        }
    }

    private static int bind(Connection c, PreparedStatement ps, int first, Visibility who, Cursor at)
            throws SQLException {
        int i = first;
        ps.setObject(i++, who.organizationId());
        ps.setString(i++, at.txid());
        ps.setLong(i++, at.id());
        ps.setString(i++, at.snapshotEntity());
        ps.setObject(i++, at.snapshotRowId());
        return ChangeFeed.bindVisibility(c, ps, i, who);
    }
}
