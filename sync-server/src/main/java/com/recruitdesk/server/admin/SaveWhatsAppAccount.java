package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.NumberRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import com.recruitdesk.server.whatsapp.MetaBusiness;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Adds a WhatsApp number under the id the client made, or edits one. A Cloud API number is checked
 * with Meta before anything is written: the phone number ID must be a number of the WhatsApp Business
 * Account given, and the number Meta has for it the one typed; Meta's verified name, quality rating
 * and messaging limit tier are kept with it. A refusal says what is wrong in Meta's terms. A simulated
 * number is saved as it is.
 */
final class SaveWhatsAppAccount implements Mutator<AdminMutations.SaveWhatsAppAccount> {
    private final MetaBusiness meta;

    SaveWhatsAppAccount(MetaBusiness meta) {
        this.meta = meta;
    }

    @Override
    public MutationType<AdminMutations.SaveWhatsAppAccount> type() {
        return AdminMutations.SAVE_WHATSAPP_ACCOUNT;
    }

    @Override
    public Access<AdminMutations.SaveWhatsAppAccount> access() {
        return Access.administrators();
    }

    @Override
    public void apply(MutationContext ctx, AdminMutations.SaveWhatsAppAccount args) throws SQLException {
        if (args.id() == null) {
            throw Rejection.invalid("A new number needs the id the client made for it (id).");
        }
        NumberRules.problem(args).ifPresent(p -> {
            throw Rejection.invalid(p);
        });
        boolean cloud = NumberRules.CLOUD_API.equals(args.provider());
        String phone = NumberRules.normalisePhone(args.phone());
        String phoneNumberId = cloud ? args.phoneNumberId().strip() : null;
        String wabaId = cloud ? args.wabaId().strip() : null;
        Optional<String> taken = Sql.one(
                ctx.connection(),
                "select display_name from whatsapp_accounts where organization_id = ? and phone = ? and id <> ?",
                rs -> rs.getString(1),
                ctx.organizationId(),
                phone,
                args.id());
        if (taken.isPresent()) {
            throw Rejection.invalid(phone + " is your number '" + taken.get() + "' already.");
        }
        if (cloud
                && Rows.exists(
                        ctx,
                        "select 1 from whatsapp_accounts where provider = 'cloud_api' and phone_number_id = ? and id <> ?",
                        phoneNumberId,
                        args.id())) {
            throw Rejection.invalid("Another number on this server has the phone number ID " + phoneNumberId + ".");
        }
        MetaBusiness.NumberFacts facts = cloud ? check(phoneNumberId, wabaId, phone) : null;

        Optional<ObjectNode> existing = Rows.lock(ctx, "whatsapp_accounts", args.id());
        WhatsAppNumbers number = new WhatsAppNumbers(
                args.id(),
                ctx.organizationId(),
                args.displayName().strip(),
                phone,
                args.provider(),
                phoneNumberId,
                wabaId,
                facts,
                cloud ? ctx.now() : null);
        if (existing.isEmpty()) {
            if (number.insert(ctx.connection(), ctx.now()) == 0) {
                throw Rejection.notFound("The WhatsApp number"); // another organization's id
            }
        } else {
            number.update(ctx.connection());
        }
        ObjectNode details = ctx.mapper().createObjectNode();
        details.put("phone", phone);
        details.put("provider", args.provider());
        if (facts != null) {
            details.put("verifiedName", facts.verifiedName());
            details.put("qualityRating", facts.qualityRating());
            details.put("messagingLimitTier", facts.messagingLimitTier());
        }
        ctx.logActivity(
                Entities.WHATSAPP_ACCOUNT,
                args.id(),
                (existing.isEmpty() ? "Added the WhatsApp number " : "Edited the WhatsApp number ")
                        + number.displayName() + " (" + phone + ")",
                details);
    }

    /** Meta's facts of the number, once Meta confirms it is the number typed and of the business given. */
    private MetaBusiness.NumberFacts check(String phoneNumberId, String wabaId, String phone) {
        if (!meta.configured()) {
            throw Rejection.invalid("This server has no WhatsApp Cloud API credentials (RD_WHATSAPP_APP_SECRET,"
                    + " RD_WHATSAPP_ACCESS_TOKEN, RD_WHATSAPP_VERIFY_TOKEN), so it cannot check a Cloud API"
                    + " number with Meta: set them and restart the server, or add a simulated number.");
        }
        MetaBusiness.NumberFacts facts;
        try {
            facts = meta.checkNumber(phoneNumberId, wabaId);
        } catch (MetaBusiness.MetaRefusal refusal) {
            throw Rejection.invalid(refusal.getMessage());
        }
        String digits = facts.displayPhoneNumber() == null
                ? ""
                : facts.displayPhoneNumber().replaceAll("\\D", "");
        if (!digits.isEmpty() && !digits.equals(phone.substring(1))) {
            throw Rejection.invalid("Meta has +" + digits + " for the phone number ID " + phoneNumberId + ", not "
                    + phone + ": check the number or the ID.");
        }
        return facts;
    }
}
