package com.recruitdesk.server.blobs;

import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.sync.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Files: the bytes in the {@link BlobStore}, one {@code blobs} row per file. Uploads are keyed by an
 * id the client makes, so a retried upload finds its first one; identical bytes within an
 * organization share one stored file. Who may read a file follows who may read the rows that name
 * it (decision 0014).
 */
public final class Blobs {
    private static final String COLUMNS =
            "b.id, b.organization_id, b.storage_key, b.sha256, b.size_bytes, b.mime_type, b.original_filename,"
                    + " b.created_by_user_id";

    private final Database database;
    private final BlobStore store;
    private final long maxBytes;

    public Blobs(Database database, BlobStore store, long maxBytes) {
        this.database = database;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    /** The largest file kept ({@code RD_BLOB_MAX_BYTES}). */
    public long maxBytes() {
        return maxBytes;
    }

    /** What became of an upload. */
    public sealed interface Upload {
        /** Stored under the id for the first time. */
        record Created(StoredBlob blob) implements Upload {}

        /** The same bytes under the same id again (a retry): nothing new stored. */
        record Repeated(StoredBlob blob) implements Upload {}

        /** The id names another file; nothing stored. */
        record Conflict() implements Upload {}

        /** No bytes arrived; nothing stored. */
        record Empty() implements Upload {}
    }

    /** Bytes kept in the store, not yet named by a row. */
    public record Kept(String storageKey, String sha256, long sizeBytes) {}

    /**
     * Streams an upload of {@code who} into the store and records it as {@code id}. Throws
     * {@link BlobTooLarge} past {@link #maxBytes()}, leaving nothing behind.
     */
    public Upload upload(UUID id, Principal who, InputStream body, String mimeType, String filename)
            throws IOException, SQLException {
        Optional<StoredBlob> earlier = byId(id);
        if (earlier.isPresent() && !isRetryOf(earlier.get(), who)) {
            return new Upload.Conflict(); // no need to read the bytes
        }
        try (BlobStore.Staged staged = store.stage(body, maxBytes)) {
            if (staged.sizeBytes() == 0) {
                return new Upload.Empty();
            }
            if (earlier.isPresent()) {
                return sameBytes(earlier.get(), staged) ? new Upload.Repeated(earlier.get()) : new Upload.Conflict();
            }
            Kept file = new Kept(store.keep(staged, who.organizationId()), staged.sha256(), staged.sizeBytes());
            Optional<StoredBlob> created = database.jdbcTransaction(
                    Connection.TRANSACTION_READ_COMMITTED,
                    c -> insert(c, id, who.organizationId(), file, mimeType, filename, who.userId()));
            if (created.isPresent()) {
                return new Upload.Created(created.get());
            }
            // The same id was stored meanwhile, by a retry racing this one.
            StoredBlob winner = byId(id).orElseThrow();
            return isRetryOf(winner, who) && winner.sha256().equals(file.sha256())
                    ? new Upload.Repeated(winner)
                    : new Upload.Conflict();
        }
    }

    /**
     * Streams {@code content} into {@code organization}'s space of the store (a background task's
     * file, e.g. WhatsApp media); throws {@link BlobTooLarge} past {@link #maxBytes()}.
     */
    public Kept keep(UUID organization, InputStream content) throws IOException {
        try (BlobStore.Staged staged = store.stage(content, maxBytes)) {
            return new Kept(store.keep(staged, organization), staged.sha256(), staged.sizeBytes());
        }
    }

    /** Records kept bytes as the blob {@code id}, on the caller's transaction; empty if the id is taken. */
    public static Optional<StoredBlob> insert(
            Connection c, UUID id, UUID organization, Kept file, String mimeType, String filename, UUID createdBy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into blobs (id, organization_id, storage_key, sha256, size_bytes, mime_type, original_filename,
                                   created_by_user_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing
                """)) {
            ps.setObject(1, id);
            ps.setObject(2, organization);
            ps.setString(3, file.storageKey());
            ps.setBytes(4, HexFormat.of().parseHex(file.sha256()));
            ps.setLong(5, file.sizeBytes());
            ps.setString(6, mimeType);
            ps.setString(7, filename);
            ps.setObject(8, createdBy);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new StoredBlob(
                id, organization, file.storageKey(), file.sha256(), file.sizeBytes(), mimeType, filename, createdBy));
    }

    /**
     * The blob {@code id} if {@code who} may read it: staff read every file of their organization;
     * others the files they uploaded and those named by rows they may read (their own avatar, photos
     * and interview kit documents of the people they interview, documents and photos of their
     * institution's students).
     */
    public Optional<StoredBlob> readable(UUID id, Principal who) throws SQLException {
        Visibility v = Visibility.of(who);
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + """
                     from blobs b
                    where b.id = ? and b.organization_id = ?
                      and (? or b.created_by_user_id = ?
                           or exists (select 1 from users u where u.id = ? and u.avatar_blob_id = b.id)
                           or exists (select 1 from candidates p
                                        join interview_sessions s on s.candidate_id = p.id
                                        join interview_participants i on i.interview_session_id = s.id
                                       where i.user_id = ? and p.photo_blob_id = b.id)
                           or exists (select 1 from uploaded_documents d
                                       where d.blob_id = b.id and d.institution_id = any (?))
                           or exists (select 1 from uploaded_documents d
                                        join interview_sessions s on s.candidate_id = d.candidate_id
                                        join interview_participants i on i.interview_session_id = s.id
                                       where i.user_id = ? and d.blob_id = b.id
                                         and interview_kit_category(d.document_category))
                           or exists (select 1 from candidates p
                                        join cohort_enrollments e on e.candidate_id = p.id
                                       where e.institution_id = any (?) and p.photo_blob_id = b.id))
                    """)) {
                var institutions = c.createArrayOf("uuid", v.institutions().toArray());
                ps.setObject(1, id);
                ps.setObject(2, v.organizationId());
                ps.setBoolean(3, v.staff());
                ps.setObject(4, v.userId());
                ps.setObject(5, v.userId());
                ps.setObject(6, v.userId());
                ps.setArray(7, institutions);
                ps.setObject(8, v.userId());
                ps.setArray(9, institutions);
                return one(ps);
            }
        });
    }

    /** The blob {@code id} of {@code organization}, on the caller's transaction. */
    public static Optional<StoredBlob> find(Connection c, UUID id, UUID organization) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select " + COLUMNS + " from blobs b where b.id = ? and b.organization_id = ?")) {
            ps.setObject(1, id);
            ps.setObject(2, organization);
            return one(ps);
        }
    }

    /** The bytes of {@code blob}. */
    public InputStream open(StoredBlob blob) throws IOException {
        return store.open(blob.storageKey());
    }

    private Optional<StoredBlob> byId(UUID id) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from blobs b where b.id = ?")) {
                ps.setObject(1, id);
                return one(ps);
            }
        });
    }

    /** Only the uploader's own retry may repeat an id; anyone else's is a conflict, whatever the bytes. */
    private static boolean isRetryOf(StoredBlob blob, Principal who) {
        return blob.organizationId().equals(who.organizationId())
                && who.userId().equals(blob.createdByUserId());
    }

    private static boolean sameBytes(StoredBlob blob, BlobStore.Staged staged) {
        return blob.sha256().equals(staged.sha256()) && blob.sizeBytes() == staged.sizeBytes();
    }

    private static Optional<StoredBlob> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredBlob(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    HexFormat.of().formatHex(rs.getBytes(4)),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getObject(8, UUID.class)));
        }
    }
}
