package com.recruitdesk.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Queues mutations straight into a store's outbox, as the sync engine does, with no engine to send them. */
public final class StoreSubmitter implements Submitter {
    private final ObjectMapper mapper = Json.newMapper();
    private final LocalStore store;
    private final Clock clock;

    public StoreSubmitter(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public <A extends Record> UUID submit(
            MutationType<A> type, A args, List<LocalStore.Optimistic> optimistic, List<UUID> uploads) {
        Mutation m = new Mutation(UUID.randomUUID(), type.name(), mapper.valueToTree(args), clock.instant());
        store.enqueue(m, optimistic, uploads);
        return m.id();
    }
}
