package com.recruitdesk.server.persistence;

import com.recruitdesk.protocol.auth.RoleGrant;
import java.util.List;
import java.util.UUID;

/** A user as the rest of the server sees it; never a Hibernate entity. */
public record Account(
        UUID id,
        UUID organizationId,
        String email,
        String fullName,
        String passwordHash,
        boolean active,
        List<RoleGrant> roles) {
    public Account {
        roles = List.copyOf(roles);
    }

    static Account of(UserEntity e) {
        return new Account(
                e.id,
                e.organizationId,
                e.email,
                e.fullName,
                e.passwordHash,
                "active".equals(e.status),
                e.roles.stream()
                        .map(RoleGrantValue::toGrant)
                        .sorted(java.util.Comparator.comparing(RoleGrant::role))
                        .toList());
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", email=" + email + ", roles=" + roles + "]";
    }
}
