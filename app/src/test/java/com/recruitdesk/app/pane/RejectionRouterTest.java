package com.recruitdesk.app.pane;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;

/** Each rejection reaches the pane of the feature that owns its mutation, and only that pane. */
class RejectionRouterTest {
    /** A pane that records what it was told. */
    private static final class Recording implements Pane {
        final List<String> heard = new ArrayList<>();

        @Override
        public Node view() {
            return null;
        }

        @Override
        public void rejected(LocalStore.Rejection rejection, MutationType<?> type) {
            heard.add(type.name() + ": " + rejection.message());
        }
    }

    private final Recording conversations = new Recording();
    private final Recording pipelines = new Recording();
    private final List<String> statusBar = new ArrayList<>();

    private static LocalStore.Rejection rejection(String name, String message) {
        return new LocalStore.Rejection(UUID.randomUUID(), name, "invalid", message, Instant.now());
    }

    @Test
    void aRefusedMoveGoesToPipelinesAndARefusedStatusToConversations() {
        RejectionRouter router = new RejectionRouter(
                Map.of(Feature.CONVERSATIONS, conversations, Feature.PIPELINES, pipelines), statusBar::add);

        router.accept(rejection(PipelineMutations.MOVE_APPLICATION.name(), "No such stage."));
        router.accept(rejection(ConversationMutations.SET_STATUS.name(), "Someone else changed status."));

        assertThat(pipelines.heard).containsExactly("application.move: No such stage.");
        assertThat(conversations.heard).containsExactly("conversation.setStatus: Someone else changed status.");
        assertThat(statusBar).isEmpty();
    }

    @Test
    void aFeatureWithoutAPaneHereAndAnUnknownNameAreSaidInTheStatusBar() {
        RejectionRouter router = new RejectionRouter(Map.of(Feature.CONVERSATIONS, conversations), statusBar::add);

        router.accept(rejection(PipelineMutations.MOVE_APPLICATION.name(), "No such stage."));
        router.accept(rejection("gadget.polish", "Not a mutation."));

        assertThat(conversations.heard).isEmpty();
        assertThat(statusBar)
                .containsExactly(
                        "The move was undone: No such stage.", "A change was undone (gadget.polish): Not a mutation.");
    }
}
