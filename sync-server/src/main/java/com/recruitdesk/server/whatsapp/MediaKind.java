package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.blobs.MediaTypes;
import java.util.Set;

/**
 * WhatsApp's kinds of media message and what each carries: the MIME types it takes, its size limit
 * and whether it may have a caption. A file of any other type goes as a document.
 */
public enum MediaKind {
    IMAGE("image", 5, true, Set.of("image/jpeg", "image/png")),
    VIDEO("video", 16, true, Set.of("video/mp4", "video/3gpp")),
    AUDIO("audio", 16, false, Set.of("audio/aac", "audio/mp4", "audio/mpeg", "audio/amr", "audio/ogg")),
    DOCUMENT("document", 100, true, Set.of());

    private static final long MIB = 1024L * 1024;

    private final String type;
    private final int maxMegabytes;
    private final boolean captioned;
    private final Set<String> mimeTypes;

    MediaKind(String type, int maxMegabytes, boolean captioned, Set<String> mimeTypes) {
        this.type = type;
        this.maxMegabytes = maxMegabytes;
        this.captioned = captioned;
        this.mimeTypes = mimeTypes;
    }

    /** The kind a file of {@code mimeType} is sent as. */
    public static MediaKind of(String mimeType) {
        String base = MediaTypes.base(mimeType);
        for (MediaKind kind : values()) {
            if (kind.mimeTypes.contains(base)) {
                return kind;
            }
        }
        return DOCUMENT;
    }

    /** The message type, as in {@code messages.type} and Meta's {@code type} field. */
    public String type() {
        return type;
    }

    public long maxBytes() {
        return maxMegabytes * MIB;
    }

    public int maxMegabytes() {
        return maxMegabytes;
    }

    public boolean takesCaption() {
        return captioned;
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
