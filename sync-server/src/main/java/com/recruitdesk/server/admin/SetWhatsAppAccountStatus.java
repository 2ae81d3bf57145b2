package com.recruitdesk.server.admin;

import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.NumberRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/**
 * Connects or disconnects a number. A disconnected number sends nothing (its queued messages wait,
 * new sends are refused) and still stores what people write to it, so nothing they send is lost.
 */
final class SetWhatsAppAccountStatus implements Mutator<AdminMutations.SetWhatsAppAccountStatus> {
    @Override
    public MutationType<AdminMutations.SetWhatsAppAccountStatus> type() {
        return AdminMutations.SET_WHATSAPP_ACCOUNT_STATUS;
    }

    @Override
    public Access<AdminMutations.SetWhatsAppAccountStatus> access() {
        return Access.administrators();
    }

    @Override
    public void apply(MutationContext ctx, AdminMutations.SetWhatsAppAccountStatus args) throws SQLException {
        var number = Rows.require(ctx, "whatsapp_accounts", args.id(), "The WhatsApp number");
        if (args.status() == null || !NumberRules.STATUSES.contains(args.status())) {
            throw Rejection.invalid("A number is connected or disconnected.");
        }
        if (WhatsAppNumbers.setStatus(ctx.connection(), args.id(), args.status(), ctx.now()) == 0) {
            return;
        }
        ctx.logActivity(
                Entities.WHATSAPP_ACCOUNT,
                args.id(),
                ("connected".equals(args.status()) ? "Connected " : "Disconnected ")
                        + number.path("display_name").asText() + " ("
                        + number.path("phone").asText() + ")",
                null);
    }
}
