package com.recruitdesk.app;

import com.recruitdesk.app.conversations.ConversationsPane;
import com.recruitdesk.app.pane.Navigator;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.store.LocalStore;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * The main window's {@link Navigator}: made before the panes (they get it in their context), told
 * the Conversations and Pipelines panes and how to show a pane once the window exists ({@link #attach}).
 */
final class AppNavigator implements Navigator {
    private final LocalStore store;
    private final boolean opensConversations;
    private final boolean opensProfiles;
    private ConversationsPane conversations;
    private PipelinesPane pipelines;
    private Consumer<String> showPane = id -> {};
    private Window window;

    /** Whether the signed-in user has the Conversations pane, and the Pipelines pane. */
    AppNavigator(LocalStore store, boolean opensConversations, boolean opensProfiles) {
        this.store = store;
        this.opensConversations = opensConversations;
        this.opensProfiles = opensProfiles;
    }

    /** The window, its Conversations and Pipelines panes (null without) and how it shows a pane by navigation id. */
    void attach(Window window, ConversationsPane conversations, PipelinesPane pipelines, Consumer<String> showPane) {
        this.window = window;
        this.conversations = conversations;
        this.pipelines = pipelines;
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

    @Override
    public boolean opensProfiles() {
        return opensProfiles;
    }

    @Override
    public void openProfileOf(UUID personId) {
        if (pipelines != null) {
            pipelines.openProfileOf(personId, window);
        }
    }
}
