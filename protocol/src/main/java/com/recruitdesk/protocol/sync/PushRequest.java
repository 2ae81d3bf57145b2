package com.recruitdesk.protocol.sync;

import java.util.List;

/** {@code POST /api/v1/sync/push}: mutations applied in order, each in its own transaction. */
public record PushRequest(List<Mutation> mutations) {
    /** The most mutations one push may carry; a client sends a longer outbox in several pushes. */
    public static final int MAX_MUTATIONS = 500;
}
