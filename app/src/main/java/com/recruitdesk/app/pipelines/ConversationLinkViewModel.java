package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.pane.Navigator;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * "Open conversation" for the person the detail (or an action) concerns: offered only to a user
 * with the Conversations pane, and possible when this computer holds a conversation with them
 * (looked up off the FX thread whenever the person changes, and again on {@link #refresh}).
 */
public final class ConversationLinkViewModel {
    private final Navigator navigator;
    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private UUID candidateId;

    public ConversationLinkViewModel(Navigator navigator, TaskExecutor tasks) {
        this.navigator = navigator;
        this.tasks = tasks;
    }

    /** Whether the button is there at all: not for a user without the Conversations pane. */
    public boolean offered() {
        return navigator.opensConversations();
    }

    /** True when the shown person has a conversation on this computer. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The person now shown (null: none). */
    public void show(UUID candidateId) {
        if (!Objects.equals(this.candidateId, candidateId)) {
            this.candidateId = candidateId;
            available.set(false);
        }
        refresh();
    }

    /** Looks again whether the shown person has a conversation (after a store change). */
    public void refresh() {
        UUID asked = candidateId;
        if (asked == null || !offered()) {
            available.set(false);
            return;
        }
        tasks.run(
                () -> navigator.hasConversation(asked),
                has -> {
                    if (asked.equals(candidateId)) {
                        available.set(has);
                    }
                },
                e -> available.set(false));
    }

    /** Takes the user to the shown person's conversation. */
    public void open() {
        if (candidateId != null && available.get()) {
            navigator.openConversationOf(candidateId);
        }
    }

    /** Takes the user to {@code candidateId}'s conversation (an action names the person itself). */
    public void open(UUID candidateId) {
        if (candidateId != null && offered()) {
            navigator.openConversationOf(candidateId);
        }
    }

    /** Which of {@code candidates} have a conversation on this computer; reads the store, so off the FX thread. */
    Set<UUID> withConversation(Collection<UUID> candidates) {
        if (!offered()) {
            return Set.of();
        }
        Set<UUID> with = new HashSet<>();
        for (UUID c : candidates) {
            if (c != null && navigator.hasConversation(c)) {
                with.add(c);
            }
        }
        return with;
    }
}
