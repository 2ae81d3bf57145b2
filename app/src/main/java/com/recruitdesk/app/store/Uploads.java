package com.recruitdesk.app.store;

import com.recruitdesk.protocol.sync.MutationResult;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Files attached on this computer that go to the server before the mutations that need them
 * ({@code uploads}); which mutations need which file was recorded when they were queued.
 */
final class Uploads {
    private final Writer writer;
    private final Outbox outbox;

    Uploads(Writer writer, Outbox outbox) {
        this.writer = writer;
        this.outbox = outbox;
    }

    void add(LocalStore.Upload upload) {
        writer.inTransaction(() -> writer.update(
                "insert into uploads (blob_id, filename, mime_type, size) values (?, ?, ?, ?)",
                upload.blobId().toString(),
                upload.filename(),
                upload.mimeType(),
                upload.size()));
    }

    List<LocalStore.Upload> pending() {
        return writer.read(() -> {
            List<LocalStore.Upload> result = new ArrayList<>();
            try (ResultSet rs = writer.statement(
                            "select blob_id, filename, mime_type, size from uploads where state = 'pending' order by seq")
                    .executeQuery()) {
                while (rs.next()) {
                    result.add(new LocalStore.Upload(
                            UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return result;
        });
    }

    void done(UUID blobId) {
        writer.inTransaction(
                () -> writer.update("update uploads set state = 'done' where blob_id = ?", blobId.toString()));
    }

    /** Forgets a file the server refused for good and rejects, with {@code message}, the pending mutations needing it. */
    List<LocalStore.Rejection> refused(UUID blobId, String message, Set<String> touched) {
        List<LocalStore.Rejection> rejected = new ArrayList<>();
        writer.inTransaction(() -> {
            Instant now = Instant.now();
            for (String[] m : outbox.needing(blobId)) {
                rejected.add(outbox.reject(
                        new LocalStore.Rejection(UUID.fromString(m[0]), m[1], MutationResult.INVALID, message, now),
                        touched));
            }
            writer.update("delete from uploads where blob_id = ?", blobId.toString());
        });
        return rejected;
    }
}
