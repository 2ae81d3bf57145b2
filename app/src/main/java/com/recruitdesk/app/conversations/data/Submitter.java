package com.recruitdesk.app.conversations.data;

import com.recruitdesk.app.store.LocalStore;
import java.util.List;
import java.util.UUID;

/** Where the pane's mutations go: the sync engine's outbox (durably, before returning). */
@FunctionalInterface
public interface Submitter {
    UUID submit(String name, Object args, List<LocalStore.Optimistic> optimistic);
}
