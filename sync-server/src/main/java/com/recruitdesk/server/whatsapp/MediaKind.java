package com.recruitdesk.server.whatsapp;

import com.recruitdesk.protocol.whatsapp.WhatsAppMedia;
import java.util.Locale;

/**
 * WhatsApp's kinds of media message, by the rules the desktop checks too ({@link WhatsAppMedia}):
 * the MIME types each takes and whether it may have a caption (its size limit is checked where
 * the message is made, by {@link WhatsAppMedia#problem}). A file of any other
 * type goes as a document.
 */
public enum MediaKind {
    IMAGE,
    VIDEO,
    AUDIO,
    DOCUMENT;

    /** The kind a file of {@code mimeType} is sent as. */
    public static MediaKind of(String mimeType) {
        return valueOf(WhatsAppMedia.typeOf(mimeType).toUpperCase(Locale.ROOT));
    }

    /** The message type, as in {@code messages.type} and Meta's {@code type} field. */
    public String type() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean takesCaption() {
        return WhatsAppMedia.captionAllowed(type());
    }

    /** The line for the inbox list, as inbound media have it: "Photo: caption", "Document: cv.pdf". */
    public String preview(String caption, String filename) {
        String label = switch (this) {
            case IMAGE -> "Photo";
            case VIDEO -> "Video";
            case AUDIO -> "Audio";
            case DOCUMENT -> filename == null ? "Document" : "Document: " + filename;
        };
        return caption == null || caption.isBlank() ? label : label + ": " + caption;
    }
}
