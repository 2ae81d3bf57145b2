package com.recruitdesk.protocol.whatsapp;

import com.recruitdesk.protocol.blob.FileTypes;
import java.util.Locale;
import java.util.Set;

/**
 * WhatsApp's rules for a file sent as a message, shared so the desktop can tell the user before
 * sending what the server would refuse: the message type a MIME type becomes, the largest file of
 * each type, and whether it may carry a caption.
 */
public final class WhatsAppMedia {
    public static final long MB = 1024L * 1024;

    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png");
    private static final Set<String> VIDEOS = Set.of("video/mp4", "video/3gpp");
    private static final Set<String> AUDIO = Set.of("audio/aac", "audio/mp4", "audio/mpeg", "audio/amr", "audio/ogg");

    private WhatsAppMedia() {}

    /** {@code image}, {@code video}, {@code audio} or {@code document} (anything else). */
    public static String typeOf(String mimeType) {
        String mime = FileTypes.base(mimeType);
        if (IMAGES.contains(mime)) {
            return "image";
        }
        if (VIDEOS.contains(mime)) {
            return "video";
        }
        if (AUDIO.contains(mime)) {
            return "audio";
        }
        return "document";
    }

    public static long maxBytes(String type) {
        return switch (type) {
            case "image" -> 5 * MB;
            case "video", "audio" -> 16 * MB;
            default -> 100 * MB;
        };
    }

    /** Audio goes without a caption; the other types may have one. */
    public static boolean captionAllowed(String type) {
        return !"audio".equals(type);
    }

    /** Why a file cannot be sent as it is, or null when it can. */
    public static String problem(String mimeType, long size, boolean hasCaption) {
        String type = typeOf(mimeType);
        if (size <= 0) {
            return "The file is empty.";
        }
        if (size > maxBytes(type)) {
            return "WhatsApp takes " + (type.equals("document") ? "documents" : type + " files") + " up to "
                    + maxBytes(type) / MB + " MB; this one is " + String.format(Locale.ROOT, "%.1f", size / (double) MB)
                    + " MB.";
        }
        if (hasCaption && !captionAllowed(type)) {
            return "WhatsApp sends audio without a caption; send the text as a message of its own.";
        }
        return null;
    }
}
