package com.recruitdesk.server.conversations;

import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.MutationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The one writer of {@code messages} (decision 0018). The mutations write replies, templates and
 * notes with {@link #insert}; webhooks store inbound messages once per provider id with
 * {@link #insertInbound} or {@link #insertInboundAndBump}; the demo writes its threads with
 * {@link #insert} too. Every statement takes its columns from {@link MessageRow#insert()}.
 */
public final class Messages {
    /** Inbound: the person is locked before the conversation, as identity changes do, so concurrent webhooks cannot deadlock. */
    private static final String LOCK_PERSON = "with person as (select id from candidates where id = ? for key share), ";

    static final String TABLE = "messages";

    private Messages() {}

    public static void insert(Connection c, MessageRow row) throws SQLException {
        row.insert().execute(c);
    }

    /**
     * A mutation's new line, inserted with its batch's others at the batch's end (decision 0048);
     * only for a mutator that keeps deferred writes, which then finds it with {@link #held}.
     */
    static void insertAtEnd(MutationContext ctx, MessageRow row) throws SQLException {
        ctx.insertAtEnd(row.insert());
    }

    public static boolean exists(Connection c, UUID id) throws SQLException {
        return Sql.exists(c, "select 1 from messages where id = ?", id);
    }

    /** The conversation of message {@code id} that the batch holds to insert at its end, if it holds one. */
    static Optional<UUID> held(MutationContext ctx, UUID id) {
        return ctx.heldInsert(TABLE, id).map(row -> (UUID) row.get("conversation_id"));
    }

    /** The message of {@code account} that Meta calls {@code providerId}. */
    public static Optional<UUID> byProviderId(Connection c, UUID account, String providerId) throws SQLException {
        return Sql.one(
                c,
                "select id from messages where whatsapp_account_id = ? and provider_message_id = ?",
                rs -> rs.getObject(1, UUID.class),
                account,
                providerId);
    }

    /** Stores an inbound message unless its provider id is stored already (a redelivery); its new id, else empty. */
    public static Optional<UUID> insertInbound(Connection c, MessageRow row) throws SQLException {
        Insert insert = inbound(row);
        try (PreparedStatement ps =
                c.prepareStatement(LOCK_PERSON + "m as (" + selecting(insert) + ") select id from m")) {
            ps.setObject(1, row.candidateId());
            insert.bindSelecting(ps, 2, "candidate_id");
            return firstId(ps);
        }
    }

    /**
     * As {@link #insertInbound} and, only if the message was new, bumps its conversation in the same
     * statement: one more unread, the last message (unless a later one is there already), the 24-hour
     * window, and a closed or archived conversation reopens.
     */
    public static Optional<UUID> insertInboundAndBump(Connection c, MessageRow row, String preview)
            throws SQLException {
        Insert insert = inbound(row);
        try (PreparedStatement ps = c.prepareStatement(LOCK_PERSON + "m as (" + selecting(insert) + "), " + """
                bumped as (
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
            ps.setObject(1, row.candidateId());
            int next = insert.bindSelecting(ps, 2, "candidate_id");
            Instant at = row.sentAt();
            Sql.bindAll(ps, next, at, preview, at, at, row.conversationId());
            return firstId(ps);
        }
    }

    private static Insert inbound(MessageRow row) {
        return row.insert().orSkip();
    }

    private static String selecting(Insert insert) {
        return insert.sqlSelecting("person", "candidate_id", "id") + " returning id";
    }

    private static Optional<UUID> firstId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
        }
    }
}
