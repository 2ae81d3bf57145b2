package com.recruitdesk.app.conversations;

import com.recruitdesk.app.conversations.data.ConversationStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One entry of the inbox's status filter: "Active", "All", or one status. */
public record StatusChoice(String label, Set<ConversationStatus> statuses) {
    public StatusChoice {
        statuses = Set.copyOf(statuses);
    }

    public static final StatusChoice ACTIVE = new StatusChoice(
            "Active",
            Arrays.stream(ConversationStatus.values())
                    .filter(ConversationStatus::active)
                    .collect(Collectors.toSet()));
    public static final StatusChoice ALL = new StatusChoice("All statuses", EnumSet.allOf(ConversationStatus.class));

    public static List<StatusChoice> all() {
        List<StatusChoice> choices = new ArrayList<>(List.of(ACTIVE, ALL));
        for (ConversationStatus s : ConversationStatus.values()) {
            choices.add(new StatusChoice(s.label(), Set.of(s)));
        }
        return choices;
    }

    @Override
    public String toString() {
        return label;
    }
}
