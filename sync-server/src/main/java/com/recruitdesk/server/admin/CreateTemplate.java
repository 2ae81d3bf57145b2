package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.NumberRules;
import com.recruitdesk.protocol.admin.TemplateDraft;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import com.recruitdesk.server.whatsapp.MessageTemplates;
import com.recruitdesk.server.whatsapp.MetaBusiness;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Creates a template of a number under the id the client made. For a Cloud API number it is submitted
 * to Meta for review first, and kept with Meta's id and status (usually {@code pending}; the status
 * webhook and the template sync bring the verdict); a simulated number approves it at once, for trials.
 */
final class CreateTemplate implements Mutator<AdminMutations.CreateTemplate> {
    private final MetaBusiness meta;

    CreateTemplate(MetaBusiness meta) {
        this.meta = meta;
    }

    @Override
    public MutationType<AdminMutations.CreateTemplate> type() {
        return AdminMutations.CREATE_TEMPLATE;
    }

    @Override
    public Access<AdminMutations.CreateTemplate> access() {
        return Access.administrators();
    }

    @Override
    public void apply(MutationContext ctx, AdminMutations.CreateTemplate args) throws SQLException {
        if (args.templateId() == null) {
            throw Rejection.invalid("A new template needs the id the client made for it (templateId).");
        }
        ObjectNode number = Rows.require(ctx, "whatsapp_accounts", args.whatsappAccountId(), "The WhatsApp number");
        TemplateDraft.problem(args).ifPresent(p -> {
            throw Rejection.invalid(p);
        });
        Optional<String> sameName = Sql.one(
                ctx.connection(),
                "select status from message_templates where whatsapp_account_id = ? and name = ? and language = ?",
                rs -> rs.getString(1),
                args.whatsappAccountId(),
                args.name(),
                args.language());
        if (sameName.isPresent()) {
            throw Rejection.invalid(
                    "deleted".equals(sameName.get())
                            ? "A template " + args.name() + " (" + args.language()
                                    + ") was deleted; Meta does not take the"
                                    + " name again for four weeks, so pick another."
                            : "This number has a template " + args.name() + " in " + args.language() + " already.");
        }
        JsonNode components = TemplateDraft.components(args);
        boolean atMeta = meta.configured()
                && NumberRules.CLOUD_API.equals(number.path("provider").asText());
        String status = "approved";
        String providerId = null;
        if (atMeta) {
            String waba = number.path("waba_id").asText("");
            if (waba.isBlank()) {
                throw Rejection.invalid("The number has no WhatsApp Business Account ID; add it to the number first.");
            }
            try {
                MetaBusiness.SubmittedTemplate submitted =
                        meta.submitTemplate(waba, args.name(), args.language(), args.category(), components);
                providerId = submitted.id();
                status = submitted.status() == null
                        ? "pending"
                        : submitted.status().toLowerCase(Locale.ROOT);
            } catch (MetaBusiness.MetaRefusal refusal) {
                throw Rejection.invalid(refusal.getMessage());
            }
        }
        if (MessageTemplates.insertCreated(
                        ctx.connection(),
                        args.templateId(),
                        ctx.organizationId(),
                        args.whatsappAccountId(),
                        args.name(),
                        args.language(),
                        args.category(),
                        status,
                        components,
                        providerId,
                        ctx.userId())
                == 0) {
            throw Rejection.notFound("The template"); // its id is another organization's
        }
        ObjectNode details = ctx.mapper().createObjectNode();
        details.put("name", args.name());
        details.put("language", args.language());
        details.put("status", status);
        if (providerId != null) {
            details.put("metaTemplateId", providerId);
        }
        ctx.logActivity(
                Entities.MESSAGE_TEMPLATE,
                args.templateId(),
                (atMeta ? "Submitted the template " : "Created the template ") + args.name() + " (" + args.language()
                        + ") of " + number.path("display_name").asText(),
                details);
    }
}
