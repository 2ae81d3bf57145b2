package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.server.platform.db.Database;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The queue of outbound messages in PostgreSQL. {@link #claim} takes due {@code queued} messages
 * with {@code FOR UPDATE SKIP LOCKED} and leases them (marks them in doubt until the answer is
 * recorded), so any number of server instances share the work and never send one message twice at
 * once. The answers of a claimed batch are written together, in one transaction ({@link Marks},
 * decision 0050): the sender holds them while it sends the batch. A batch can take longer than its
 * lease when Meta is slow, so before a send that could outlast the lease the sender writes the
 * answers so far and leases the rest of the batch again, in one transaction
 * ({@link #checkpoint}), keeping only those this instance still holds; the lease is longer than
 * one send may take.
 */
final class SendQueue {
    /** After this many attempts a message is failed. */
    static final int MAX_ATTEMPTS = 8;

    private final Database database;
    private final ObjectMapper mapper;
    private final Statuses statuses;
    /** How long a claimed message, or one whose send timed out, waits before it is tried again. */
    private final Duration lease;
    /** Names this instance's leases, so it renews only those it still holds. */
    private final UUID holder = UUID.randomUUID();

    SendQueue(Database database, ObjectMapper mapper, Statuses statuses, Duration lease) {
        this.database = database;
        this.mapper = mapper;
        this.statuses = statuses;
        this.lease = lease;
    }

    Duration lease() {
        return lease;
    }

    /**
     * Writes {@code marks} and leases {@code rest} for another {@link #lease} from {@code now}, those
     * this instance still holds (their lease from the claim has not run out, so no other instance can
     * have taken them), in one transaction; returns the ids it still holds: leave the others, another
     * instance has them or will.
     */
    Set<UUID> checkpoint(Marks marks, List<OutboundMessage> rest, Instant now) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            marks.writeOn(c);
            Set<UUID> held = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    update whatsapp_send_attempts set next_attempt_at = ?
                     where message_id = any(?) and lease_holder = ? and next_attempt_at > ?
                    returning message_id
                    """)) {
                ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
                ps.setArray(
                        2,
                        c.createArrayOf(
                                "uuid", rest.stream().map(OutboundMessage::id).toArray()));
                ps.setObject(3, holder);
                ps.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return held;
        });
    }

    /** Writes {@code marks} in one transaction; none when there are none. */
    void write(Marks marks) throws SQLException {
        if (!marks.writes.isEmpty()) {
            database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
                marks.writeOn(c);
                return null;
            });
        }
    }

    List<OutboundMessage> claim(Instant now, int limit) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            List<OutboundMessage> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select m.id, m.type, m.body, m.payload::text, coalesce(p.whatsapp_id, p.whatsapp_user_id), r.provider_message_id,
                           coalesce(s.attempts, 0), coalesce(s.in_doubt, false), t.name, t.language,
                           a.id, a.organization_id, a.phone, a.provider, a.phone_number_id
                      from messages m
                      join candidates p on p.id = m.candidate_id
                      join whatsapp_accounts a on a.id = m.whatsapp_account_id
                      left join whatsapp_send_attempts s on s.message_id = m.id
                      left join messages r on r.id = m.reply_to_message_id
                      left join message_templates t on t.id = m.template_id
                     where m.status = 'queued' and m.direction = 'outbound' and m.provider_message_id is null
                       and (s.next_attempt_at is null or s.next_attempt_at <= ?)
                       and a.connection_status <> 'disconnected' -- its messages wait until it is connected again
                     order by m.created_at
                     limit ?
                       for update of m skip locked
                    """)) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(read(rs));
                    }
                }
            }
            if (claimed.isEmpty()) {
                return claimed;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into whatsapp_send_attempts (message_id, attempts, next_attempt_at, in_doubt, lease_holder)
                    select id, 1, ?, true, ? from unnest(?::uuid[]) as m(id)
                    on conflict (message_id) do update
                       set attempts = whatsapp_send_attempts.attempts + 1, next_attempt_at = excluded.next_attempt_at,
                           in_doubt = true, lease_holder = excluded.lease_holder
                    """)) {
                ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
                ps.setObject(2, holder);
                ps.setArray(
                        3,
                        c.createArrayOf(
                                "uuid",
                                claimed.stream().map(OutboundMessage::id).toArray()));
                ps.executeUpdate();
            }
            return claimed;
        });
    }

    private OutboundMessage read(ResultSet rs) throws SQLException {
        WhatsAppAccount account = new WhatsAppAccount(
                rs.getObject(11, UUID.class),
                rs.getObject(12, UUID.class),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15));
        String type = rs.getString(2);
        OutboundMessage.Template template = null;
        if ("template".equals(type)) {
            JsonNode t = json(rs.getString(4)).path("template");
            template = new OutboundMessage.Template(
                    rs.getString(9),
                    rs.getString(10),
                    OutboundMessage.Template.Parameter.of(
                            texts(t.path("headerParameters")), texts(t.path("headerParameterNames"))),
                    OutboundMessage.Template.Parameter.of(
                            texts(t.path("bodyParameters")), texts(t.path("bodyParameterNames"))));
        }
        return new OutboundMessage(
                rs.getObject(1, UUID.class),
                account,
                rs.getString(5),
                type,
                rs.getString(3),
                rs.getString(6),
                template,
                rs.getInt(7) + 1,
                rs.getBoolean(8));
    }

    Marks marks() {
        return new Marks();
    }

    /** The answers of a batch's sends, held until they are written together ({@link #write}, {@link #checkpoint}). */
    final class Marks {
        private final List<Database.JdbcWork<Void>> writes = new ArrayList<>();

        private Marks() {}

        /** Meta took it: its wamid, {@code sent}, and the statuses that came before the wamid applied. */
        void accepted(OutboundMessage m, String providerMessageId, Instant now) {
            writes.add(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        update messages set provider_message_id = ?, status = 'sent', sent_at = ?
                         where id = ? and status = 'queued' and provider_message_id is null
                        """)) {
                    ps.setString(1, providerMessageId);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setObject(3, m.id());
                    ps.executeUpdate();
                }
                forget(c, m.id());
                statuses.applyPending(c, m.account().id(), providerMessageId);
                return null;
            });
        }

        /** The provider refused for now: try again after {@code delay}, or fail after {@link #MAX_ATTEMPTS}. */
        void retryLater(OutboundMessage m, String reason, Duration delay, boolean inDoubt, Instant now) {
            if (m.attempt() >= MAX_ATTEMPTS) {
                failed(m, 0, "Not sent after " + m.attempt() + " attempts: " + reason, null);
                return;
            }
            writes.add(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        update whatsapp_send_attempts set next_attempt_at = ?, in_doubt = ?, last_error = ?
                         where message_id = ?
                        """)) {
                    ps.setTimestamp(1, Timestamp.from(now.plus(delay)));
                    ps.setBoolean(2, inDoubt);
                    ps.setString(3, reason);
                    ps.setObject(4, m.id());
                    ps.executeUpdate();
                }
                return null;
            });
        }

        void failed(OutboundMessage m, int code, String title, String details) {
            ObjectNode patch = mapper.createObjectNode();
            ObjectNode error = patch.putObject("error");
            error.put("code", code);
            error.put("title", title);
            if (details != null) {
                error.putObject("error_data").put("details", details);
            }
            writes.add(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        update messages
                           set status = 'failed', error_code = ?, error_title = ?,
                               payload = coalesce(payload, '{}'::jsonb) || ?::jsonb
                         where id = ? and status = 'queued'
                        """)) {
                    ps.setInt(1, code);
                    ps.setString(2, title);
                    ps.setString(3, patch.toString());
                    ps.setObject(4, m.id());
                    ps.executeUpdate();
                }
                forget(c, m.id());
                return null;
            });
        }

        private void writeOn(Connection c) throws SQLException {
            for (Database.JdbcWork<Void> write : writes) {
                write.run(c);
            }
        }
    }

    private static void forget(Connection c, UUID message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from whatsapp_send_attempts where message_id = ?")) {
            ps.setObject(1, message);
            ps.executeUpdate();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private JsonNode json(String text) throws SQLException {
        if (text == null) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new SQLException("unreadable message payload", e);
        }
    }
}
