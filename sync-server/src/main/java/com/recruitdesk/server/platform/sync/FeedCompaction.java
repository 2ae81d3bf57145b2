package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.tasks.BackgroundThread;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one compaction of the change feed (decisions 0034 and 0035). Each organization keeps its
 * entries for its retention: the administrator's {@code FEED_RETENTION_DAYS} setting where it is
 * set, else the server's {@code RD_FEED_RETENTION_DAYS}. Older than that, an entry goes when a newer
 * entry of the same row (a higher version, or the delete of the version it upserted), for exactly
 * the same readers, is older than that too: whoever could read the old entry reads the newer one,
 * so every reader's newest visible change of every row stays. The horizon ({@code
 * sync_feed_horizon}) moves up to the newest entry removed: a cursor behind it resets and reads a
 * snapshot. Runs every {@link #EVERY}, a batch of ids per transaction, by one server instance at a
 * time (an advisory lock), and never touches what a transaction still running could be writing.
 */
public final class FeedCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCompaction.class);
    static final Duration EVERY = Duration.ofHours(1);
    static final int BATCH = 5_000;
    private static final long LOCK = 0x5243_4643L; // "RCFC": one compaction at a time across instances

    private final Database database;
    private final Duration defaultRetention;
    private final Clock clock;
    private final BackgroundThread thread = new BackgroundThread("feed-compaction");

    public FeedCompaction(Database database, Duration defaultRetention, Clock clock) {
        this.database = database;
        this.defaultRetention = defaultRetention;
        this.clock = clock;
    }

    public FeedCompaction(Database database, Duration defaultRetention) {
        this(database, defaultRetention, Clock.systemUTC());
    }

    /** Compacts once a minute after start, then every hour. */
    public FeedCompaction start() {
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
        return this;
    }

    /** One pass over the whole feed; returns how many entries it removed (0 when another instance is at it). */
    public int compact() throws SQLException {
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

    /** How long {@code organization} keeps superseded entries: its setting where set (and sound), else the default. */
    static Duration retention(Connection c, UUID organization, Duration fallback) throws SQLException {
        var saved = Sql.one(
                c,
                "select value::text from system_settings where organization_id = ? and key = ?",
                rs -> rs.getString(1),
                organization,
                Settings.FEED_RETENTION_DAYS);
        if (saved.isPresent()) {
            try {
                JsonNode value = Json.newMapper().readTree(saved.get());
                if (Settings.problem(Settings.FEED_RETENTION_DAYS, value).isEmpty()) {
                    return Duration.ofDays(value.asInt());
                }
            } catch (IOException e) {
                // not JSON: the default
            }
        }
        return fallback;
    }

    /** Each organization's cutoff: now less its retention. */
    private Cutoffs cutoffs(Connection c) throws SQLException {
        List<UUID> organizations = Sql.list(c, "select id from organizations", rs -> rs.getObject(1, UUID.class));
        List<Instant> before = new ArrayList<>();
        Instant now = clock.instant();
        for (UUID org : organizations) {
            before.add(now.minus(retention(c, org, defaultRetention)));
        }
        return new Cutoffs(organizations, before);
    }

    private record Cutoffs(List<UUID> organizations, List<Instant> before) {}

    private record Batch(long lastId, int removed) {}

    private static final String PRUNE = """
            with cutoff (organization_id, before) as (select * from unnest(?::uuid[], ?::timestamptz[])),
            pruned as (
              delete from sync_changes o
               using cutoff k
               where o.id > ? and o.id <= ? and k.organization_id = o.organization_id and o.changed_at < k.before
                 and o.txid < pg_snapshot_xmin(pg_current_snapshot())
                 and exists (select 1 from sync_changes n
                              where n.entity = o.entity and n.row_id = o.row_id
                                and (n.version > o.version or (n.version = o.version and n.op = 'delete' and o.op = 'upsert'))
                                and n.organization_id = o.organization_id and n.changed_at < k.before
                                and n.staff = o.staff and n.scope_only = o.scope_only
                                and n.user_ids = o.user_ids and n.institution_ids = o.institution_ids)
              returning o.txid, o.id)
            select (select count(*) from pruned),
                   (select txid::text from pruned order by txid desc, id desc limit 1),
                   (select id from pruned order by txid desc, id desc limit 1)
            """;

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
        try (PreparedStatement ps = c.prepareStatement(PRUNE)) {
            ps.setArray(1, c.createArrayOf("uuid", cutoffs.organizations().toArray()));
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "timestamptz",
                            cutoffs.before().stream().map(Timestamp::from).toArray()));
            ps.setLong(3, after);
            ps.setLong(4, last);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int removed = rs.getInt(1);
                if (removed > 0) {
                    // A cursor behind what went could miss a change: it resets (decision 0034).
                    Sql.update(
                            c,
                            "update sync_feed_horizon set txid = ?::xid8, id = ?, pruned_at = now()"
                                    + " where (txid, id) < (?::xid8, ?::bigint)",
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(2),
                            rs.getLong(3));
                }
                return new Batch(last, removed);
            }
        }
    }

    @Override
    public void close() {
        thread.close();
    }
}
