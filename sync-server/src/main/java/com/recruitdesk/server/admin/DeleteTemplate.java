package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.NumberRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import com.recruitdesk.server.whatsapp.MessageTemplates;
import com.recruitdesk.server.whatsapp.MetaBusiness;
import java.sql.SQLException;

/**
 * Deletes a template: at Meta first, for a template Meta has; then it is kept as {@code deleted},
 * because messages sent with it refer to it. A deleted template is offered to nobody.
 */
final class DeleteTemplate implements Mutator<AdminMutations.DeleteTemplate> {
    private final MetaBusiness meta;

    DeleteTemplate(MetaBusiness meta) {
        this.meta = meta;
    }

    @Override
    public MutationType<AdminMutations.DeleteTemplate> type() {
        return AdminMutations.DELETE_TEMPLATE;
    }

    @Override
    public Access<AdminMutations.DeleteTemplate> access() {
        return Access.administrators();
    }

    @Override
    public void apply(MutationContext ctx, AdminMutations.DeleteTemplate args) throws SQLException {
        ObjectNode template = Rows.require(ctx, "message_templates", args.templateId(), "The template");
        if ("deleted".equals(template.path("status").asText())) {
            throw Rejection.invalid("The template is deleted already.");
        }
        ObjectNode number = Rows.lock(
                        ctx,
                        "whatsapp_accounts",
                        java.util.UUID.fromString(
                                template.path("whatsapp_account_id").asText()))
                .orElseThrow(() -> Rejection.notFound("The WhatsApp number"));
        String name = template.path("name").asText();
        String providerId = template.path("provider_template_id").asText(null);
        boolean atMeta = meta.configured()
                && NumberRules.CLOUD_API.equals(number.path("provider").asText())
                && providerId != null;
        if (atMeta) {
            try {
                meta.deleteTemplate(number.path("waba_id").asText(), name, providerId);
            } catch (MetaBusiness.MetaRefusal refusal) {
                throw Rejection.invalid(refusal.getMessage());
            }
        }
        MessageTemplates.markDeleted(ctx.connection(), args.templateId());
        ctx.logActivity(
                Entities.MESSAGE_TEMPLATE,
                args.templateId(),
                "Deleted the template " + name + " ("
                        + template.path("language").asText() + ") of "
                        + number.path("display_name").asText() + (atMeta ? " at Meta" : ""),
                null);
    }
}
