package com.recruitdesk.app.conversations.data;

import com.recruitdesk.app.format.Initials;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A user of the organization as the pane names them, with their roles. */
public record Colleague(UUID id, String name, String email, List<String> roles, boolean active) {
    private static final Set<String> HANDLERS = Set.of("ADMIN", "MANAGER", "RECRUITER");

    public Colleague {
        roles = List.copyOf(roles);
    }

    /** The name to show: the full name, or the email of someone who has none. */
    public String displayName() {
        return name == null ? email : name;
    }

    /** Who the server lets take a conversation: active administrators, managers and recruiters. */
    public boolean takesConversations() {
        return active && roles.stream().anyMatch(HANDLERS::contains);
    }

    /** "Rita Recruiter" → "RR"; an email's first letter when there is no name. */
    public String initials() {
        return Initials.of(name == null || name.isBlank() ? email : name);
    }
}
