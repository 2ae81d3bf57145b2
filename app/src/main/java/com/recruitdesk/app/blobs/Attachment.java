package com.recruitdesk.app.blobs;

import java.util.UUID;

/** A file attached here, copied in under a new blob id, waiting to go with a message. */
public record Attachment(UUID blobId, String filename, String mimeType, long size) {
    /** "2.4 MB", "830 KB", "12 bytes". */
    public String sizeText() {
        return Sizes.text(size);
    }
}
