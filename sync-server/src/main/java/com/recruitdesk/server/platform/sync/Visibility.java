package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.access.Staff;
import java.util.List;
import java.util.UUID;

/**
 * What one user may read of the feed. Recruiting staff ({@link Staff}: administrators, managers,
 * recruiters) read the whole organization; an interviewer only rows addressed to them; an
 * institution admin only rows of their institution; sales the rows of {@link SalesScope}.
 */
public record Visibility(UUID organizationId, UUID userId, boolean staff, List<UUID> institutions, boolean sales) {
    public static Visibility of(Principal p) {
        boolean staff = Staff.includes(p);
        List<UUID> institutions = p.roles().stream()
                .filter(g -> g.role() == Role.INSTITUTION_ADMIN)
                .map(RoleGrant::institutionId)
                .toList();
        return new Visibility(p.organizationId(), p.userId(), staff, institutions, !staff && p.has(SalesScope.ROLE));
    }
}
