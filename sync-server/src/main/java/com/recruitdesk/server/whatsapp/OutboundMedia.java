package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.blobs.StoredBlob;

/**
 * The file of an outbound media message.
 *
 * @param providerMediaId the provider's id of the uploaded file; null until it is uploaded
 */
record OutboundMedia(StoredBlob blob, String caption, String filename, String providerMediaId) {
    OutboundMedia withProviderMediaId(String id) {
        return new OutboundMedia(blob, caption, filename, id);
    }
}
