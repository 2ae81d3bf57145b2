package com.recruitdesk.server.blobs;

import java.util.Locale;
import java.util.Map;

/** MIME type helpers: the type without parameters, and a file extension for a name. */
public final class MediaTypes {
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", ".jpg"),
            Map.entry("image/png", ".png"),
            Map.entry("image/webp", ".webp"),
            Map.entry("image/gif", ".gif"),
            Map.entry("video/mp4", ".mp4"),
            Map.entry("video/3gpp", ".3gp"),
            Map.entry("audio/ogg", ".ogg"),
            Map.entry("audio/mpeg", ".mp3"),
            Map.entry("audio/mp4", ".m4a"),
            Map.entry("audio/aac", ".aac"),
            Map.entry("audio/amr", ".amr"),
            Map.entry("audio/wav", ".wav"),
            Map.entry("application/pdf", ".pdf"),
            Map.entry("text/plain", ".txt"),
            Map.entry("application/msword", ".doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
            Map.entry("application/vnd.ms-excel", ".xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"));

    private MediaTypes() {}

    /** {@code "Audio/OGG; codecs=opus"} → {@code "audio/ogg"}. */
    public static String base(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** A file extension with its dot, or "" when none is known. */
    public static String extension(String mimeType) {
        return EXTENSIONS.getOrDefault(base(mimeType), "");
    }
}
