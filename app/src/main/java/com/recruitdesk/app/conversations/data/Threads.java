package com.recruitdesk.app.conversations.data;

import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.Entities;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Threads as the local store holds them, paged from the newest message back through an index. */
public final class Threads {
    private final LocalStore store;

    public Threads(LocalStore store) {
        this.store = store;
    }

    /**
     * The newest {@code limit} lines of a conversation, or, with {@code before}, the {@code limit}
     * lines just older than it; oldest first.
     */
    public ThreadPage page(UUID conversationId, MessageItem before, int limit) {
        StringBuilder sql =
                new StringBuilder("select data, pending, sort_key from current where entity = ? and parent = ?");
        List<Object> params = new ArrayList<>(List.of(Entities.MESSAGE, conversationId.toString()));
        if (before != null) {
            sql.append(" and (sort_key < ? or (sort_key = ? and id < ?))");
            params.add(before.sortKey());
            params.add(before.sortKey());
            params.add(before.id().toString());
        }
        sql.append(" order by sort_key desc, id desc limit ?");
        params.add(limit + 1);
        List<MessageItem> newestFirst = store.query(
                sql.toString(),
                params,
                rs -> MessageItem.from(store.parse(rs.getString(1)), rs.getInt(2) == 1, rs.getLong(3)));
        boolean hasOlder = newestFirst.size() > limit;
        List<MessageItem> page = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        Collections.reverse(page);
        return new ThreadPage(page, hasOlder);
    }

    /** Messages by id (quoted ones outside the loaded page). */
    public List<MessageItem> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(Entities.MESSAGE));
        ids.forEach(id -> params.add(id.toString()));
        return store.query(
                "select data, pending, sort_key from current where entity = ? and id in ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                params,
                rs -> MessageItem.from(store.parse(rs.getString(1)), rs.getInt(2) == 1, rs.getLong(3)));
    }
}
