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
 * A first sync reads a snapshot up to a position first (decision 0034): its cursor is that position
 * and the last row served, {@code "v2s:<feed epoch>:<access epoch>:<txid>:<id>:<entity>/<row id>"}
 * ({@code -} for none yet).
 */
record Cursor(long feedEpoch, long accessEpoch, String txid, long id, String snapshotAfter) {
    /** {@link #snapshotAfter} of a cursor in the feed itself, not in a snapshot. */
    static final String NOT_SNAPSHOT = null;
    /** {@link #snapshotAfter} of a snapshot's first page: before every row. */
    static final String SNAPSHOT_START = "-";

    private static final String ROW_KEY = "[A-Za-z]{1,64}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    Cursor(long feedEpoch, long accessEpoch, String txid, long id) {
        this(feedEpoch, accessEpoch, txid, id, NOT_SNAPSHOT);
    }

    /** No cursor: a fresh client, whose start is under whatever epochs are current. */
    static final Cursor START = new Cursor(0, 0, "0", 0);
    /** A cursor made before epochs existed: it matches none, so its client starts over once. */
    static final Cursor BEFORE_EPOCHS = new Cursor(0, 0, "0", -1);

    private static final String VERSION = "v2";
    private static final String SNAPSHOT_VERSION = "v2s";
    private static final String FIRST_VERSION = "v1";

    String encode() {
        String text = inSnapshot()
                ? SNAPSHOT_VERSION + ":" + feedEpoch + ":" + accessEpoch + ":" + txid + ":" + id + ":" + snapshotAfter
                : VERSION + ":" + feedEpoch + ":" + accessEpoch + ":" + txid + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** True for a pull from the feed's first entry (a fresh client, or one starting over after a reset). */
    boolean fromBeginning() {
        return "0".equals(txid) && id == 0 && !inSnapshot();
    }

    /** True while a first sync reads the snapshot up to this position. */
    boolean inSnapshot() {
        return snapshotAfter != null;
    }

    /** The next snapshot page's cursor: this snapshot's position, after the row {@code entity/rowId}. */
    Cursor snapshotAfter(String entity, java.util.UUID rowId) {
        return new Cursor(feedEpoch, accessEpoch, txid, id, entity + "/" + rowId);
    }

    /** A snapshot's first page at this position. */
    Cursor snapshotStart() {
        return new Cursor(feedEpoch, accessEpoch, txid, id, SNAPSHOT_START);
    }

    /** The entity of the last row a snapshot page served; empty before the first. */
    String snapshotEntity() {
        return SNAPSHOT_START.equals(snapshotAfter) ? "" : snapshotAfter.substring(0, snapshotAfter.indexOf('/'));
    }

    /** The id of the last row a snapshot page served; the nil id before the first. */
    java.util.UUID snapshotRowId() {
        return SNAPSHOT_START.equals(snapshotAfter)
                ? new java.util.UUID(0, 0)
                : java.util.UUID.fromString(snapshotAfter.substring(snapshotAfter.indexOf('/') + 1));
    }

    /** The feed position itself, where the feed goes on once the snapshot is read. */
    Cursor position() {
        return new Cursor(feedEpoch, accessEpoch, txid, id);
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
        return new Cursor(feed, access, txid, id, snapshotAfter);
    }

    /** Digits of a 64-bit unsigned number (an {@code xid8}): a larger one would fail in the query, not here. */
    private static boolean transactionId(String text) {
        if (!text.matches("\\d{1,20}")) {
            return false;
        }
        Long.parseUnsignedLong(text); // throws past 2^64 - 1
        return true;
    }

    static Cursor decode(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length == 5 && VERSION.equals(parts[0]) && transactionId(parts[3])) {
                return new Cursor(
                        Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3], Long.parseLong(parts[4]));
            }
            if (parts.length == 6
                    && SNAPSHOT_VERSION.equals(parts[0])
                    && transactionId(parts[3])
                    && (SNAPSHOT_START.equals(parts[5]) || parts[5].matches(ROW_KEY))) {
                return new Cursor(
                        Long.parseLong(parts[1]),
                        Long.parseLong(parts[2]),
                        parts[3],
                        Long.parseLong(parts[4]),
                        parts[5]);
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
