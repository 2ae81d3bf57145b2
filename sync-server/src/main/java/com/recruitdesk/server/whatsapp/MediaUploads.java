package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.blobs.StoredBlob;
import com.recruitdesk.server.platform.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The files of outbound media messages: which blob a message sends, and the provider's media id once
 * it is uploaded. The id is kept with the send attempts, so a send tried again reuses the upload.
 */
final class MediaUploads {
    private final Database database;
    private final Blobs blobs;

    MediaUploads(Database database, Blobs blobs) {
        this.database = database;
        this.blobs = blobs;
    }

    /**
     * The message's file, uploaded or not yet, or the outcome that ends this attempt: the upload's
     * refusal, or a failure when the message names no file of its organization.
     */
    sealed interface Prepared {
        record Ready(OutboundMessage message) implements Prepared {}

        record Refused(SendOutcome outcome) implements Prepared {}
    }

    Prepared prepare(OutboundMessage m, WhatsAppProvider provider) throws SQLException {
        Optional<OutboundMedia> found = find(m.id());
        if (found.isEmpty()) {
            return new Prepared.Refused(
                    new SendOutcome.Failed(0, "The file of this message is not on the server.", null));
        }
        OutboundMedia media = found.get();
        if (media.providerMediaId() == null) {
            StoredBlob blob = media.blob();
            SendOutcome uploaded = provider.upload(
                    m.account(),
                    new WhatsAppProvider.MediaUpload(
                            blob.mimeType(), media.filename(), blob.sizeBytes(), () -> blobs.open(blob)));
            switch (uploaded) {
                case SendOutcome.Accepted a -> {
                    remember(m.id(), a.providerMessageId());
                    media = media.withProviderMediaId(a.providerMessageId());
                }
                // Nothing was sent yet, so an upload without an answer is simply tried again.
                case SendOutcome.InDoubt d -> {
                    return new Prepared.Refused(new SendOutcome.Retry(d.reason(), null));
                }
                case SendOutcome.Retry r -> {
                    return new Prepared.Refused(r);
                }
                case SendOutcome.Failed f -> {
                    return new Prepared.Refused(f);
                }
            }
        }
        return new Prepared.Ready(m.withMedia(media));
    }

    private Optional<OutboundMedia> find(UUID message) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            UUID blobId;
            UUID organization;
            String caption;
            String filename;
            String mediaId;
            try (PreparedStatement ps = c.prepareStatement("""
                    select m.media_blob_id, m.organization_id, m.media_caption, m.media_filename, s.media_id
                      from messages m left join whatsapp_send_attempts s on s.message_id = m.id
                     where m.id = ?
                    """)) {
                ps.setObject(1, message);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getObject(1) == null) {
                        return Optional.empty();
                    }
                    blobId = rs.getObject(1, UUID.class);
                    organization = rs.getObject(2, UUID.class);
                    caption = rs.getString(3);
                    filename = rs.getString(4);
                    mediaId = rs.getString(5);
                }
            }
            return Blobs.find(c, blobId, organization).map(b -> new OutboundMedia(b, caption, filename, mediaId));
        });
    }

    private void remember(UUID message, String mediaId) throws SQLException {
        database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("update whatsapp_send_attempts set media_id = ? where message_id = ?")) {
                ps.setString(1, mediaId);
                ps.setObject(2, message);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
