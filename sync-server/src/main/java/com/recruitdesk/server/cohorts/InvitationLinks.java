package com.recruitdesk.server.cohorts;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of an enrollment's upload page: its id and an HMAC of the id and the link's generation
 * under a server secret, so the server can give the link again to the institution's admins without
 * keeping it, and a new generation ends the old link. 44 URL-safe characters; guessing one is as hard
 * as guessing a 128-bit key.
 */
final class InvitationLinks {
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] key;

    InvitationLinks(byte[] key) {
        this.key = key.clone();
    }

    /** The token of {@code enrollment}'s link in its {@code generation}. */
    String token(UUID enrollment, int generation) {
        ByteBuffer id = ByteBuffer.allocate(16)
                .putLong(enrollment.getMostSignificantBits())
                .putLong(enrollment.getLeastSignificantBits());
        return ENCODE.encodeToString(id.array()) + ENCODE.encodeToString(mac(enrollment, generation));
    }

    /** The enrollment a token names, if its form is right; its MAC is checked by {@link #matches}. */
    static Optional<UUID> enrollmentOf(String token) {
        if (token == null || token.length() != 44 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        ByteBuffer id = ByteBuffer.wrap(DECODE.decode(token.substring(0, 22)));
        return Optional.of(new UUID(id.getLong(), id.getLong()));
    }

    /** True when {@code token} is the link of {@code enrollment} in {@code generation} (compared in constant time). */
    boolean matches(String token, UUID enrollment, int generation) {
        byte[] given = DECODE.decode(token.substring(22));
        return MessageDigest.isEqual(given, mac(enrollment, generation));
    }

    /** True when {@code token} is a link of {@code enrollment} from a generation before {@code current}: a replaced link. */
    boolean matchesEarlier(String token, UUID enrollment, int current) {
        for (int g = current - 1; g >= 1; g--) {
            if (matches(token, enrollment, g)) {
                return true;
            }
        }
        return false;
    }

    private byte[] mac(UUID enrollment, int generation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(
                    ("enroll:" + enrollment + ":" + generation).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
