package com.recruitdesk.app.pane;

import java.util.UUID;

/**
 * How a pane takes the user to another pane without knowing it: the main window implements it over
 * the panes the signed-in user has. A user without the target pane gets answers that offer nothing.
 */
public interface Navigator {
    /** A navigator to nowhere: for a window (or a test) without other panes. */
    Navigator NONE = new Navigator() {
        @Override
        public boolean opensConversations() {
            return false;
        }

        @Override
        public boolean hasConversation(UUID candidateId) {
            return false;
        }

        @Override
        public void openConversationOf(UUID candidateId) {}
    };

    /** Whether this user has the Conversations pane; without it nothing offers to open a conversation. */
    boolean opensConversations();

    /** Reads the local store, so off the FX thread: whether this computer holds a conversation with the candidate. */
    boolean hasConversation(UUID candidateId);

    /** On the FX thread: shows the Conversations pane with the candidate's conversation open. */
    void openConversationOf(UUID candidateId);

    /** Whether this user has the Pipelines pane, whose master profile editor {@link #openProfileOf} opens. */
    default boolean opensProfiles() {
        return false;
    }

    /** On the FX thread: opens the person's master profile editor over the main window. */
    default void openProfileOf(UUID personId) {}
}
