package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.server.platform.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the change feed: the writing transaction's id and the entry's id, ordered by both,
 * under the feed's epoch and the user's access epoch it was handed out in (decision 0023). Opaque to
 * clients: base64url of {@code "v2:<feed epoch>:<access epoch>:<txid>:<id>"}. A cursor of another
 * epoch, or one of the first format ({@code v1}, which carried no epochs), makes the pull a reset.
 */
record Cursor(long feedEpoch, long accessEpoch, String txid, long id) {
    /** No cursor: a fresh client, whose start is under whatever epochs are current. */
    static final Cursor START = new Cursor(0, 0, "0", 0);
    /** A cursor made before epochs existed: it matches none, so its client starts over once. */
    static final Cursor BEFORE_EPOCHS = new Cursor(0, 0, "0", -1);

    private static final String VERSION = "v2";
    private static final String FIRST_VERSION = "v1";

    String encode() {
        String text = VERSION + ":" + feedEpoch + ":" + accessEpoch + ":" + txid + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** True for a pull from the feed's first entry (a fresh client, or one starting over after a reset). */
    boolean fromBeginning() {
        return "0".equals(txid) && id == 0;
    }

    boolean isStart() {
        return this == START;
    }

    /** True when this cursor was handed out under these epochs (a fresh start matches any). */
    boolean matches(long feed, long access) {
        return isStart() || (this != BEFORE_EPOCHS && feedEpoch == feed && accessEpoch == access);
    }

    /** The same position under the given epochs. */
    Cursor under(long feed, long access) {
        return new Cursor(feed, access, txid, id);
    }

    static Cursor decode(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length == 5 && VERSION.equals(parts[0]) && parts[3].matches("\\d{1,20}")) {
                return new Cursor(
                        Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3], Long.parseLong(parts[4]));
            }
            if (parts.length == 3 && FIRST_VERSION.equals(parts[0]) && parts[1].matches("\\d{1,20}")) {
                Long.parseLong(parts[2]);
                return BEFORE_EPOCHS;
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
