package com.recruitdesk.server.whatsapp;

import java.io.IOException;

/**
 * Inbound media that will never be downloaded (too large, no longer at the provider): trying again
 * does not help. The message says why in a sentence a person reads in the thread.
 */
final class MediaUnavailable extends IOException {
    MediaUnavailable(String reason) {
        super(reason);
    }
}
