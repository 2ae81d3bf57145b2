package com.recruitdesk.server.whatsapp;

/** The provider behind a WhatsApp number: the Cloud API or the simulator. */
interface WhatsAppProvider {
    /** One attempt to send {@code message}; never throws for a provider's refusal or a network failure. */
    SendOutcome send(OutboundMessage message);

    /** Downloads inbound media by the provider's media id. */
    MediaFile download(String mediaId) throws java.io.IOException;

    /** A downloaded file. */
    record MediaFile(byte[] bytes, String mimeType) {}
}
