package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.server.platform.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the change feed: the writing transaction's id and the entry's id, ordered by both.
 * Opaque to clients: base64url of {@code "v1:<txid>:<id>"}.
 */
record Cursor(String txid, long id) {
    static final Cursor START = new Cursor("0", 0);
    private static final String VERSION = "v1";

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + ":" + txid + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decode(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length == 3 && VERSION.equals(parts[0]) && parts[1].matches("\\d{1,20}")) {
                return new Cursor(parts[1], Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ApiException(
                400,
                ErrorCodes.INVALID,
                "The cursor is not one this server handed out; pull without a cursor to start over.");
    }
}
