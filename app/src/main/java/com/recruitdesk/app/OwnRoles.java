package com.recruitdesk.app;

import com.recruitdesk.app.pane.SignedInUser;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Entities;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches the synced row of the signed-in user (its {@code roles} and {@code status}): when an
 * administrator changes their roles or deactivates them, the window is told once, so it can switch
 * panes (or sign out) without the user signing in again.
 */
final class OwnRoles implements Consumer<Set<String>> {
    /** What the user's own row says now. */
    record Change(Set<Role> roles, boolean active) {}

    private final LocalStore store;
    private final SignedInUser user;
    private final Consumer<Change> changed;
    private boolean told;

    OwnRoles(LocalStore store, SignedInUser user, Consumer<Change> changed) {
        this.store = store;
        this.user = user;
        this.changed = changed;
    }

    /** Told by the store (on the writer's thread) which entities changed. */
    @Override
    public synchronized void accept(Set<String> entities) {
        if (told || !entities.contains(Entities.USER)) {
            return;
        }
        store.row(Entities.USER, user.id()).ifPresent(row -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            row.path("roles").forEach(r -> {
                try {
                    roles.add(Role.valueOf(r.asText()));
                } catch (IllegalArgumentException unknown) {
                    // a role this version does not know opens no pane
                }
            });
            boolean active = !"inactive".equals(row.path("status").asText());
            if (!active || !roles.equals(user.roles())) {
                told = true;
                changed.accept(new Change(roles, active));
            }
        });
    }
}
