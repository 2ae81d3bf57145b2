package com.recruitdesk.protocol.sync;

import java.util.List;

/** {@code GET /api/v1/sync/pull?cursor=C&limit=N}: the changes after C, and the cursor to pull from next. */
public record PullResponse(String cursor, boolean hasMore, List<Change> changes) {
    public PullResponse {
        changes = List.copyOf(changes);
    }
}
