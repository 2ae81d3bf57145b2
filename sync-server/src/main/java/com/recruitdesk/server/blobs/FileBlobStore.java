package com.recruitdesk.server.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob store in a directory ({@code RD_DATA_DIR/blobs}): a file's key is
 * {@code <organization>/<first two hex digits>/<sha256>}. Uploads are written to
 * {@code .staging/}, flushed to disk, then renamed into place in one step, so a key never names a
 * half-written file. Several server instances may share the directory (e.g. over NFS).
 */
public final class FileBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileBlobStore.class);
    /** Staged files older than this were left by a process that died mid-upload. */
    private static final Duration ABANDONED = Duration.ofHours(6);

    private final Path root;
    private final Path staging;

    public FileBlobStore(Path root) {
        this.root = root.toAbsolutePath();
        this.staging = this.root.resolve(".staging");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob directory " + staging, e);
        }
        sweepAbandoned();
    }

    public Path root() {
        return root;
    }

    @Override
    public Staged stage(InputStream content, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(staging, "blob-", ".part");
        MessageDigest digest = sha256();
        long size = 0;
        boolean ok = false;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = content.read(buffer)) != -1) {
                size += n;
                if (size > maxBytes) {
                    throw new BlobTooLarge(maxBytes);
                }
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(temp);
            }
        }
        return new StagedFile(temp, HexFormat.of().formatHex(digest.digest()), size);
    }

    @Override
    public String keep(Staged staged, UUID organization) throws IOException {
        StagedFile file = (StagedFile) staged;
        String sha = file.sha256();
        String key = organization + "/" + sha.substring(0, 2) + "/" + sha;
        Path target = path(key);
        if (Files.exists(target)) {
            file.close(); // the same bytes are there already
            return key;
        }
        Files.createDirectories(target.getParent());
        try {
            // A rename within one file system: readers see the whole file or none.
            Files.move(file.path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            file.close(); // another writer kept the same bytes meanwhile
            return key;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the blob directory " + root + " must be one file system", e);
        }
        file.kept = true;
        syncDirectory(target.getParent());
        return key;
    }

    @Override
    public InputStream open(String storageKey) throws IOException {
        return Files.newInputStream(path(storageKey));
    }

    private Path path(String key) {
        if (!key.matches("[0-9a-f-]{36}/[0-9a-f]{2}/[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a storage key of this store: " + key);
        }
        return root.resolve(key);
    }

    /** Makes the rename durable too; not every platform can open a directory for that. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot sync directory {}: {}", dir, e.getMessage());
        }
    }

    private void sweepAbandoned() {
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging, "blob-*.part")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot clear abandoned uploads in {}: {}", staging, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class StagedFile implements Staged {
        private final Path path;
        private final String sha256;
        private final long size;
        private boolean kept;

        StagedFile(Path path, String sha256, long size) {
            this.path = path;
            this.sha256 = sha256;
            this.size = size;
        }

        @Override
        public String sha256() {
            return sha256;
        }

        @Override
        public long sizeBytes() {
            return size;
        }

        @Override
        public void close() {
            if (!kept) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("Cannot delete the staged file {}: {}", path, e.getMessage());
                }
            }
        }
    }
}
