package com.recruitdesk.app.admin.data;

import com.recruitdesk.protocol.auth.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user as the Users list shows them: name, email, roles (and the institution of an institution
 * admin), whether they are active, whether they still have to choose their own password, when they
 * last signed in, and whether a change of theirs waits for the server.
 */
public record UserRow(
        UUID id,
        String name,
        String email,
        List<Role> roles,
        UUID institutionId,
        boolean active,
        boolean passwordChangeRequired,
        Instant lastLoginAt,
        boolean pending) {
    public UserRow {
        roles = List.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
