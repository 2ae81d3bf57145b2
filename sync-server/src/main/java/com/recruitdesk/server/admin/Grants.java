package com.recruitdesk.server.admin;

import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.UserRules;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The roles a mutation gives, checked: the rules of {@link UserRules}, and institutions of the caller's organization. */
final class Grants {
    private Grants() {}

    /** The grants as roles, in the enum's order; a bad one is an {@code invalid}, another organization's institution {@code not_found}. */
    static List<RoleGrant> read(MutationContext ctx, List<AdminMutations.Grant> grants) throws SQLException {
        UserRules.grantsProblem(grants).ifPresent(problem -> {
            throw Rejection.invalid(problem);
        });
        List<RoleGrant> roles = new ArrayList<>();
        for (AdminMutations.Grant g : grants) {
            Role role = UserRules.role(g.role()).orElseThrow();
            if (g.institutionId() != null
                    && !Rows.exists(
                            ctx,
                            "select 1 from institutions where id = ? and organization_id = ?",
                            g.institutionId(),
                            ctx.organizationId())) {
                throw Rejection.notFound("The institution");
            }
            roles.add(new RoleGrant(role, g.institutionId()));
        }
        roles.sort(Comparator.comparing(RoleGrant::role));
        return roles;
    }

    /** "Recruiter, Institution admin" for the activity log. */
    static String describe(List<RoleGrant> roles) {
        return roles.isEmpty()
                ? "no role"
                : roles.stream().map(g -> UserRules.label(g.role())).collect(Collectors.joining(", "));
    }

    /** The role names, as the activity log's details keep them. */
    static List<String> names(List<RoleGrant> roles) {
        return roles.stream()
                .map(g -> g.role().name() + (g.institutionId() == null ? "" : ":" + g.institutionId()))
                .toList();
    }
}
