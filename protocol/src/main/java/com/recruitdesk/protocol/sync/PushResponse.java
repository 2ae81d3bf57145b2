package com.recruitdesk.protocol.sync;

import java.util.List;

/** One result per pushed mutation, in the order they were pushed. */
public record PushResponse(List<MutationResult> results) {
    public PushResponse {
        results = List.copyOf(results);
    }
}
