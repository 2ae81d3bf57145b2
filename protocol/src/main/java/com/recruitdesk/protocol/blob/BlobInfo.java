package com.recruitdesk.protocol.blob;

import java.util.UUID;

/**
 * A stored file as {@code POST /api/v1/blobs} answers it: its id (the client's, if it made one),
 * the SHA-256 of its bytes as lowercase hex, its size, its MIME type and its original name (absent
 * when none was given).
 */
public record BlobInfo(UUID id, String sha256, long sizeBytes, String mimeType, String filename) {}
