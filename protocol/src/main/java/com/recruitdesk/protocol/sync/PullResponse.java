package com.recruitdesk.protocol.sync;

import java.util.List;

/**
 * {@code GET /api/v1/sync/pull?cursor=C&limit=N}: the changes after C, and the cursor to pull from next.
 * A pull from no cursor reads a snapshot first: the current rows this user may see, each once, then
 * the feed from the snapshot's position on (decision 0034). {@code total} is sent only on such a first
 * pull that has more pages: how many rows the snapshot holds, so a client can show its progress.
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
