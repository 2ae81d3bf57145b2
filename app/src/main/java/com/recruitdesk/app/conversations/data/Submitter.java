package com.recruitdesk.app.conversations.data;

import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.List;
import java.util.UUID;

/** Where the pane's mutations go: the sync engine's outbox (durably, before returning). */
public interface Submitter {
    <A extends Record> UUID submit(MutationType<A> type, A args, List<LocalStore.Optimistic> optimistic);
}
