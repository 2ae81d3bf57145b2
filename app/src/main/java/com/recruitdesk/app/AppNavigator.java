package com.recruitdesk.app;

import com.recruitdesk.app.conversations.ConversationsPane;
import com.recruitdesk.app.pane.Navigator;
import com.recruitdesk.app.store.LocalStore;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The main window's {@link Navigator}: made before the panes (they get it in their context), told
 * the Conversations pane and how to show a pane once the window exists ({@link #attach}).
 */
final class AppNavigator implements Navigator {
    private final LocalStore store;
    private final boolean opensConversations;
    private ConversationsPane conversations;
    private Consumer<String> showPane = id -> {};

    /** {@code opensConversations}: whether the signed-in user has the Conversations pane. */
    AppNavigator(LocalStore store, boolean opensConversations) {
        this.store = store;
        this.opensConversations = opensConversations;
    }

    /** The window's Conversations pane (null without one) and how it shows a pane by navigation id. */
    void attach(ConversationsPane conversations, Consumer<String> showPane) {
        this.conversations = conversations;
        this.showPane = showPane;
    }

    @Override
    public boolean opensConversations() {
        return opensConversations;
    }

    @Override
    public boolean hasConversation(UUID candidateId) {
        return opensConversations && ConversationsPane.hasConversation(store, candidateId);
    }

    @Override
    public void openConversationOf(UUID candidateId) {
        if (conversations != null) {
            showPane.accept(ConversationsPane.FACTORY.navigationId());
            conversations.openConversationOf(candidateId);
        }
    }
}
