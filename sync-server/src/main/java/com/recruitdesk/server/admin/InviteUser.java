package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.UserRules;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Creates a user under the id the client made, with the roles given and a temporary password that
 * the inviting person hands over; the user chooses their own at the first sign-in. Administrators
 * invite anyone; an institution admin invites only institution admins of their own institution.
 */
final class InviteUser implements Mutator<AdminMutations.InviteUser> {
    private final PasswordHasher hasher;

    InviteUser(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public MutationType<AdminMutations.InviteUser> type() {
        return AdminMutations.INVITE_USER;
    }

    @Override
    public Access<AdminMutations.InviteUser> access() {
        return new Access.Roles<>(
                Set.of(Role.ADMIN, Role.INSTITUTION_ADMIN),
                "the organization's administrators, and institution admins for their own institution");
    }

    @Override
    public void apply(MutationContext ctx, AdminMutations.InviteUser args) throws SQLException {
        if (args.userId() == null) {
            throw Rejection.invalid("A new user needs the id the client made for them (userId).");
        }
        String email = UserRules.normaliseEmail(args.email());
        UserRules.emailProblem(email).ifPresent(p -> {
            throw Rejection.invalid(p);
        });
        UserRules.nameProblem(args.fullName()).ifPresent(p -> {
            throw Rejection.invalid(p);
        });
        UserRules.passwordProblem(args.temporaryPassword()).ifPresent(p -> {
            throw Rejection.invalid("The temporary password is too weak: " + p);
        });
        List<RoleGrant> roles = Grants.read(ctx, args.roles());
        if (!ctx.principal().has(Role.ADMIN)) {
            onlyTheirInstitution(ctx.principal(), roles);
        }
        if (Rows.exists(ctx, "select 1 from users where id = ?", args.userId())) {
            if (Rows.lock(ctx, "users", args.userId()).isEmpty()) {
                throw Rejection.notFound("The user"); // another organization's id: as if it did not exist
            }
            throw Rejection.invalid("This user id is taken; make a new one.");
        }
        if (Rows.exists(ctx, "select 1 from users where email = ?", email)) {
            throw Rejection.invalid("Someone on this server signs in with " + email + " already.");
        }
        String name = args.fullName().strip();
        Accounts.create(
                ctx.connection(),
                args.userId(),
                ctx.organizationId(),
                email,
                name,
                hasher.hash(args.temporaryPassword()),
                roles,
                true);
        ObjectNode details = ctx.mapper().createObjectNode();
        details.put("email", email);
        details.putPOJO("roles", Grants.names(roles));
        ctx.logActivity(
                Entities.USER,
                args.userId(),
                "Invited " + name + " <" + email + "> as " + Grants.describe(roles),
                details);
    }

    /**
     * An institution admin may give only the institution admin role of an institution they manage;
     * another institution is not found, like one that does not exist.
     */
    private static void onlyTheirInstitution(Principal who, List<RoleGrant> roles) {
        for (RoleGrant role : roles) {
            if (role.role() != Role.INSTITUTION_ADMIN) {
                throw Rejection.forbidden("An institution admin may invite only institution admins of their"
                        + " institution; ask an administrator for other roles.");
            }
            boolean theirs = who.roles().stream()
                    .anyMatch(g -> g.role() == Role.INSTITUTION_ADMIN
                            && role.institutionId().equals(g.institutionId()));
            if (!theirs) {
                throw Rejection.notFound("The institution");
            }
        }
    }
}
