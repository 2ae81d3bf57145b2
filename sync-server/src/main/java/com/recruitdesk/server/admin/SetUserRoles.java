package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Replaces a user's roles. The rows of {@code user_roles} change plainly (deleted and inserted), so
 * whatever reacts to role changes by trigger (the synced user row's {@code roles}; the change feed's
 * access) sees them like any other write. The last active administrator keeps the role.
 */
final class SetUserRoles implements Mutator<AdminMutations.SetRoles> {
    @Override
    public MutationType<AdminMutations.SetRoles> type() {
        return AdminMutations.SET_ROLES;
    }

    @Override
    public Access<AdminMutations.SetRoles> access() {
        return Access.administrators();
    }

    @Override
    public void apply(MutationContext ctx, AdminMutations.SetRoles args) throws SQLException {
        Administrators.lock(ctx);
        var user = Rows.require(ctx, "users", args.userId(), "The user");
        List<RoleGrant> roles = Grants.read(ctx, args.roles());
        List<RoleGrant> before = held(ctx, args.userId());
        if (before.equals(roles)) {
            return; // nothing changes, nothing to log
        }
        String name = user.path("full_name").asText();
        boolean staysAdmin = roles.stream().anyMatch(g -> g.role() == Role.ADMIN);
        if (!staysAdmin && Administrators.isActiveAdministrator(ctx, args.userId())) {
            Administrators.requireAnother(ctx, args.userId(), name, "take the role away");
        }
        Accounts.replaceRoles(ctx.connection(), args.userId(), roles);
        ObjectNode details = ctx.mapper().createObjectNode();
        details.putPOJO("from", Grants.names(before));
        details.putPOJO("to", Grants.names(roles));
        ctx.logActivity(
                Entities.USER,
                args.userId(),
                "Changed the roles of " + name + " from " + Grants.describe(before) + " to " + Grants.describe(roles),
                details);
    }

    private static List<RoleGrant> held(MutationContext ctx, UUID userId) throws SQLException {
        return Sql.list(
                        ctx.connection(),
                        "select role, institution_id from user_roles where user_id = ?",
                        rs -> new RoleGrant(Role.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)),
                        userId)
                .stream()
                .sorted(Comparator.comparing(RoleGrant::role))
                .toList();
    }
}
