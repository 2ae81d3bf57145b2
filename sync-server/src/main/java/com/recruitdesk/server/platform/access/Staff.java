package com.recruitdesk.server.platform.access;

import com.recruitdesk.protocol.auth.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is the organization's recruiting staff: they read every row of the organization in the change
 * feed, every file in the blob store, and may call the mutations declared {@code Access.staff()}.
 * The one place to change it. SALES is not recruiting staff: it reads the CRM rows and the jobs of
 * clients ({@code platform.sync.SalesScope}) and none of the conversations.
 */
public final class Staff {
    public static final Set<Role> ROLES = Set.copyOf(EnumSet.of(Role.ADMIN, Role.MANAGER, Role.RECRUITER));

    private Staff() {}

    public static boolean includes(Principal who) {
        return who.roles().stream().anyMatch(g -> ROLES.contains(g.role()));
    }
}
