package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationRules;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The one writer of {@code conversations} rows (decision 0018): made for an inbound message, copied
 * when two people turn out to be one ({@code people}), written whole by the demo, and bumped when we
 * send into one.
 */
public final class Conversations {
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

    public static void delete(Connection c, UUID conversation) throws SQLException {
        Sql.update(c, "delete from conversations where id = ?", conversation);
    }

    /**
     * We sent into {@code conversation} (locked, as {@code to_jsonb}) at {@code at}: the inbox line
     * shows the start of {@code preview} and the status follows {@link ConversationRules#statusAfterSend}.
     */
    public static void sent(Connection c, ObjectNode conversation, Instant at, String preview, boolean template)
            throws SQLException {
        Sql.update(
                c,
                "update conversations set last_message_at = ?, last_message_preview = left(?, ?), status = ? where id = ?",
                at,
                preview,
                ConversationRules.PREVIEW_LENGTH, // left() counts characters, as the desktop does, and never splits one
                ConversationRules.statusAfterSend(conversation.path("status").asText(), template),
                UUID.fromString(conversation.path("id").asText()));
    }
}
