package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.settings.OrganizationSettings;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.UUID;

/** Sets one of the organization's settings, checked by its type ({@link Settings}); logged with the old and new value. */
final class SaveSetting implements Mutator<AdminMutations.SaveSetting> {
    @Override
    public MutationType<AdminMutations.SaveSetting> type() {
        return AdminMutations.SAVE_SETTING;
    }

    @Override
    public Access<AdminMutations.SaveSetting> access() {
        return Access.administrators();
    }

    @Override
    public void apply(MutationContext ctx, AdminMutations.SaveSetting args) throws SQLException {
        Settings.problem(args.key(), args.value()).ifPresent(p -> {
            throw Rejection.invalid(p);
        });
        if (Settings.BOT_GREETINGS.equals(args.key())) {
            for (Iterator<String> it = args.value().fieldNames(); it.hasNext(); ) {
                UUID number = UUID.fromString(it.next());
                if (!Rows.exists(
                        ctx,
                        "select 1 from whatsapp_accounts where id = ? and organization_id = ?",
                        number,
                        ctx.organizationId())) {
                    throw Rejection.notFound("The WhatsApp number");
                }
            }
        }
        JsonNode before = OrganizationSettings.value(ctx.connection(), ctx.organizationId(), args.key());
        if (before.equals(args.value())) {
            return;
        }
        UUID row = OrganizationSettings.save(
                ctx.connection(), ctx.organizationId(), args.key(), args.value(), ctx.userId());
        ObjectNode details = ctx.mapper().createObjectNode();
        details.put("key", args.key());
        details.set("from", before);
        details.set("to", args.value());
        ctx.logActivity(
                Entities.SYSTEM_SETTING,
                row,
                "Set " + Settings.title(args.key()) + " to " + Settings.describe(args.key(), args.value()),
                details);
    }
}
