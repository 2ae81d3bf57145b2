package com.recruitdesk.protocol.blob;

import java.util.UUID;

/** A stored file as {@code POST /api/v1/blobs} answers it: its id, SHA-256 (hex), size, type and name. */
public record BlobInfo(UUID id, String sha256, long sizeBytes, String mimeType, String filename) {}
