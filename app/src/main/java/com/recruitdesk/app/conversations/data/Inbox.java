package com.recruitdesk.app.conversations.data;

import com.recruitdesk.app.format.PersonName;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Entities;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The inbox as the local store holds it: conversations by last message, filtered and searched in SQL. */
public final class Inbox {
    /** Most message hits a search looks at; more than anyone reads, few enough to stay fast. */
    static final int MAX_MESSAGE_HITS = 5_000;

    private static final String SELECT = """
            select c.id, c.pending, c.parent,
                   json_extract(c.data, '$.status'), json_extract(c.data, '$.assignedUserId'),
                   json_extract(c.data, '$.unreadCount'), json_extract(c.data, '$.lastMessagePreview'),
                   json_extract(c.data, '$.lastMessageAt'), json_extract(c.data, '$.lastInboundAt'),
                   json_extract(c.data, '$.whatsappAccountId'), json_extract(c.data, '$.version'),
                   json_extract(p.data, '$.fullName'), json_extract(p.data, '$.firstName'),
                   json_extract(p.data, '$.lastName'), json_extract(p.data, '$.whatsappName'),
                   json_extract(p.data, '$.whatsappUsername'), json_extract(p.data, '$.whatsappId'),
                   json_extract(p.data, '$.email')
              from current c
              left join current p on p.entity = '%s' and p.id = c.parent
             where c.entity = '%s'""".formatted(Entities.CANDIDATE, Entities.CONVERSATION);

    private final LocalStore store;

    public Inbox(LocalStore store) {
        this.store = store;
    }

    /** The conversations {@code filter} selects, newest last message first; {@code me} decides "mine". */
    public List<InboxRow> list(InboxFilter filter, UUID me) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            sql.append(" and json_extract(c.data, '$.status') in (")
                    .append(placeholders(filter.statuses().size()))
                    .append(')');
            filter.statuses().forEach(s -> params.add(s.wire()));
        }
        switch (filter.assignment()) {
            case MINE -> {
                sql.append(" and json_extract(c.data, '$.assignedUserId') = ?");
                params.add(String.valueOf(me));
            }
            case UNASSIGNED -> sql.append(" and json_extract(c.data, '$.assignedUserId') is null");
            case ANYONE -> {}
        }
        if (filter.numberId() != null) {
            sql.append(" and json_extract(c.data, '$.whatsappAccountId') = ?");
            params.add(filter.numberId().toString());
        }
        if (filter.tag() != null) {
            sql.append(" and exists (select 1 from current t where t.entity = ? and t.parent = c.parent"
                    + " and json_extract(t.data, '$.tag') = ?)");
            params.add(Entities.CANDIDATE_TAG);
            params.add(filter.tag());
        }
        Map<String, String> snippets = Map.of();
        if (!LocalStore.ftsQuery(filter.search()).isEmpty()) {
            snippets = messageHits(filter.search());
            Set<String> people = personHits(filter.search());
            if (snippets.isEmpty() && people.isEmpty()) {
                return List.of();
            }
            sql.append(" and (c.id in (")
                    .append(placeholders(snippets.size()))
                    .append(") or c.parent in (")
                    .append(placeholders(people.size()))
                    .append("))");
            params.addAll(snippets.keySet());
            params.addAll(people);
        }
        sql.append(" order by c.sort_key desc, c.id");
        Map<String, String> found = snippets;
        return store.query(sql.toString(), params, rs -> row(rs, found));
    }

    /** One conversation as the inbox would show it, whatever the filter. */
    public java.util.Optional<InboxRow> row(UUID conversationId) {
        return store
                .query(SELECT + " and c.id = ?", List.of(conversationId.toString()), rs -> row(rs, Map.of()))
                .stream()
                .findFirst();
    }

    /** The candidate's conversation on this computer, the one with the latest message if there are several. */
    public java.util.Optional<InboxRow> ofCandidate(UUID candidateId) {
        return store
                .query(
                        SELECT + " and c.parent = ? order by c.sort_key desc, c.id limit 1",
                        List.of(candidateId.toString()),
                        rs -> row(rs, Map.of()))
                .stream()
                .findFirst();
    }

    /** Conversation id → the best-ranked matching message's snippet. */
    private Map<String, String> messageHits(String text) {
        Map<String, String> hits = new HashMap<>();
        for (LocalStore.SearchHit hit : store.search(ConversationIndexes.MESSAGES, text, MAX_MESSAGE_HITS)) {
            if (hit.parent() != null) {
                hits.putIfAbsent(hit.parent(), hit.snippet());
            }
        }
        return hits;
    }

    private Set<String> personHits(String text) {
        Set<String> people = new LinkedHashSet<>();
        store.search(ConversationIndexes.PEOPLE, text, MAX_MESSAGE_HITS).forEach(h -> people.add(h.id().toString()));
        return people;
    }

    private static InboxRow row(ResultSet rs, Map<String, String> snippets) throws SQLException {
        String id = rs.getString(1);
        return new InboxRow(
                UUID.fromString(id),
                RowValues.uuid(rs.getString(3)),
                name(rs),
                rs.getString(17) != null ? rs.getString(17) : PersonName.handle(rs.getString(16)),
                rs.getString(7),
                RowValues.instant(rs.getString(8)),
                RowValues.instant(rs.getString(9)),
                rs.getInt(6),
                ConversationStatus.of(rs.getString(4)).orElse(ConversationStatus.OPEN),
                RowValues.uuid(rs.getString(5)),
                RowValues.uuid(rs.getString(10)),
                rs.getLong(11),
                rs.getInt(2) == 1,
                snippets.get(id));
    }

    private static String name(ResultSet rs) throws SQLException {
        return PersonName.of(
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                rs.getString(18));
    }

    private static String placeholders(int n) {
        return n == 0 ? "null" : String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
