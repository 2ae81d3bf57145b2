package com.recruitdesk.server.blobs;

import java.io.IOException;

/** More bytes arrived than the blob store takes; nothing was kept. */
public final class BlobTooLarge extends IOException {
    private final long maxBytes;

    public BlobTooLarge(long maxBytes) {
        super("the file is larger than the " + maxBytes + " bytes this server keeps");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
