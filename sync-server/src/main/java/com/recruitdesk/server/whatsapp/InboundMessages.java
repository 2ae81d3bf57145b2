package com.recruitdesk.server.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores inbound messages: the person by whichever WhatsApp ids Meta sent ({@link People}), the
 * conversation per (number, person), the message once per provider id; then bumps unread and the
 * last message and reopens a closed conversation. All on the caller's connection, inside its
 * transaction.
 */
final class InboundMessages {
    private InboundMessages() {}

    /** Cloud API wa_id values have no '+'; our people are keyed by E.164 with it. */
    static String e164(String waId) {
        if (waId == null) {
            return null;
        }
        String digits = waId.startsWith("+") ? waId.substring(1) : waId;
        return digits.matches("[1-9][0-9]{6,14}") ? "+" + digits : null;
    }

    /** What became of one inbound message. */
    enum Stored {
        STORED,
        /** Stored before: a redelivery. */
        DUPLICATE,
        /** It names no sender we can attribute it to, or has no id; the caller keeps it as a dead letter. */
        UNATTRIBUTED
    }

    /** Stores {@code m} from the person {@code sender} names, found or made by {@link People}. */
    static Stored store(Connection c, WhatsAppAccount account, InboundMessage m, WhatsAppIdentity sender)
            throws SQLException {
        if (m.providerId() == null) {
            return Stored.UNATTRIBUTED;
        }
        Optional<UUID> found = People.resolve(c, account.organizationId(), sender);
        if (found.isEmpty()) {
            return Stored.UNATTRIBUTED;
        }
        UUID person = found.get();
        UUID conversation = conversation(c, account, person);
        UUID replyTo = m.contextId() == null
                ? null
                : byProviderId(c, account.id(), m.contextId()).orElse(null);
        Optional<UUID> id = insert(c, account, conversation, person, m, replyTo);
        if (id.isEmpty()) {
            return Stored.DUPLICATE;
        }
        if (m.hasMedia()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into whatsapp_media_downloads (message_id, next_attempt_at) values (?, now())")) {
                ps.setObject(1, id.get());
                ps.executeUpdate();
            }
        }
        bump(c, conversation, m);
        return Stored.STORED;
    }

    /**
     * The conversation of (number, person), made if missing. No row lock is taken here: the message
     * insert and {@link #bump} lock the person before the conversation, as identity changes do, so
     * that concurrent webhooks about one person cannot deadlock.
     */
    private static UUID conversation(Connection c, WhatsAppAccount account, UUID person) throws SQLException {
        Optional<UUID> existing = findConversation(c, account, person);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                with person as (select id from candidates where id = ? for key share)
                insert into conversations (organization_id, whatsapp_account_id, candidate_id)
                select ?, ?, id from person
                on conflict (whatsapp_account_id, candidate_id) do nothing
                returning id
                """)) {
            ps.setObject(1, person);
            ps.setObject(2, account.organizationId());
            ps.setObject(3, account.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getObject(1, UUID.class);
                }
            }
        }
        return findConversation(c, account, person)
                .orElseThrow(() -> new SQLException("no conversation for person " + person, "40001"));
    }

    private static Optional<UUID> findConversation(Connection c, WhatsAppAccount account, UUID person)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select id from conversations where whatsapp_account_id = ? and candidate_id = ?")) {
            ps.setObject(1, account.id());
            ps.setObject(2, person);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    static Optional<UUID> byProviderId(Connection c, UUID account, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id from messages where whatsapp_account_id = ? and provider_message_id = ?")) {
            ps.setObject(1, account);
            ps.setString(2, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static Optional<UUID> insert(
            Connection c, WhatsAppAccount account, UUID conversation, UUID person, InboundMessage m, UUID replyTo)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,
                                      is_voice, sender_type, body, payload, media_provider_id, media_mime_type,
                                      media_caption, media_filename, reply_to_message_id, provider_message_id, sent_at)
                values (?, ?, ?, ?, 'inbound', ?, ?, 'candidate', ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
                on conflict (whatsapp_account_id, provider_message_id) do nothing
                returning id
                """)) {
            int i = 1;
            ps.setObject(i++, account.organizationId());
            ps.setObject(i++, conversation);
            ps.setObject(i++, account.id());
            ps.setObject(i++, person);
            ps.setString(i++, m.type());
            ps.setBoolean(i++, m.voice());
            ps.setString(i++, m.body());
            ps.setString(i++, m.payload() == null ? null : m.payload().toString());
            ps.setString(i++, m.mediaId());
            ps.setString(i++, m.mediaMimeType());
            ps.setString(i++, m.mediaCaption());
            ps.setString(i++, m.mediaFilename());
            ps.setObject(i++, replyTo);
            ps.setString(i++, m.providerId());
            ps.setTimestamp(i, Timestamp.from(m.at()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static void bump(Connection c, UUID conversation, InboundMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update conversations
                   set unread_count = unread_count + 1,
                       last_message_preview = case when last_message_at is null or last_message_at <= ?
                                                   then left(?, 200) else last_message_preview end,
                       last_message_at = greatest(last_message_at, ?),
                       last_inbound_at = greatest(last_inbound_at, ?),
                       status = case when status in ('closed', 'archived') then 'open' else status end
                 where id = ?
                """)) {
            Timestamp at = Timestamp.from(m.at());
            ps.setTimestamp(1, at);
            ps.setString(2, m.preview());
            ps.setTimestamp(3, at);
            ps.setTimestamp(4, at);
            ps.setObject(5, conversation);
            ps.executeUpdate();
        }
    }
}
