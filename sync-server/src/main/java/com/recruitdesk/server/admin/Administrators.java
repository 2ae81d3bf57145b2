package com.recruitdesk.server.admin;

import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Rejection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The organization keeps an active administrator: a change that would take away the last one's role,
 * or deactivate them, is refused. Changes that may remove an administrator take the organization's
 * advisory lock first, so two administrators demoting each other at once cannot both succeed (and
 * cannot deadlock on each other's rows).
 */
final class Administrators {
    private Administrators() {}

    /** Serialises this transaction with every other one that may remove an administrator of the organization. */
    static void lock(MutationContext ctx) throws SQLException {
        Sql.one(
                ctx.connection(),
                "select pg_advisory_xact_lock(hashtextextended('administrators:' || ?::text, 0))",
                rs -> true,
                ctx.organizationId());
    }

    /** True when {@code userId} is an active administrator of the caller's organization. */
    static boolean isActiveAdministrator(MutationContext ctx, UUID userId) throws SQLException {
        return Sql.exists(ctx.connection(), """
                select 1 from users u join user_roles r on r.user_id = u.id
                 where u.id = ? and u.organization_id = ? and u.status = 'active' and r.role = 'ADMIN'
                """, userId, ctx.organizationId());
    }

    /** Refuses when {@code userId} is the organization's only active administrator ({@code what}: "take away their role"). */
    static void requireAnother(MutationContext ctx, UUID userId, String name, String what) throws SQLException {
        boolean another = Sql.exists(ctx.connection(), """
                select 1 from users u join user_roles r on r.user_id = u.id
                 where u.organization_id = ? and u.id <> ? and u.status = 'active' and r.role = 'ADMIN'
                """, ctx.organizationId(), userId);
        if (!another) {
            throw Rejection.invalid(name + " is the organization's last active administrator: make someone else an"
                    + " administrator before you " + what + ".");
        }
    }
}
