package com.recruitdesk.server.whatsapp;

/** Downloads inbound media into the blob store (see the class below once written). */
final class MediaFetcher {
    /** Largest media file kept: Meta's own limit for documents is 100 MB. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private MediaFetcher() {}
}
