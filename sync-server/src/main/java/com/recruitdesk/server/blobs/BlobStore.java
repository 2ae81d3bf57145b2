package com.recruitdesk.server.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Where the bytes of files live, addressed by content: the same bytes of one organization are kept
 * once, whatever their names. A file is first staged (streamed to a temporary place while its
 * SHA-256 is computed, and made durable), then kept under its content address. This directory is
 * the first implementation; an S3-compatible store can take its place.
 */
public interface BlobStore {
    /**
     * Streams {@code content} to a temporary place and makes it durable; throws {@link BlobTooLarge}
     * (nothing kept) once more than {@code maxBytes} arrive.
     */
    Staged stage(InputStream content, long maxBytes) throws IOException;

    /**
     * Moves a staged file to its content address in {@code organization}'s space and returns that
     * storage key. When the same bytes are there already, the staged copy is dropped.
     */
    String keep(Staged staged, UUID organization) throws IOException;

    /** The bytes stored under {@code storageKey}. */
    InputStream open(String storageKey) throws IOException;

    /** A file streamed in but not yet kept; closing it drops it unless it was kept. */
    interface Staged extends AutoCloseable {
        /** SHA-256 of the bytes, lowercase hex. */
        String sha256();

        long sizeBytes();

        @Override
        void close();
    }
}
