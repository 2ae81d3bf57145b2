package com.recruitdesk.server.admin;

import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.UserRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.auth.RefreshTokens;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/**
 * Gives a user a temporary password (they forgot theirs, or it leaked): every session of theirs ends,
 * and the temporary password opens none until they choose their own. The password is never logged.
 */
final class ResetUserPassword implements Mutator<AdminMutations.ResetPassword> {
    private final PasswordHasher hasher;

    ResetUserPassword(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public MutationType<AdminMutations.ResetPassword> type() {
        return AdminMutations.RESET_PASSWORD;
    }

    @Override
    public Access<AdminMutations.ResetPassword> access() {
        return Access.administrators();
    }

    @Override
    public void apply(MutationContext ctx, AdminMutations.ResetPassword args) throws SQLException {
        var user = Rows.require(ctx, "users", args.userId(), "The user");
        UserRules.passwordProblem(args.temporaryPassword()).ifPresent(p -> {
            throw Rejection.invalid("The temporary password is too weak: " + p);
        });
        Accounts.setPassword(ctx.connection(), args.userId(), hasher.hash(args.temporaryPassword()), true);
        RefreshTokens.revokeAll(ctx.connection(), args.userId(), ctx.now());
        ctx.logActivity(
                Entities.USER,
                args.userId(),
                "Reset the password of " + user.path("full_name").asText(),
                null);
    }
}
