package com.recruitdesk.server.admin;

import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.auth.RefreshTokens;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/**
 * Deactivates a user (someone who left: they can no longer sign in, and every session of theirs
 * ends) or reactivates them. {@code users.status} changes plainly, so what reacts to it by trigger
 * sees it. Nobody deactivates themselves, and the last active administrator stays.
 */
final class SetUserActive implements Mutator<AdminMutations.SetActive> {
    @Override
    public MutationType<AdminMutations.SetActive> type() {
        return AdminMutations.SET_ACTIVE;
    }

    @Override
    public Access<AdminMutations.SetActive> access() {
        return Access.administrators();
    }

    @Override
    public void apply(MutationContext ctx, AdminMutations.SetActive args) throws SQLException {
        Administrators.lock(ctx);
        var user = Rows.require(ctx, "users", args.userId(), "The user");
        String name = user.path("full_name").asText();
        if (!args.active()) {
            if (args.userId().equals(ctx.userId())) {
                throw Rejection.invalid("You cannot deactivate yourself; ask another administrator.");
            }
            if (Administrators.isActiveAdministrator(ctx, args.userId())) {
                Administrators.requireAnother(ctx, args.userId(), name, "deactivate them");
            }
        }
        if (Accounts.setActive(ctx.connection(), args.userId(), args.active()) == 0) {
            return; // already so
        }
        if (!args.active()) {
            RefreshTokens.revokeAll(ctx.connection(), args.userId(), ctx.now());
        }
        ctx.logActivity(Entities.USER, args.userId(), (args.active() ? "Reactivated " : "Deactivated ") + name, null);
    }
}
