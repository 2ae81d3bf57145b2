package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The queue of inbound media still to download ({@code whatsapp_media_downloads}, filled when a
 * media message arrives). A row never tried is due at once, whatever the clocks of the database and
 * this instance say. {@link #claim} takes due rows with {@code FOR UPDATE SKIP LOCKED} and
 * leases them, so several server instances never fetch one file at once; the record methods end an
 * attempt in a transaction of their own.
 */
public final class MediaDownloads {
    /** How long a claimed download is left to its instance before another may take it. */
    static final Duration LEASE = Duration.ofMinutes(10);
    /** After this many attempts (about six hours of back-off) the media is given up. */
    static final int MAX_ATTEMPTS = 16;

    /** A message whose media is to be fetched. {@code attempt} is 1 for the first try. */
    record Pending(
            UUID messageId, WhatsAppAccount account, String mediaId, String mimeType, String filename, int attempt) {}

    private final Database database;

    MediaDownloads(Database database) {
        this.database = database;
    }

    /** Queues the media of a message just stored; due at once. */
    static void queue(Connection c, UUID message) throws SQLException {
        Sql.update(c, "insert into whatsapp_media_downloads (message_id, next_attempt_at) values (?, now())", message);
    }

    /**
     * Queues every inbound media of the organization not fetched yet and not given up on, once (the
     * demo's photos, CVs and voice notes, which the simulator then serves like Meta would).
     */
    public static int queueUnfetched(Connection c, UUID organization) throws SQLException {
        return Sql.update(c, """
                insert into whatsapp_media_downloads (message_id, next_attempt_at)
                select id, now() from messages
                 where organization_id = ? and direction = 'inbound' and media_provider_id is not null
                   and media_blob_id is null and payload ->> 'mediaError' is null
                on conflict (message_id) do nothing
                """, organization);
    }

    List<Pending> claim(Instant now, int limit) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            List<Pending> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select d.message_id, m.media_provider_id, m.media_mime_type, m.media_filename, d.attempts,
                           a.id, a.organization_id, a.phone, a.provider, a.phone_number_id
                      from whatsapp_media_downloads d
                      join messages m on m.id = d.message_id
                      join whatsapp_accounts a on a.id = m.whatsapp_account_id
                     where d.attempts = 0 or d.next_attempt_at <= ?
                     order by d.next_attempt_at
                     limit ?
                       for update of d skip locked
                    """)) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Pending(
                                rs.getObject(1, UUID.class),
                                new WhatsAppAccount(
                                        rs.getObject(6, UUID.class),
                                        rs.getObject(7, UUID.class),
                                        rs.getString(8),
                                        rs.getString(9),
                                        rs.getString(10)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5) + 1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    update whatsapp_media_downloads set attempts = attempts + 1, next_attempt_at = ?
                     where message_id = ?
                    """)) {
                for (Pending p : claimed) {
                    ps.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                    ps.setObject(2, p.messageId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return claimed;
        });
    }

    /** The file is in the store: record it as a blob and point the message at it (desktops see that change). */
    void stored(Pending p, Blobs.Kept file, String mimeType) throws SQLException {
        database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            if (!forget(c, p.messageId())) {
                return null; // another instance finished it after this one's lease ran out
            }
            UUID blob = UUID.randomUUID();
            Blobs.insert(c, blob, p.account().organizationId(), file, mimeType, p.filename(), null);
            try (PreparedStatement ps = c.prepareStatement("""
                    update messages set media_blob_id = ?, media_mime_type = ?
                     where id = ? and media_blob_id is null
                    """)) {
                ps.setObject(1, blob);
                ps.setString(2, mimeType);
                ps.setObject(3, p.messageId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Try again after {@code delay}. */
    void retryLater(Pending p, String reason, Duration delay, Instant now) throws SQLException {
        database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update whatsapp_media_downloads set next_attempt_at = ?, last_error = ? where message_id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now.plus(delay)));
                ps.setString(2, reason);
                ps.setObject(3, p.messageId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Give up: the message keeps the reason in {@code payload.mediaError}, so the thread can say so. */
    void failed(Pending p, String reason) throws SQLException {
        database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            if (!forget(c, p.messageId())) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    update messages set payload = coalesce(payload, '{}'::jsonb) || jsonb_build_object('mediaError', ?::text)
                     where id = ?
                    """)) {
                ps.setString(1, reason);
                ps.setObject(2, p.messageId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Ends the download; false when it was ended already. */
    private static boolean forget(Connection c, UUID message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from whatsapp_media_downloads where message_id = ?")) {
            ps.setObject(1, message);
            return ps.executeUpdate() == 1;
        }
    }
}
