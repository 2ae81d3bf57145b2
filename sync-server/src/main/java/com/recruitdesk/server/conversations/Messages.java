package com.recruitdesk.server.conversations;

import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.MutationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Writes {@code rows} in their order, as few statements as their shapes allow ({@link Insert#executeInOrder}). */
    public static void insertAll(Connection c, List<MessageRow> rows) throws SQLException {
        Insert.executeInOrder(c, rows.stream().map(MessageRow::insert).toList());
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

    /**
     * One inbound message of a batch for {@link #insertInboundAll}: its row (no media, no quote) and
     * its inbox line; {@code bump} when its conversation was there before the batch (one opened for it
     * is made already bumped).
     */
    public record Inbound(MessageRow row, String preview, boolean bump) {}

    /**
     * Stores a batch's inbound messages of one number (of one organization), in their order, in one
     * statement (decision 0051): each unless its provider id is stored already (a redelivery), and
     * the conversations marked to bump bumped as {@link #insertInboundAndBump} does, once each for all
     * of their new messages (the last one by time, then by order, is the inbox line). Returns the new
     * messages' ids by provider id. The provider ids must differ.
     */
    public static Map<String, UUID> insertInboundAll(
            Connection c, UUID organization, UUID account, List<Inbound> messages) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with u as (
                    select * from unnest(?::text[]::uuid[], ?::text[]::uuid[], ?::text[], ?::text[], ?::text[]::jsonb[],
                                         ?::text[], ?::text[]::timestamptz[], ?::text[], ?::text[]::boolean[])
                           with ordinality as u(conversation_id, candidate_id, type, body, payload,
                                                provider_message_id, sent_at, preview, bump, n)),
                m as (
                    insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id,
                                          direction, type, sender_type, body, payload, provider_message_id, sent_at)
                    select ?, u.conversation_id, ?, u.candidate_id, 'inbound', u.type, 'candidate', u.body, u.payload,
                           u.provider_message_id, u.sent_at
                      from u order by u.n
                    on conflict do nothing
                    returning id, conversation_id, provider_message_id),
                fresh as (
                    select u.*, count(*) over (partition by u.conversation_id) as unread,
                           row_number() over (partition by u.conversation_id order by u.sent_at desc, u.n desc) as latest
                      from m join u on u.provider_message_id = m.provider_message_id
                     where u.bump),
                bumped as (
                    update conversations v
                       set unread_count = v.unread_count + fresh.unread,
                           last_message_preview = case when v.last_message_at is null or v.last_message_at <= fresh.sent_at
                                                       then left(fresh.preview, 200) else v.last_message_preview end,
                           last_message_at = greatest(v.last_message_at, fresh.sent_at),
                           last_inbound_at = greatest(v.last_inbound_at, fresh.sent_at),
                           status = case when v.status in ('closed', 'archived') then 'open' else v.status end
                      from fresh
                     where v.id = fresh.conversation_id and fresh.latest = 1)
                select provider_message_id, id from m
                """)) {
            List<MessageRow> rows = messages.stream().map(Inbound::row).toList();
            ps.setArray(
                    1, Sql.texts(c, rows.stream().map(r -> r.conversationId().toString())));
            ps.setArray(2, Sql.texts(c, rows.stream().map(r -> r.candidateId().toString())));
            ps.setArray(3, Sql.texts(c, rows.stream().map(MessageRow::type)));
            ps.setArray(4, Sql.texts(c, rows.stream().map(MessageRow::body)));
            ps.setArray(
                    5,
                    Sql.texts(
                            c,
                            rows.stream()
                                    .map(r -> r.payload() == null
                                            ? null
                                            : r.payload().toString())));
            ps.setArray(6, Sql.texts(c, rows.stream().map(MessageRow::providerMessageId)));
            ps.setArray(7, Sql.texts(c, rows.stream().map(r -> r.sentAt().toString())));
            ps.setArray(8, Sql.texts(c, messages.stream().map(Inbound::preview)));
            ps.setArray(9, Sql.texts(c, messages.stream().map(m -> String.valueOf(m.bump()))));
            ps.setObject(10, organization);
            ps.setObject(11, account);
            Map<String, UUID> stored = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
            return stored;
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
