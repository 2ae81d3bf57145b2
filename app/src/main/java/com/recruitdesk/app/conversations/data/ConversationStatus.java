package com.recruitdesk.app.conversations.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The statuses of a conversation (document 000), as the server names them and as people read them. */
public enum ConversationStatus {
    NEW("new", "New"),
    OPEN("open", "Open"),
    PENDING_FORM("pending_form", "Waiting for form"),
    PENDING_PHOTO("pending_photo", "Waiting for photo"),
    NEEDS_ATTENTION("needs_attention", "Needs attention"),
    CLOSED("closed", "Closed"),
    ARCHIVED("archived", "Archived");

    private final String wire;
    private final String label;

    ConversationStatus(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    /** Still being worked on: everything but closed and archived. */
    public boolean active() {
        return this != CLOSED && this != ARCHIVED;
    }

    public static Optional<ConversationStatus> of(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String w = wire.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wire.equals(w)).findFirst();
    }
}
