package com.recruitdesk.app.pane;

import com.recruitdesk.protocol.auth.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Who is signed in, as the panes need them: their id (for "mine" and "You"), name and roles. */
public record SignedInUser(UUID id, String name, String email, Set<Role> roles) {
    public SignedInUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** The name to show: the full name, or the email of someone who has none. */
    public String displayName() {
        return name == null || name.isBlank() ? email : name;
    }
}
