package com.recruitdesk.app.blobs;

import java.util.Locale;

/** File sizes as people read them. */
public final class Sizes {
    private Sizes() {}

    public static String text(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
