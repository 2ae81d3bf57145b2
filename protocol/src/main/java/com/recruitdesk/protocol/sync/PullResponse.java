package com.recruitdesk.protocol.sync;

import java.util.List;

/**
 * {@code GET /api/v1/sync/pull?cursor=C&limit=N}: the changes after C, and the cursor to pull from next.
 * {@code total} is sent only on a pull from no cursor that has more pages: how many feed entries the
 * whole first sync will read, so a client can show its progress. Pages carry only the newest change of
 * each row, so a client may receive fewer changes than {@code total}.
 *
 * <p>{@code reset} (with no changes) says that what this client holds may no longer be what its user
 * may see (a role changed) or that the feed started over (a restored database): the client removes
 * every row it pulled, keeps its outbox, and pulls from the {@code cursor} given, the new start.
 */
public record PullResponse(String cursor, boolean hasMore, List<Change> changes, Long total, boolean reset) {
    public PullResponse {
        changes = List.copyOf(changes);
    }

    public PullResponse(String cursor, boolean hasMore, List<Change> changes, Long total) {
        this(cursor, hasMore, changes, total, false);
    }

    public PullResponse(String cursor, boolean hasMore, List<Change> changes) {
        this(cursor, hasMore, changes, null, false);
    }

    /** Start over from {@code start}: wipe what was pulled, keep the outbox. */
    public static PullResponse reset(String start) {
        return new PullResponse(start, true, List.of(), null, true);
    }
}
