package com.recruitdesk.protocol.admin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address at which people outside the office reach this server's pages (a student's upload page,
 * a job's public page): {@code https://recruit.example.org}, a scheme, a host and perhaps a port,
 * with nothing after them. Both ends read it with {@link #normalized}. (A pattern rather than
 * {@code java.net.URI}: the protocol stays free of {@code java.net}, and the pattern is stricter.)
 */
public final class PageAddress {
    public static final String WRONG = "A page address is where people reach this server, such as"
            + " https://recruit.example.org, with nothing after the host and port.";

    /** http or https; a host name, an IPv4 address or a bracketed IPv6 one; a port; at most a slash. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)(https?)://([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+])"
                    + "(?::([0-9]{1,5}))?/?");

    private PageAddress() {}

    /** {@code text} as {@code scheme://host[:port]}, or empty if it is not such an address. */
    public static Optional<String> normalized(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ADDRESS.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String port = m.group(3);
        if (port != null && (Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535)) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toLowerCase(Locale.ROOT) + "://"
                + m.group(2).toLowerCase(Locale.ROOT) + (port == null ? "" : ":" + Integer.parseInt(port)));
    }
}
