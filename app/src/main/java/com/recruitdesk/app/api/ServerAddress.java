package com.recruitdesk.app.api;

import java.util.Locale;
import okhttp3.HttpUrl;

/** A server address as people type it ({@code localhost:8080}), made into a base URL. */
public final class ServerAddress {
    private ServerAddress() {}

    /** The base URL without a trailing slash, or empty if the text is not an address. */
    public static java.util.Optional<String> normalize(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        String t = text.strip();
        if (!t.toLowerCase(Locale.ROOT).matches("^https?://.*")) {
            t = "http://" + t;
        }
        HttpUrl url = HttpUrl.parse(t);
        if (url == null) {
            return java.util.Optional.empty();
        }
        String s = url.toString();
        return java.util.Optional.of(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
}
