package com.recruitdesk.server.admin;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.settings.OrganizationSettings;
import com.recruitdesk.server.platform.tasks.BackgroundThread;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the change feed from growing without end, by each organization's
 * {@code FEED_RETENTION_DAYS}: an entry older than that is removed when a newer entry of the same row
 * (a higher version, or the delete of the version it upserted), for exactly the same readers, is
 * older than that too. Whoever could read the old entry reads the
 * newer one, which supersedes it, so no client, however old its cursor, misses a row or a delete; the
 * newest entry of every row stays. Runs every {@link #EVERY}, a batch of ids at a time, by one server
 * instance at a time (an advisory lock).
 */
final class FeedCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCompaction.class);
    static final Duration EVERY = Duration.ofHours(1);
    static final int BATCH = 5_000;
    private static final long LOCK = 0x5243_4643L; // "RCFC": one compaction at a time across instances

    private final Database database;
    private final Clock clock;
    private final BackgroundThread thread = new BackgroundThread("feed-compaction");

    FeedCompaction(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    void start() {
        thread.repeat(Duration.ofMinutes(1), EVERY, () -> {
            try {
                int removed = compact();
                if (removed > 0) {
                    LOG.info("Change feed compacted: {} superseded entries removed", removed);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Change feed compaction failed; it runs again in {}: {}", EVERY, e.getMessage());
            }
        });
    }

    /** One pass over the whole feed; returns how many entries it removed (0 when another instance is at it). */
    int compact() throws SQLException {
        Cutoffs cutoffs = database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, this::cutoffs);
        int removed = 0;
        long after = 0;
        while (true) {
            long from = after;
            Batch batch = database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> batch(c, from, cutoffs));
            if (batch == null) {
                return removed; // another instance holds the lock
            }
            removed += batch.removed();
            if (batch.lastId() <= after) {
                return removed;
            }
            after = batch.lastId();
        }
    }

    /** Each organization's cutoff: now less its retention. */
    private Cutoffs cutoffs(Connection c) throws SQLException {
        List<UUID> organizations = Sql.list(c, "select id from organizations", rs -> rs.getObject(1, UUID.class));
        List<Instant> before = new ArrayList<>();
        Instant now = clock.instant();
        for (UUID org : organizations) {
            before.add(now.minus(Duration.ofDays(OrganizationSettings.feedRetentionDays(c, org))));
        }
        return new Cutoffs(organizations, before);
    }

    private record Cutoffs(List<UUID> organizations, List<Instant> before) {}

    private record Batch(long lastId, int removed) {}

    private Batch batch(Connection c, long after, Cutoffs cutoffs) throws SQLException {
        if (!Sql.one(c, "select pg_try_advisory_xact_lock(?)", rs -> rs.getBoolean(1), LOCK)
                .orElse(false)) {
            return null;
        }
        long last = Sql.one(
                        c,
                        "select coalesce(max(id), 0) from (select id from sync_changes where id > ? order by id limit ?) b",
                        rs -> rs.getLong(1),
                        after,
                        BATCH)
                .orElse(0L);
        if (last <= after) {
            return new Batch(after, 0);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                with cutoff (organization_id, before) as (select * from unnest(?::uuid[], ?::timestamptz[]))
                delete from sync_changes o
                 using cutoff k
                 where o.id > ? and o.id <= ? and k.organization_id = o.organization_id and o.changed_at < k.before
                   and exists (select 1 from sync_changes n
                                where n.entity = o.entity and n.row_id = o.row_id
                                  and (n.version > o.version or (n.version = o.version and n.op = 'delete' and o.op = 'upsert'))
                                  and n.organization_id = o.organization_id and n.changed_at < k.before
                                  and n.staff = o.staff and n.scope_only = o.scope_only
                                  and n.user_ids = o.user_ids and n.institution_ids = o.institution_ids)
                """)) {
            ps.setArray(1, c.createArrayOf("uuid", cutoffs.organizations().toArray()));
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "timestamptz",
                            cutoffs.before().stream()
                                    .map(i -> java.sql.Timestamp.from(i))
                                    .toArray()));
            ps.setLong(3, after);
            ps.setLong(4, last);
            int removed = ps.executeUpdate();
            return new Batch(last, removed);
        }
    }

    @Override
    public void close() {
        thread.close();
    }
}
