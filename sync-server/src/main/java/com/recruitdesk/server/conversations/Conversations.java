package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationRules;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.MutationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one writer of {@code conversations} rows (decision 0018): made for an inbound message, copied
 * when two people turn out to be one ({@code people}), written whole by the demo, and bumped when we
 * send into one.
 */
public final class Conversations {
    static final String TABLE = "conversations";

    private Conversations() {}

    /** The conversation of a WhatsApp number with a person, if they have one. */
    public static Optional<UUID> find(Connection c, UUID account, UUID person) throws SQLException {
        return Sql.one(
                c,
                "select id from conversations where whatsapp_account_id = ? and candidate_id = ?",
                rs -> rs.getObject(1, UUID.class),
                account,
                person);
    }

    /** Writes {@code row}; with {@link Insert#orSkip} a conversation the pair has already is left as it is. */
    public static Insert insert(ConversationRow row) {
        return row.insert();
    }

    /**
     * A new conversation for {@code row}'s number and person, behind a {@code FOR KEY SHARE} of the
     * person (identity changes lock the person before conversations, so concurrent webhooks about one
     * person cannot deadlock); empty when the pair has one already (another webhook made it meanwhile).
     */
    public static Optional<UUID> openLockingPerson(Connection c, ConversationRow row) throws SQLException {
        Insert insert = row.insert().orSkip();
        try (PreparedStatement ps =
                c.prepareStatement("with person as (select id from candidates where id = ? for key share) "
                        + insert.sqlSelecting("person", "candidate_id", "id") + " returning id")) {
            ps.setObject(1, row.candidateId());
            insert.bindSelecting(ps, 2, "candidate_id");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /**
     * A new conversation of {@code account}'s number with one person, made already bumped by its
     * messages: how many, and the last one's time and inbox line.
     */
    public record Opening(UUID person, int unread, Instant lastMessageAt, String preview) {}

    /**
     * New conversations of {@code account} (of {@code organization}), one statement for them all
     * (decision 0051); returns each one's id by person. A person who has one on the number already
     * (another webhook made it meanwhile) is left out. The caller holds the people: it made them, or
     * its messages' keys lock them next.
     */
    public static Map<UUID, UUID> openAll(Connection c, UUID organization, UUID account, List<Opening> openings)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into conversations (organization_id, whatsapp_account_id, candidate_id, unread_count,
                                           last_message_at, last_message_preview, last_inbound_at)
                select ?, ?, u.person, u.unread, u.at, left(u.preview, ?), u.at
                  from unnest(?::text[]::uuid[], ?::text[]::int[], ?::text[]::timestamptz[], ?::text[])
                       with ordinality as u(person, unread, at, preview, n)
                 order by u.n
                on conflict do nothing
                returning candidate_id, id
                """)) {
            ps.setObject(1, organization);
            ps.setObject(2, account);
            ps.setInt(3, ConversationRules.PREVIEW_LENGTH);
            ps.setArray(4, Sql.texts(c, openings.stream().map(o -> o.person().toString())));
            ps.setArray(5, Sql.texts(c, openings.stream().map(o -> String.valueOf(o.unread()))));
            ps.setArray(
                    6, Sql.texts(c, openings.stream().map(o -> o.lastMessageAt().toString())));
            ps.setArray(7, Sql.texts(c, openings.stream().map(Opening::preview)));
            Map<UUID, UUID> made = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    made.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
            return made;
        }
    }

    public static void delete(Connection c, UUID conversation) throws SQLException {
        Sql.update(c, "delete from conversations where id = ?", conversation);
    }

    /**
     * We sent into {@code conversation} (locked, as {@code to_jsonb}) at {@code at}: the inbox line
     * shows the start of {@code preview} and the status follows {@link ConversationRules#statusAfterSend}.
     */
    public static void sent(Connection c, ObjectNode conversation, Instant at, String preview, boolean template)
            throws SQLException {
        bump(
                c,
                UUID.fromString(conversation.path("id").asText()),
                at,
                preview,
                statusAfterSend(conversation, template));
    }

    /**
     * As {@link #sent(Connection, ObjectNode, Instant, String, boolean)} for a mutation, written once
     * at the end of its batch (decision 0043): a push of replies to one conversation bumps it once,
     * not once per reply. {@code conversation} must come from {@link ThreadMessages#conversation},
     * which shows the batch's earlier replies' bump, and the mutator must keep deferred writes.
     */
    static void sent(MutationContext ctx, ObjectNode conversation, String preview, boolean template)
            throws SQLException {
        UUID id = UUID.fromString(conversation.path("id").asText());
        Instant at = ctx.now();
        String status = statusAfterSend(conversation, template);
        ObjectNode columns = ctx.mapper().createObjectNode();
        columns.put(
                "last_message_at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString());
        columns.put("last_message_preview", left(preview, ConversationRules.PREVIEW_LENGTH));
        columns.put("status", status);
        ctx.writeAtEnd(TABLE, id, columns, c -> bump(c, id, at, preview, status));
    }

    private static String statusAfterSend(ObjectNode conversation, boolean template) {
        return ConversationRules.statusAfterSend(conversation.path("status").asText(), template);
    }

    private static void bump(Connection c, UUID id, Instant at, String preview, String status) throws SQLException {
        Sql.update(
                c,
                "update conversations set last_message_at = ?, last_message_preview = left(?, ?), status = ? where id = ?",
                at,
                preview,
                ConversationRules.PREVIEW_LENGTH, // left() counts characters, as the desktop does, and never splits one
                status,
                id);
    }

    /** The first {@code n} characters (code points, as PostgreSQL's {@code left()} counts them). */
    private static String left(String text, int n) {
        return text.codePoints()
                .limit(n)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
