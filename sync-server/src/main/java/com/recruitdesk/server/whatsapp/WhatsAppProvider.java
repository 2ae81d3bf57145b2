package com.recruitdesk.server.whatsapp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** The provider behind a WhatsApp number: the Cloud API or the simulator. */
interface WhatsAppProvider {
    /** One attempt to send {@code message}; never throws for a provider's refusal or a network failure. */
    SendOutcome send(OutboundMessage message);

    /**
     * One attempt to upload the file of a media message for {@code account}; {@link SendOutcome.Accepted}
     * carries the provider's media id. Never throws for a refusal or a network failure.
     */
    SendOutcome upload(WhatsAppAccount account, MediaUpload file);

    /**
     * Opens inbound media of {@code account} by the provider's media id; the caller reads and closes
     * it. Throws {@link MediaUnavailable} when the file will never come, any other
     * {@link IOException} when a later attempt may succeed.
     */
    MediaDownload download(WhatsAppAccount account, String mediaId) throws IOException;

    /** A file to upload: its type, name and size, and a way to read it (perhaps more than once). */
    record MediaUpload(String mimeType, String filename, long sizeBytes, Content content) {}

    /** Opens the bytes of an upload. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    /** A download in progress: the bytes as they arrive and the provider's MIME type for them. */
    record MediaDownload(InputStream body, String mimeType) implements Closeable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
