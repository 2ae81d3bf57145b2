package com.recruitdesk.protocol.auth;

import java.util.UUID;

/** A role held by a user; {@code institutionId} is set for {@link Role#INSTITUTION_ADMIN} only. */
public record RoleGrant(Role role, UUID institutionId) {
    public RoleGrant {
        if (role == null) {
            throw new IllegalArgumentException("role is required");
        }
        if ((role == Role.INSTITUTION_ADMIN) != (institutionId != null)) {
            throw new IllegalArgumentException("an institution is required for INSTITUTION_ADMIN and only for it");
        }
    }

    public static RoleGrant of(Role role) {
        return new RoleGrant(role, null);
    }
}
