package com.recruitdesk.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.common.DirectTaskExecutor;
import com.recruitdesk.app.pane.Navigator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "Open conversation": offered only with the Conversations pane, possible only when a conversation is here. */
class ConversationLinkViewModelTest {
    private static final UUID TALKED_TO = UUID.randomUUID();
    private static final UUID NEVER_WRITTEN_TO = UUID.randomUUID();

    private final List<UUID> opened = new ArrayList<>();

    private final Navigator withConversations = new Navigator() {
        @Override
        public boolean opensConversations() {
            return true;
        }

        @Override
        public boolean hasConversation(UUID candidateId) {
            return candidateId.equals(TALKED_TO);
        }

        @Override
        public void openConversationOf(UUID candidateId) {
            opened.add(candidateId);
        }
    };

    @Test
    void aPersonWithAConversationCanBeOpenedAndOneWithoutCannot() {
        var link = new ConversationLinkViewModel(withConversations, new DirectTaskExecutor());
        assertThat(link.offered()).isTrue();

        link.show(NEVER_WRITTEN_TO);
        assertThat(link.availableProperty().get()).isFalse();
        link.open();
        assertThat(opened).isEmpty();

        link.show(TALKED_TO);
        assertThat(link.availableProperty().get()).isTrue();
        link.open();
        assertThat(opened).containsExactly(TALKED_TO);

        link.show(null);
        assertThat(link.availableProperty().get()).isFalse();
        assertThat(link.withConversation(List.of(TALKED_TO, NEVER_WRITTEN_TO))).isEqualTo(Set.of(TALKED_TO));
    }

    @Test
    void aUserWithoutTheConversationsPaneIsOfferedNothing() {
        // An interviewer's window: the store may hold the conversation, the user has no pane to show it.
        Navigator withoutThePane = new Navigator() {
            @Override
            public boolean opensConversations() {
                return false;
            }

            @Override
            public boolean hasConversation(UUID candidateId) {
                return true;
            }

            @Override
            public void openConversationOf(UUID candidateId) {
                opened.add(candidateId);
            }
        };
        var link = new ConversationLinkViewModel(withoutThePane, new DirectTaskExecutor());
        link.show(TALKED_TO);
        link.open();
        link.open(TALKED_TO);
        assertThat(link.offered()).isFalse();
        assertThat(opened).isEmpty();
        assertThat(link.availableProperty().get()).isFalse();
        assertThat(link.withConversation(List.of(TALKED_TO))).isEmpty();
    }
}
