package com.recruitdesk.server.platform.sync;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's epoch ({@code sync_feed_epoch}, V9), which every cursor carries. Transaction ids only
 * grow within one PostgreSQL cluster; a dump restored into another (or a move from the embedded
 * database to an office's server) can start lower than the ids the feed's entries carry, and then
 * every new entry would sort behind cursors already handed out. A pull that sees an entry stamped
 * above any id this cluster has given out repairs it: those entries move below every transaction
 * to come, and a new epoch makes every client start over (decision 0023).
 */
final class FeedEpoch {
    private static final Logger LOG = LoggerFactory.getLogger(FeedEpoch.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private FeedEpoch() {}

    static long current(Connection c) throws SQLException {
        return Sql.one(c, "select epoch from sync_feed_epoch", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** True when the organization's feed holds an entry from a transaction this cluster never had. */
    static boolean fromTheFuture(Connection c, UUID organizationId) throws SQLException {
        return Sql.exists(
                c,
                "select 1 from sync_changes where organization_id = ?"
                        + " and txid >= pg_snapshot_xmax(pg_current_snapshot()) limit 1",
                organizationId);
    }

    /**
     * True when {@code cursor} points past anything this database has handed out: a transaction it
     * has not run yet, or a feed entry above its sequence. That is a cursor from before a backup was
     * restored into the same cluster (the feed's epoch came back with the backup): what its client
     * holds may be rows the database no longer has, and entries about to be written could sort
     * behind it, so it starts over.
     */
    static boolean beyondTheFeed(Connection c, Cursor cursor) throws SQLException {
        if (cursor.fromBeginning()) {
            return false;
        }
        return Sql.exists(
                c,
                "select 1 where ?::xid8 >= pg_snapshot_xmax(pg_current_snapshot())"
                        + " or ? > coalesce(pg_sequence_last_value(pg_get_serial_sequence('sync_changes', 'id')), 0)",
                cursor.txid(),
                cursor.id());
    }

    /** Moves entries from the future below every transaction to come and starts a new epoch; once, whoever asks. */
    static void repair(Database database) throws SQLException {
        database.transaction(c -> {
            Sql.one(c, "select epoch from sync_feed_epoch for update", rs -> rs.getLong(1));
            int moved = Sql.update(
                    c,
                    "update sync_changes set txid = '1'::xid8 where txid >= pg_snapshot_xmax(pg_current_snapshot())");
            if (moved > 0) {
                long epoch = RANDOM.nextLong(1, Long.MAX_VALUE);
                Sql.update(c, "update sync_feed_epoch set epoch = ?, started_at = now()", epoch);
                LOG.warn(
                        "The change feed held {} entries from transactions this database never ran (a restore or a"
                                + " move?); they were renumbered and every client will sync again from the start",
                        moved);
            }
            return moved;
        });
    }
}
