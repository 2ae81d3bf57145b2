package com.recruitdesk.protocol.auth;

import java.util.List;
import java.util.UUID;

/** The signed-in user as the desktop shows it. */
public record UserInfo(UUID id, UUID organizationId, String email, String fullName, List<RoleGrant> roles) {
    public UserInfo {
        roles = List.copyOf(roles);
    }
}
