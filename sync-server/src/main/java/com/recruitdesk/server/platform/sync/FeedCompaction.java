package com.recruitdesk.server.platform.sync;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.tasks.BackgroundThread;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes the change feed (decision 0034): of the entries older than the retention, those a newer
 * entry of the same row and the same audience supersedes. Every reader's newest visible change of
 * every row stays, so a snapshot and any cursor after the pruned part see what they saw before; the
 * horizon moves up to the pruned part, and a cursor behind it resets and reads a snapshot.
 */
public final class FeedCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCompaction.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final Database database;
    private final Duration retention;
    private final BackgroundThread thread = new BackgroundThread("feed-compaction");

    public FeedCompaction(Database database, Duration retention) {
        this.database = database;
        this.retention = retention;
    }

    /** Compacts once a minute after start, then every hour. */
    public FeedCompaction start() {
        thread.repeat(Duration.ofMinutes(1), EVERY, () -> {
            try {
                compact();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Change feed compaction failed; it runs again in {}: {}", EVERY, e.getMessage());
            }
        });
        return this;
    }

    /** Prunes what the retention allows now; returns the entries removed. */
    public int compact() throws SQLException {
        return database.transaction(c -> {
            // The newest entry older than the retention, below every transaction still running.
            var edge = Sql.one(
                    c,
                    "select txid::text, id from sync_changes"
                            + " where changed_at < now() - ?::interval and txid < pg_snapshot_xmin(pg_current_snapshot())"
                            + " order by txid desc, id desc limit 1",
                    rs -> new Cursor(0, 0, rs.getString(1), rs.getLong(2)),
                    retention.toSeconds() + " seconds");
            if (edge.isEmpty()) {
                return 0;
            }
            Sql.one(c, "select 1 from sync_feed_horizon for update", rs -> 1);
            int pruned = Sql.update(c, """
                    delete from sync_changes s
                     where (s.txid, s.id) <= (?::xid8, ?::bigint)
                       and exists (select 1 from sync_changes n
                                    where n.entity = s.entity and n.row_id = s.row_id
                                      and n.organization_id = s.organization_id
                                      and n.staff = s.staff and n.scope_only = s.scope_only
                                      and n.user_ids = s.user_ids and n.institution_ids = s.institution_ids
                                      and (n.version > s.version or (n.version = s.version and n.id > s.id)))
                    """, edge.get().txid(), edge.get().id());
            Sql.update(
                    c,
                    "update sync_feed_horizon set txid = ?::xid8, id = ?, pruned_at = now()"
                            + " where (txid, id) < (?::xid8, ?::bigint)",
                    edge.get().txid(),
                    edge.get().id(),
                    edge.get().txid(),
                    edge.get().id());
            if (pruned > 0) {
                LOG.info("Change feed compaction pruned {} superseded entries older than {}", pruned, retention);
            }
            return pruned;
        });
    }

    @Override
    public void close() {
        thread.close();
    }
}
