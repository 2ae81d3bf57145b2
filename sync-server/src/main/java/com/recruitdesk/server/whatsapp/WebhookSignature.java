package com.recruitdesk.server.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw request
 * body, keyed with the app secret. Compared in constant time.
 */
final class WebhookSignature {
    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    enum Check {
        VALID,
        MISSING,
        WRONG
    }

    /** Keyed once; each check works on a clone, cheaper than looking the algorithm up and keying it again. */
    private final Mac keyed;

    private final byte[] secret;

    WebhookSignature(String appSecret) {
        this.secret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.keyed = mac(secret);
    }

    Check check(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return Check.MISSING;
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Check.WRONG;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return Check.WRONG;
        }
        return MessageDigest.isEqual(hmac(body), given) ? Check.VALID : Check.WRONG;
    }

    /** The header value Meta would send for {@code body}. */
    static String sign(String appSecret, byte[] body) {
        return PREFIX
                + HexFormat.of()
                        .formatHex(
                                mac(appSecret.getBytes(StandardCharsets.UTF_8)).doFinal(body));
    }

    private byte[] hmac(byte[] body) {
        try {
            return ((Mac) keyed.clone()).doFinal(body);
        } catch (CloneNotSupportedException e) {
            return mac(secret).doFinal(body); // a provider whose HMAC cannot be cloned
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
