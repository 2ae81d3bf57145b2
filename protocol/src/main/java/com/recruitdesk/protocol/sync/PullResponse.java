package com.recruitdesk.protocol.sync;

import java.util.List;

/**
 * {@code GET /api/v1/sync/pull?cursor=C&limit=N}: the changes after C, and the cursor to pull from next.
 * {@code total} is sent only on a pull from no cursor that has more pages: how many feed entries the
 * whole first sync will read, so a client can show its progress. Pages carry only the newest change of
 * each row, so a client may receive fewer changes than {@code total}.
 */
public record PullResponse(String cursor, boolean hasMore, List<Change> changes, Long total) {
    public PullResponse {
        changes = List.copyOf(changes);
    }

    public PullResponse(String cursor, boolean hasMore, List<Change> changes) {
        this(cursor, hasMore, changes, null);
    }
}
