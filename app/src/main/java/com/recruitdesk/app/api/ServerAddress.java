package com.recruitdesk.app.api;

import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A server address as people type it ({@code localhost:8080}), made into a base URL. Without a
 * scheme, this computer is reached over {@code http://} and any other over {@code https://}: a
 * password and the data only cross a network encrypted unless the user asks otherwise.
 */
public final class ServerAddress {
    private ServerAddress() {}

    /** The base URL without a trailing slash, or empty if the text is not an address. */
    public static Optional<String> normalize(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!t.toLowerCase(Locale.ROOT).matches("^https?://.*")) {
            HttpUrl probe = HttpUrl.parse("http://" + t);
            t = (probe != null && isLoopback(probe.host()) ? "http://" : "https://") + t;
        }
        HttpUrl url = HttpUrl.parse(t);
        if (url == null) {
            return Optional.empty();
        }
        String s = url.toString();
        return Optional.of(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** The host of {@code url} when it is plain {@code http://} to another computer; empty otherwise. */
    public static Optional<String> plainToAnotherComputer(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || parsed.isHttps() || isLoopback(parsed.host())) {
            return Optional.empty();
        }
        return Optional.of(parsed.host());
    }

    /** This computer: {@code localhost}, 127.0.0.0/8 or ::1 (never resolved: the name itself decides). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.matches("127(\\.\\d{1,3}){3}")
                || h.equals("::1")
                || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
