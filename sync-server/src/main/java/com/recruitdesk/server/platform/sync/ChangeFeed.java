package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.PullResponse;
import com.recruitdesk.server.platform.db.Database;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the change feed for one user. Only entries below the oldest transaction still running
 * ({@code pg_snapshot_xmin}) are served: every transaction under it has ended, so no entry can
 * later appear behind a cursor handed out. See decision 0008.
 */
public final class ChangeFeed {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5_000;

    private static final String VISIBLE_AFTER = """
              from sync_changes
             where organization_id = ?
               and txid < pg_snapshot_xmin(pg_current_snapshot())
               and (txid, id) > (?::xid8, ?)
               and ((? and (staff or (user_ids @> array[?::uuid] and not scope_only)))
                    or (not ? and (user_ids @> array[?::uuid] or institution_ids && ?::uuid[])))
            """;
    // The text form of txid gets its own name: "order by txid" must sort the xid8 column, not text.
    private static final String PAGE = "select id, txid::text as txid_text, entity, row_id, op, version, data::text"
            + VISIBLE_AFTER
            + " order by txid, id limit ?";
    private static final String COUNT = "select count(*)" + VISIBLE_AFTER;
    private static final String HEAD = """
            select txid::text as txid_text, id
              from sync_changes
             where organization_id = ?
               and txid < pg_snapshot_xmin(pg_current_snapshot())
             order by txid desc, id desc
             limit 1
            """;

    private final Database database;
    private final ObjectMapper mapper;

    public ChangeFeed(Database database, ObjectMapper mapper) {
        this.database = database;
        this.mapper = mapper;
    }

    PullResponse pull(Visibility who, Cursor after, int limit) throws SQLException {
        // One snapshot for the page and the head, so the cursor we hand out matches what we read.
        return database.jdbcTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> {
            List<Row> rows = page(c, who, after, limit + 1);
            boolean hasMore = rows.size() > limit;
            if (hasMore) {
                rows = rows.subList(0, limit);
            }
            Cursor next = hasMore
                    ? rows.getLast().cursor()
                    : head(c, who.organizationId()).orElse(after);
            if (!hasMore && !rows.isEmpty() && compare(rows.getLast().cursor(), next) > 0) {
                next = rows.getLast().cursor();
            }
            // A first sync learns its size once, so the desktop can show progress; later pulls skip the count.
            Long total = hasMore && after.equals(Cursor.START) ? count(c, who, after) : null;
            return new PullResponse(next.encode(), hasMore, latestPerRow(rows, who), total);
        });
    }

    /** The newest position any client of the organization could pull up to now. */
    public Optional<String> head(UUID organizationId) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> head(c, organizationId))
                .map(Cursor::encode);
    }

    /** True while the organization has committed changes not yet servable (an older transaction still runs). */
    boolean hasHeldBackChanges(UUID organizationId) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select exists (select 1 from sync_changes where organization_id = ?"
                            + " and txid >= pg_snapshot_xmin(pg_current_snapshot()))")) {
                ps.setObject(1, organizationId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    private record Row(Cursor cursor, String entity, UUID id, String op, long version, String data) {}

    private static void bindVisibleAfter(Connection c, PreparedStatement ps, Visibility who, Cursor after)
            throws SQLException {
        Array institutions = c.createArrayOf("uuid", who.institutions().toArray());
        ps.setObject(1, who.organizationId());
        ps.setString(2, after.txid());
        ps.setLong(3, after.id());
        ps.setBoolean(4, who.staff());
        ps.setObject(5, who.userId());
        ps.setBoolean(6, who.staff());
        ps.setObject(7, who.userId());
        ps.setArray(8, institutions);
    }

    private static long count(Connection c, Visibility who, Cursor after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNT)) {
            bindVisibleAfter(c, ps, who, after);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Row> page(Connection c, Visibility who, Cursor after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PAGE)) {
            bindVisibleAfter(c, ps, who, after);
            ps.setInt(9, limit);
            ps.setFetchSize(Math.min(limit, 1_000));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            new Cursor(rs.getString(2), rs.getLong(1)),
                            rs.getString(3),
                            rs.getObject(4, UUID.class),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getString(7)));
                }
            }
            return rows;
        }
    }

    private static Optional<Cursor> head(Connection c, UUID organizationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HEAD)) {
            ps.setObject(1, organizationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Cursor(rs.getString(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    /** A page needs only the newest change of each row, at the place of that newest change. */
    private List<Change> latestPerRow(List<Row> rows, Visibility who) {
        Map<String, Row> latest = new LinkedHashMap<>();
        for (Row row : rows) {
            String key = row.entity() + "/" + row.id();
            latest.remove(key);
            latest.put(key, row);
        }
        List<Change> changes = new ArrayList<>(latest.size());
        for (Row row : latest.values()) {
            ObjectNode data = null;
            if (Change.UPSERT.equals(row.op()) && row.data() != null) {
                ObjectNode raw = RowJson.parse(mapper, row.data());
                data = RowJson.camelCase(mapper, Projection.forReader(row.entity(), raw, who));
            }
            changes.add(new Change(row.entity(), row.id(), row.op(), row.version(), data));
        }
        return changes;
    }

    private static int compare(Cursor a, Cursor b) {
        int byTx = Long.compareUnsigned(Long.parseUnsignedLong(a.txid()), Long.parseUnsignedLong(b.txid()));
        return byTx != 0 ? byTx : Long.compare(a.id(), b.id());
    }
}
