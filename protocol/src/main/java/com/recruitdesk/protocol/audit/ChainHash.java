package com.recruitdesk.protocol.audit;

import java.nio.charset.StandardCharsets;
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
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
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
