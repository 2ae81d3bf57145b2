package com.recruitdesk.server.platform.access;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The users' access (organization, account state, roles, access epoch) as last read, so a request
 * does not take a pooled connection only to learn who is calling (decision 0035). An entry stands
 * for one access epoch: every change of a user's access bumps the epoch by trigger and notifies
 * {@code sync_access} (V9), and every pooled connection listens to that channel, so the transaction
 * that made the change receives the notice with its own commit and drops the entry before it
 * answers. A change committed elsewhere (another server, an operator's SQL) reaches this cache
 * through the poke listener a few milliseconds later.
 */
public final class AccessCache {
    private final Map<UUID, CurrentUser> users = new ConcurrentHashMap<>();
    /** Raised by every invalidation; a read begun before one must not fill the cache with what it read. */
    private final AtomicLong generation = new AtomicLong();

    /** The cached user, or what {@code read} finds now (cached unless an invalidation came meanwhile). */
    public Optional<CurrentUser> get(UUID userId, Supplier<Optional<CurrentUser>> read) {
        CurrentUser cached = users.get(userId);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        Optional<CurrentUser> now = read.get();
        // Only a user who exists is kept: a deleted one leaves no entry (their id may never come back).
        if (now.isPresent() && generation.get() == before) {
            users.put(userId, now.get());
            if (generation.get() != before) { // an invalidation raced the put: it may have missed our entry
                users.remove(userId, now.get());
            }
        }
        return now;
    }

    /** The user's access changed (or may have): the next request reads it from the database. */
    public void forget(UUID userId) {
        generation.incrementAndGet();
        users.remove(userId);
    }

    /** Every entry goes, e.g. when the listener lost the database and may have missed notices. */
    public void forgetAll() {
        generation.incrementAndGet();
        users.clear();
    }

    int size() {
        return users.size();
    }
}
