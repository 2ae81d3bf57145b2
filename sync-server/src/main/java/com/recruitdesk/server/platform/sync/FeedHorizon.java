package com.recruitdesk.server.platform.sync;

import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How far back the feed is whole ({@code sync_feed_horizon}, V14): compaction prunes superseded
 * entries up to this position, so a cursor behind it could miss a change and is told to reset; its
 * desktop then reads a snapshot (decision 0034).
 */
final class FeedHorizon {
    private FeedHorizon() {}

    /** True when {@code cursor} lies behind what compaction has pruned. */
    static boolean behind(Connection c, Cursor cursor) throws SQLException {
        return Sql.exists(
                c,
                "select 1 from sync_feed_horizon where (?::xid8, ?::bigint) < (txid, id)",
                cursor.txid(),
                cursor.id());
    }
}
