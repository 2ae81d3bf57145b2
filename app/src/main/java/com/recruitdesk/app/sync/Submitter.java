package com.recruitdesk.app.sync;

import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.List;
import java.util.UUID;

/**
 * Where a pane's commands go: the outbox (durably, before returning), then the server. The name and
 * the argument record travel together as a {@link MutationType}, so a misspelt name or wrong
 * arguments are a compile error; the optimistic rows show the change at once until the server has
 * decided. It writes to disk: call it off the FX thread.
 */
public interface Submitter {
    /**
     * Queues a mutation; {@code uploads} are the files (queued with {@link LocalStore#addUpload}) the
     * server needs before it: if it refuses one of them, this mutation is rejected with its reason.
     */
    <A extends Record> UUID submit(
            MutationType<A> type, A args, List<LocalStore.Optimistic> optimistic, List<UUID> uploads);

    /** A mutation that needs no file uploaded first. */
    default <A extends Record> UUID submit(MutationType<A> type, A args, List<LocalStore.Optimistic> optimistic) {
        return submit(type, args, optimistic, List.of());
    }
}
