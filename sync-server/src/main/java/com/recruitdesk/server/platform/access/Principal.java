package com.recruitdesk.server.platform.access;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import java.util.List;
import java.util.UUID;

/** Who is calling, as proven by a valid access token. */
public record Principal(UUID userId, UUID organizationId, List<RoleGrant> roles) {
    public Principal {
        roles = List.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(g -> g.role() == role);
    }
}
