package com.recruitdesk.server.conversations;

import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.sync.Mutator;
import java.util.List;

/** The Conversations feature's mutators, one per type of {@link ConversationMutations}; the server registers them. */
public final class ConversationMutators {
    private ConversationMutators() {}

    public static List<Mutator<?>> all() {
        return List.of(
                new SendMessage(),
                new SendTemplate(),
                new AddNote(),
                new SetConversationStatus(),
                new AssignConversation(),
                new MarkRead(),
                new TagCandidate(),
                new SaveCannedResponse(),
                new DeleteCannedResponse());
    }
}
