package com.recruitdesk.app.conversations.data;

import java.util.Set;
import java.util.UUID;

/**
 * What the inbox shows: conversations in {@code statuses} (empty = every status), of one
 * {@link Assignment}, on one WhatsApp number and with one tag (null = any), matching the search
 * text in a person's name or number or in any message (blank = no search).
 */
public record InboxFilter(
        Set<ConversationStatus> statuses, Assignment assignment, UUID numberId, String tag, String search) {

    public enum Assignment {
        ANYONE,
        MINE,
        UNASSIGNED
    }

    public InboxFilter {
        statuses = Set.copyOf(statuses);
        search = search == null ? "" : search.strip();
    }

    /** The default view: every conversation still being worked on, whoever has it. */
    public static InboxFilter active() {
        return new InboxFilter(
                java.util.Arrays.stream(ConversationStatus.values())
                        .filter(ConversationStatus::active)
                        .collect(java.util.stream.Collectors.toSet()),
                Assignment.ANYONE,
                null,
                null,
                "");
    }
}
