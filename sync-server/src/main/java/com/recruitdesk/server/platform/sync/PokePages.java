package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.server.platform.access.CurrentUser;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The pages that pokes carry (decision 0047). When an organization's feed moves from the head last
 * poked to a new one by a few entries, the page after the old head is read once per <em>audience</em>
 * — the readers for whom the feed's rule and {@link Projection} choose the same rows — serialized
 * once, and handed to each of its sockets with the cursors of the reader's access epoch in front.
 * Everything is read in one repeatable-read snapshot, as a pull is (decision 0008: only entries
 * below the oldest running transaction): the head, the entries, and each reader's roles and epoch,
 * so the rows chosen and the epoch the cursors carry agree, as in a pull (decision 0023).
 *
 * <p>Who shares an audience. The feed's rule and the projection depend on the reader through their
 * staff standing, administrator standing, institutions and SALES role, and through their own id in
 * one place only: an entry naming them ({@code user_ids}). Readers equal in the first four share a
 * page unless the range holds an entry on which the id decides — for staff, an entry not for the
 * staff that names users (a private note); for anyone else, any entry naming users — and then each
 * reader is an audience of their own. The page itself is read with the pull's own query for one
 * member of the audience, so there is no second statement of who sees what.
 */
final class PokePages {
    /** More entries than this after the last head: the sockets are told to pull (a page would be large). */
    static final int MAX_ENTRIES = 200;
    /** Set to 0 to send only plain pokes (the benchmark's same-run baseline). */
    static final String MAX_ENTRIES_PROPERTY = "recruitdesk.pokes.maxEntries";
    /** A page larger than this is not carried. */
    static final int MAX_BYTES = 64 * 1024;
    /** At most this many pages are read per poke; the readers of smaller audiences beyond are told to pull. */
    static final int MAX_AUDIENCES = 16;

    private static final String RANGE = """
            select count(*),
                   coalesce(bool_or(not staff and not scope_only and cardinality(user_ids) > 0), false),
                   coalesce(bool_or(cardinality(user_ids) > 0), false)
              from sync_changes
             where organization_id = ?
               and txid < pg_snapshot_xmin(pg_current_snapshot())
               and (txid, id) > (?::xid8, ?)
            """;
    private static final String HELD_BACK = "select 1 from sync_changes where organization_id = ?"
            + " and txid >= pg_snapshot_xmin(pg_current_snapshot()) limit 1";

    /** The readers who get the same rows from one page. {@code userId} is null when the page is shared. */
    record Audience(boolean staff, boolean administrator, List<UUID> institutions, boolean sales, UUID userId) {}

    /**
     * The organization's head and the poke for each subscriber that gets a page; the others are
     * poked to pull. {@code heldBack}: changes committed but not yet servable (decision 0008).
     */
    record Outcome(Optional<ChangeFeed.Head> head, boolean heldBack, Map<Subscriber, String> carried) {}

    private final Database database;
    private final ObjectMapper mapper;

    PokePages(Database database, ObjectMapper mapper) {
        this.database = database;
        this.mapper = mapper;
    }

    /** Reads the head and, when it moved a little from {@code last}, the page each subscriber gets. */
    Outcome prepare(UUID org, ChangeFeed.Head last, Collection<Subscriber> subscribers) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> {
            Optional<ChangeFeed.Head> head = ChangeFeed.headWithEpoch(c, org);
            boolean heldBack = Sql.exists(c, HELD_BACK, org);
            Map<Subscriber, String> carried = new HashMap<>();
            if (head.isPresent() && last != null && !head.get().equals(last) && !subscribers.isEmpty()) {
                Cursor from = new Cursor(head.get().feedEpoch(), 0, last.txid(), last.id());
                carry(c, org, from, last, head.get(), subscribers, carried);
            }
            return new Outcome(head, heldBack, carried);
        });
    }

    private void carry(
            Connection c,
            UUID org,
            Cursor from,
            ChangeFeed.Head last,
            ChangeFeed.Head head,
            Collection<Subscriber> subscribers,
            Map<Subscriber, String> carried)
            throws SQLException {
        if (last.feedEpoch() != head.feedEpoch()
                || FeedEpoch.fromTheFuture(c, org)
                || FeedEpoch.beyondTheFeed(c, from)
                || FeedHorizon.behind(c, from)) {
            return; // a restored or compacted feed: every pull decides for itself
        }
        long[] range = Sql.one(
                        c,
                        RANGE,
                        rs -> new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0, rs.getBoolean(3) ? 1 : 0},
                        org,
                        from.txid(),
                        from.id())
                .orElseThrow();
        if (range[0] == 0 || range[0] > Integer.getInteger(MAX_ENTRIES_PROPERTY, MAX_ENTRIES)) {
            return;
        }
        boolean staffPersonal = range[1] == 1;
        boolean addressed = range[2] == 1;
        Map<UUID, CurrentUser> users = CurrentUser.readAll(
                c, subscribers.stream().map(s -> s.userId).distinct().toList());
        Map<Audience, List<Subscriber>> audiences = new LinkedHashMap<>();
        Map<Audience, Visibility> readers = new HashMap<>();
        for (Subscriber s : subscribers) {
            CurrentUser user = users.get(s.userId);
            if (user == null || !user.active() || !user.organizationId().equals(org)) {
                continue; // its stream is about to close (Pokes.accessChanged); a plain poke meanwhile
            }
            Visibility who = Visibility.of(user.principal());
            boolean personal = who.staff() ? staffPersonal : addressed;
            Audience audience = new Audience(
                    who.staff(),
                    who.administrator(),
                    who.institutions().stream().sorted().toList(),
                    who.sales(),
                    personal ? who.userId() : null);
            audiences.computeIfAbsent(audience, k -> new ArrayList<>()).add(s);
            readers.putIfAbsent(audience, who);
            s.accessEpoch = user.accessEpoch();
        }
        List<Map.Entry<Audience, List<Subscriber>>> largestFirst = audiences.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> -e.getValue().size()))
                .limit(MAX_AUDIENCES)
                .toList();
        for (Map.Entry<Audience, List<Subscriber>> audience : largestFirst) {
            String changes = changes(c, readers.get(audience.getKey()), from);
            if (changes == null) {
                continue;
            }
            Map<Long, String> byEpoch = new HashMap<>();
            for (Subscriber s : audience.getValue()) {
                long epoch = s.accessEpoch;
                carried.put(
                        s,
                        byEpoch.computeIfAbsent(
                                epoch,
                                e -> text(
                                        head.cursorFor(e),
                                        from.under(head.feedEpoch(), e).encode(),
                                        changes)));
            }
        }
    }

    /**
     * The page after {@code from} as {@code who} may read it, as the JSON text after the opening
     * brace of {@code {"changes":[…]}}; null when too large to carry.
     */
    private String changes(Connection c, Visibility who, Cursor from) throws SQLException {
        PageJson json = new PageJson(mapper, who);
        ChangeFeed.latestPerRow(ChangeFeed.page(c, who, from, MAX_ENTRIES)).forEach(json::change);
        byte[] page = json.finishChanges();
        return page.length > MAX_BYTES ? null : new String(page, 1, page.length - 1, StandardCharsets.UTF_8);
    }

    /** The poke's JSON: its cursors (base64url, nothing to escape) and the shared page after them. */
    private static String text(String cursor, String from, String changes) {
        return "{\"cursor\":\"" + cursor + "\",\"from\":\"" + from + "\"," + changes;
    }
}
