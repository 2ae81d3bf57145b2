package com.recruitdesk.server.auth;

import com.recruitdesk.protocol.auth.RoleGrant;
import java.util.List;
import java.util.UUID;

/**
 * A user as the rest of the server sees it: a row of {@code users} with its {@code user_roles}.
 * {@code passwordChangeRequired}: the password is a temporary one, which opens no session.
 */
public record Account(
        UUID id,
        UUID organizationId,
        String email,
        String fullName,
        String passwordHash,
        boolean active,
        List<RoleGrant> roles,
        boolean passwordChangeRequired) {
    public Account {
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", email=" + email + ", roles=" + roles + "]";
    }
}
