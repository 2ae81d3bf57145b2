package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.ChangeOrder;
import com.recruitdesk.protocol.sync.PullResponse;
import com.recruitdesk.server.platform.access.CurrentUser;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.http.ApiException;
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
 * later appear behind a cursor handed out. See decision 0008. Who the user is (organization, roles,
 * access epoch) is read in the page's own snapshot, so the rows chosen and the epoch the cursor
 * carries always agree; a cursor of an older epoch is answered with a reset (decision 0023).
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
                    or (not ? and (user_ids @> array[?::uuid] or institution_ids && ?::uuid[]
                                   or (? and staff and entity = any(?::text[])))))
            """;
    // The text form of txid gets its own name: "order by txid" must sort the xid8 column, not text.
    // "addressed": the entry names this reader itself (not only their role), see SalesScope.
    private static final String PAGE = "select id, txid::text as txid_text, entity, row_id, op, version, data::text,"
            + " (user_ids @> array[?::uuid] or institution_ids && ?::uuid[]) as addressed"
            + VISIBLE_AFTER
            + " order by txid, id limit ?";
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

    /** The newest servable position of an organization's feed, under the feed's epoch. */
    public record Head(long feedEpoch, String txid, long id) {
        /** The poke a client of this access epoch compares with its cursor. */
        public String cursorFor(long accessEpoch) {
            return new Cursor(feedEpoch, accessEpoch, txid, id).encode();
        }
    }

    /** A page of the feed after {@code after} as the user may see it, as the JSON of a {@link PullResponse}. */
    byte[] pull(UUID userId, Cursor after, int limit) throws SQLException {
        while (true) {
            Optional<byte[]> response = tryPull(userId, after, limit);
            if (response.isPresent()) {
                return response.get();
            }
            FeedEpoch.repair(database); // entries from the future: renumber them, new epoch, then pull again
        }
    }

    private Optional<byte[]> tryPull(UUID userId, Cursor after, int limit) throws SQLException {
        // One snapshot for the user, the page and the head, so the cursor we hand out matches what we read.
        return database.jdbcTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> {
            CurrentUser user = CurrentUser.read(c, userId)
                    .filter(CurrentUser::active)
                    .orElseThrow(() -> new ApiException(
                            401,
                            ErrorCodes.ACCOUNT_INACTIVE,
                            "This account has been deactivated; ask an administrator."));
            Visibility who = Visibility.of(user.principal());
            if (FeedEpoch.fromTheFuture(c, who.organizationId())) {
                return Optional.empty();
            }
            long feedEpoch = FeedEpoch.current(c);
            if (!after.matches(feedEpoch, user.accessEpoch()) || FeedEpoch.beyondTheFeed(c, after)) {
                return Optional.of(reset(feedEpoch, user.accessEpoch()));
            }
            if (!after.fromBeginning() && FeedHorizon.behind(c, after)) {
                // Compaction pruned entries after this cursor: only a snapshot makes this desktop whole
                // again. A snapshot's own cursor too: the feed it would go on from is no longer whole.
                return Optional.of(reset(feedEpoch, user.accessEpoch()));
            }
            if (after.fromBeginning() || after.inSnapshot()) {
                return Optional.of(snapshot(c, who, after, limit, feedEpoch, user.accessEpoch()));
            }
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
            PageJson json = new PageJson(mapper, who);
            latestPerRow(rows).forEach(json::change);
            return Optional.of(
                    json.finish(next.under(feedEpoch, user.accessEpoch()).encode(), hasMore, null));
        });
    }

    private byte[] reset(long feedEpoch, long accessEpoch) {
        return PageJson.of(
                mapper,
                PullResponse.reset(Cursor.START.under(feedEpoch, accessEpoch).encode()));
    }

    /**
     * A first sync: the current rows the reader may see, up to the head when it began, in pages;
     * the last page's cursor is that head, where the feed goes on (decision 0034).
     */
    private byte[] snapshot(Connection c, Visibility who, Cursor after, int limit, long feedEpoch, long accessEpoch)
            throws SQLException {
        Cursor at;
        if (after.inSnapshot()) {
            at = after;
        } else {
            Optional<Cursor> head = head(c, who.organizationId());
            if (head.isEmpty()) {
                return PageJson.of(
                        mapper,
                        new PullResponse(after.under(feedEpoch, accessEpoch).encode(), false, List.of(), null));
            }
            at = head.get().snapshotStart();
        }
        PageJson json = new PageJson(mapper, who);
        // A row whose newest change is its deletion is not sent: the desktop never held it.
        Snapshot.Page page = Snapshot.page(c, who, at, limit, row -> {
            if (Change.UPSERT.equals(row.op())) {
                json.change(row);
            }
        });
        Long total = after.fromBeginning() && page.more() ? Snapshot.size(c, who, at) : null;
        Cursor next =
                page.more() ? at.snapshotAfter(page.last().entity(), page.last().id()) : at.position();
        // Once the snapshot is read, what was written meanwhile follows in the same sync.
        boolean hasMore = page.more()
                || head(c, who.organizationId()).map(h -> compare(h, at) > 0).orElse(false);
        return json.finish(next.under(feedEpoch, accessEpoch).encode(), hasMore, total);
    }

    /** The newest position any client of the organization could pull up to now. */
    public Optional<Head> head(UUID organizationId) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> headWithEpoch(c, organizationId));
    }

    /** The organization's head on {@code c}'s snapshot, with the feed's epoch. */
    static Optional<Head> headWithEpoch(Connection c, UUID organizationId) throws SQLException {
        long feedEpoch = FeedEpoch.current(c);
        return head(c, organizationId).map(h -> new Head(feedEpoch, h.txid(), h.id()));
    }

    /** The pages pokes carry, read from this feed (decision 0047). */
    PokePages pokePages() {
        return new PokePages(database, mapper);
    }

    /** A feed entry; {@code data} is the row's JSON text as PostgreSQL sent it (UTF-8), not decoded. */
    record Row(Cursor cursor, String entity, UUID id, String op, long version, byte[] data, boolean addressed) {
        long seq() {
            return cursor.id();
        }
    }

    /** Binds the visibility rule from parameter {@code first}; returns the next parameter index. */
    private static int bindVisibleAfter(Connection c, PreparedStatement ps, int first, Visibility who, Cursor after)
            throws SQLException {
        int i = first;
        ps.setObject(i++, who.organizationId());
        ps.setString(i++, after.txid());
        ps.setLong(i++, after.id());
        return bindVisibility(c, ps, i, who);
    }

    /** Binds who may read an entry (the seven parameters of the feed's rule) from {@code first}. */
    static int bindVisibility(Connection c, PreparedStatement ps, int first, Visibility who) throws SQLException {
        int i = first;
        ps.setBoolean(i++, who.staff());
        ps.setObject(i++, who.userId());
        ps.setBoolean(i++, who.staff());
        ps.setObject(i++, who.userId());
        ps.setArray(i++, c.createArrayOf("uuid", who.institutions().toArray()));
        ps.setBoolean(i++, who.sales());
        ps.setArray(i++, c.createArrayOf("text", SalesScope.ENTITIES.toArray()));
        return i;
    }

    /** A feed entry as the page queries select it: id, txid, entity, row id, op, version, data, addressed. */
    static Row readRow(ResultSet rs) throws SQLException {
        return new Row(
                new Cursor(0, 0, rs.getString(2), rs.getLong(1)),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getLong(6),
                rs.getBytes(7), // a text column: pgjdbc hands out its bytes as they came
                rs.getBoolean(8));
    }

    /** Up to {@code limit} entries after {@code after} that {@code who} may read, in the feed's order. */
    static List<Row> page(Connection c, Visibility who, Cursor after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PAGE)) {
            ps.setObject(1, who.userId());
            ps.setArray(2, c.createArrayOf("uuid", who.institutions().toArray()));
            int next = bindVisibleAfter(c, ps, 3, who, after);
            ps.setInt(next, limit);
            ps.setFetchSize(Math.min(limit, 1_000));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(readRow(rs));
                }
            }
            return rows;
        }
    }

    /** The newest servable position of the organization's feed on {@code c}'s snapshot (no epochs). */
    static Optional<Cursor> head(Connection c, UUID organizationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HEAD)) {
            ps.setObject(1, organizationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Cursor(0, 0, rs.getString(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    /**
     * A page needs only the newest change of each row ({@link ChangeOrder}: the highest version, then
     * the later entry), at the place of that newest change. Not the last in the page's order: a
     * transaction with a lower id may have committed a row's older version after a newer one.
     */
    static List<Row> latestPerRow(List<Row> rows) {
        Map<String, Row> latest = new LinkedHashMap<>();
        for (Row row : rows) {
            String key = row.entity() + "/" + row.id();
            Row kept = latest.get(key);
            if (kept == null || ChangeOrder.newer(row.version(), row.seq(), kept.version(), kept.seq())) {
                latest.remove(key);
                latest.put(key, row);
            }
        }
        return new ArrayList<>(latest.values());
    }

    private static int compare(Cursor a, Cursor b) {
        int byTx = Long.compareUnsigned(Long.parseUnsignedLong(a.txid()), Long.parseUnsignedLong(b.txid()));
        return byTx != 0 ? byTx : Long.compare(a.id(), b.id());
    }
}
