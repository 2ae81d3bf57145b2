package com.recruitdesk.protocol.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The address at which people outside the office reach this server's pages (a student's upload page,
 * a job's public page): {@code https://recruit.example.org}, a scheme, a host and perhaps a port,
 * with nothing after them. Both ends read it with {@link #normalized}.
 */
public final class PageAddress {
    public static final String WRONG = "A page address is where people reach this server, such as"
            + " https://recruit.example.org, with nothing after the host and port.";

    private PageAddress() {}

    /** {@code text} as {@code scheme://host[:port]}, or empty if it is not such an address. */
    public static Optional<String> normalized(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            boolean plain = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && (uri.getRawPath() == null
                            || uri.getRawPath().isEmpty()
                            || uri.getRawPath().equals("/"));
            return plain
                    ? Optional.of(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost()
                            + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
