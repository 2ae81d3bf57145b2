package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.people.People;
import com.recruitdesk.server.people.WhatsAppIdentity;
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
 * transaction, in few round trips: a new conversation is made already bumped, and an existing one
 * is bumped by the statement that inserts the message.
 */
final class InboundMessages {
    private InboundMessages() {}

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
        Optional<People.Found> found = People.resolve(c, account.organizationId(), sender);
        if (found.isEmpty()) {
            return Stored.UNATTRIBUTED;
        }
        UUID person = found.get().id();
        UUID replyTo = m.contextId() == null
                ? null
                : byProviderId(c, account.id(), m.contextId()).orElse(null);
        // A person made just now has no conversation yet: no need to look for one.
        Optional<UUID> existing = found.get().created() ? Optional.empty() : findConversation(c, account, person);
        Optional<UUID> id;
        if (existing.isPresent()) {
            id = insertAndBump(c, account, existing.get(), person, m, replyTo);
        } else {
            Optional<UUID> made = newConversation(c, account, person, m);
            if (made.isPresent()) {
                id = insert(c, account, made.get(), person, m, replyTo);
                if (id.isEmpty()) {
                    // Only a message stored under another conversation can get here; the one made for it goes.
                    delete(c, made.get());
                }
            } else {
                UUID concurrent = findConversation(c, account, person)
                        .orElseThrow(() -> new SQLException("no conversation for person " + person, "40001"));
                id = insertAndBump(c, account, concurrent, person, m, replyTo);
            }
        }
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
        return Stored.STORED;
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

    /**
     * A conversation for (number, person) already counting {@code m}; empty when another webhook made
     * it meanwhile. The person is locked first ({@code FOR KEY SHARE}), as identity changes lock it
     * before conversations, so concurrent webhooks about one person cannot deadlock.
     */
    private static Optional<UUID> newConversation(Connection c, WhatsAppAccount account, UUID person, InboundMessage m)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with person as (select id from candidates where id = ? for key share)
                insert into conversations (organization_id, whatsapp_account_id, candidate_id, unread_count,
                                           last_message_at, last_message_preview, last_inbound_at)
                select ?, ?, id, 1, ?, left(?, 200), ? from person
                on conflict (whatsapp_account_id, candidate_id) do nothing
                returning id
                """)) {
            Timestamp at = Timestamp.from(m.at());
            ps.setObject(1, person);
            ps.setObject(2, account.organizationId());
            ps.setObject(3, account.id());
            ps.setTimestamp(4, at);
            ps.setString(5, m.preview());
            ps.setTimestamp(6, at);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static void delete(Connection c, UUID conversation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from conversations where id = ?")) {
            ps.setObject(1, conversation);
            ps.executeUpdate();
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

    /**
     * The message, inserted behind a {@code FOR KEY SHARE} of its person: the person is locked before
     * the conversation, as identity changes do, so concurrent webhooks about one person cannot deadlock.
     */
    private static final String INSERT = """
            with person as (select id from candidates where id = ? for key share),
            m as (
                insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction,
                                      type, is_voice, sender_type, body, payload, media_provider_id, media_mime_type,
                                      media_caption, media_filename, reply_to_message_id, provider_message_id, sent_at)
                select ?, ?, ?, id, 'inbound', ?, ?, 'candidate', ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ? from person
                on conflict (whatsapp_account_id, provider_message_id) do nothing
                returning id)
            """;

    private static Optional<UUID> insert(
            Connection c, WhatsAppAccount account, UUID conversation, UUID person, InboundMessage m, UUID replyTo)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT + "select id from m")) {
            bindInsert(ps, account, conversation, person, m, replyTo);
            return firstId(ps);
        }
    }

    /**
     * Inserts {@code m} and, only if it was new, bumps its conversation: unread, the last message
     * (unless a later one is there already), the 24-hour window, and reopens it if closed.
     */
    private static Optional<UUID> insertAndBump(
            Connection c, WhatsAppAccount account, UUID conversation, UUID person, InboundMessage m, UUID replyTo)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT + """
                , bumped as (
                    update conversations
                       set unread_count = unread_count + 1,
                           last_message_preview = case when last_message_at is null or last_message_at <= ?
                                                       then left(?, 200) else last_message_preview end,
                           last_message_at = greatest(last_message_at, ?),
                           last_inbound_at = greatest(last_inbound_at, ?),
                           status = case when status in ('closed', 'archived') then 'open' else status end
                     where id = ? and exists (select 1 from m))
                select id from m
                """)) {
            int next = bindInsert(ps, account, conversation, person, m, replyTo);
            Timestamp at = Timestamp.from(m.at());
            ps.setTimestamp(next++, at);
            ps.setString(next++, m.preview());
            ps.setTimestamp(next++, at);
            ps.setTimestamp(next++, at);
            ps.setObject(next, conversation);
            return firstId(ps);
        }
    }

    /** Binds {@link #INSERT}'s parameters; returns the index of the next one. */
    private static int bindInsert(
            PreparedStatement ps,
            WhatsAppAccount account,
            UUID conversation,
            UUID person,
            InboundMessage m,
            UUID replyTo)
            throws SQLException {
        int i = 1;
        ps.setObject(i++, person);
        ps.setObject(i++, account.organizationId());
        ps.setObject(i++, conversation);
        ps.setObject(i++, account.id());
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
        ps.setTimestamp(i++, Timestamp.from(m.at()));
        return i;
    }

    private static Optional<UUID> firstId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
        }
    }
}
