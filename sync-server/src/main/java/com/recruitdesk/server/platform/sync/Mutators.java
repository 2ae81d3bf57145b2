package com.recruitdesk.server.platform.sync;

import com.recruitdesk.server.conversations.AddNote;
import com.recruitdesk.server.conversations.AssignConversation;
import com.recruitdesk.server.conversations.DeleteCannedResponse;
import com.recruitdesk.server.conversations.MarkRead;
import com.recruitdesk.server.conversations.SaveCannedResponse;
import com.recruitdesk.server.conversations.SendMessage;
import com.recruitdesk.server.conversations.SendTemplate;
import com.recruitdesk.server.conversations.SetConversationStatus;
import com.recruitdesk.server.conversations.TagCandidate;
import com.recruitdesk.server.pipelines.MoveApplication;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of named mutations; later features add their mutators to {@link #standard()}. */
public final class Mutators {
    private final Map<String, Mutator> byName;

    public Mutators(List<Mutator> mutators) {
        this.byName = mutators.stream().collect(Collectors.toUnmodifiableMap(Mutator::name, Function.identity()));
    }

    public static Mutators standard() {
        return new Mutators(List.of(
                new SendMessage(),
                new SendTemplate(),
                new AddNote(),
                new SetConversationStatus(),
                new AssignConversation(),
                new MarkRead(),
                new TagCandidate(),
                new MoveApplication(),
                new SaveCannedResponse(),
                new DeleteCannedResponse()));
    }

    Optional<Mutator> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
