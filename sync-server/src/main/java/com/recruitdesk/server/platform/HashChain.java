package com.recruitdesk.server.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

/**
 * A hash chain over an append-only trail: each entry's hash is SHA-256 over the previous entry's hash
 * and the entry's own fields, so an entry changed, removed or put out of order afterwards breaks every
 * hash after it. Fields are written with their length first, so no two lists of fields hash alike.
 * (The Cohorts verification trail uses it; a shared helper for every trail is for the lead to unify.)
 */
public final class HashChain {
    /** The "previous hash" of a trail's first entry. */
    public static final String START = "0".repeat(64);

    private HashChain() {}

    /** One entry as stored: the hash it says came before, its own hash, and the fields it was made of. */
    public record Entry(String previousHash, String hash, List<String> fields) {}

    /** The hash of an entry with {@code fields} following the entry whose hash is {@code previous}. */
    public static String link(String previous, List<String> fields) {
        MessageDigest sha = sha256();
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        for (String field : fields) {
            byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
            sha.update(
                    ((field == null ? "-" : Integer.toString(bytes.length)) + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The index of the first entry that does not follow from the ones before it (its previous hash is
     * not the hash before, or its hash is not what its fields give); empty when the whole chain holds.
     */
    public static OptionalInt firstBroken(List<Entry> entries) {
        String previous = START;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (!previous.equals(e.previousHash())
                    || !link(previous, e.fields()).equals(e.hash())) {
                return OptionalInt.of(i);
            }
            previous = e.hash();
        }
        return OptionalInt.empty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
