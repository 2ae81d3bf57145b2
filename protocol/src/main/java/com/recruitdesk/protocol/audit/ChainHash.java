package com.recruitdesk.protocol.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of one entry of a tamper-evident chain (an application's timeline, a verification
 * trail): SHA-256 over the previous entry's hash and the entry's content, so changing, removing or
 * reordering an entry breaks every hash after it. Both ends compute it the same way: the server when
 * it writes an entry, the desktop when it shows whether a chain still verifies.
 *
 * <p>The content is a fixed list of values, each written as {@code -} (null) or {@code +} and its
 * text; a time as its epoch microseconds (what PostgreSQL keeps). The same form is simple to compute
 * in SQL, which is how rows written before chaining are chained by the migration that adds it.
 */
public final class ChainHash {
    /** The {@code previous} of a chain's first entry. */
    public static final String GENESIS = "";

    private ChainHash() {}

    /** The lowercase hex SHA-256 of {@code previous} and {@code content}. */
    public static String link(String previous, List<?> content) {
        StringBuilder text = new StringBuilder(previous == null ? GENESIS : previous);
        for (Object value : content) {
            text.append('\n').append(encode(value));
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            utf8(sha, text);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Feeds the text's UTF-8 bytes (what PostgreSQL's convert_to(..., 'UTF8') gives) without the I/O packages. */
    private static void utf8(MessageDigest sha, CharSequence text) {
        text.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                sha.update((byte) cp);
            } else if (cp < 0x800) {
                sha.update((byte) (0xC0 | (cp >> 6)));
                sha.update((byte) (0x80 | (cp & 0x3F)));
            } else if (cp < 0x10000) {
                sha.update((byte) (0xE0 | (cp >> 12)));
                sha.update((byte) (0x80 | ((cp >> 6) & 0x3F)));
                sha.update((byte) (0x80 | (cp & 0x3F)));
            } else {
                sha.update((byte) (0xF0 | (cp >> 18)));
                sha.update((byte) (0x80 | ((cp >> 12) & 0x3F)));
                sha.update((byte) (0x80 | ((cp >> 6) & 0x3F)));
                sha.update((byte) (0x80 | (cp & 0x3F)));
            }
        });
    }

    /** One value as the content holds it. */
    public static String encode(Object value) {
        return switch (value) {
            case null -> "-";
            case Instant t -> "+" + ChronoUnit.MICROS.between(Instant.EPOCH, t);
            default -> "+" + value;
        };
    }
}
