package com.recruitdesk.server.blobs;

import com.recruitdesk.protocol.blob.BlobInfo;
import java.util.UUID;

/** A row of {@code blobs}: what the file is and where its bytes are. */
public record StoredBlob(
        UUID id,
        UUID organizationId,
        String storageKey,
        String sha256,
        long sizeBytes,
        String mimeType,
        String filename,
        UUID createdByUserId) {

    public BlobInfo info() {
        return new BlobInfo(id, sha256, sizeBytes, mimeType, filename);
    }
}
