package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.whatsapp.TemplateShape;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Queues an approved template of the conversation's WhatsApp number, its body's and text header's
 * placeholders filled with the variables ({@link TemplateShape}); allowed inside and outside the
 * 24-hour window. The sender task sends it.
 */
public final class SendTemplate implements Mutator {
    static final int MAX_VARIABLE = 1_024;

    @Override
    public String name() {
        return ConversationMutations.SEND_TEMPLATE.name();
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "send messages");
        ConversationMutations.SendTemplate args = ctx.args(ConversationMutations.SendTemplate.class);
        if (args.messageId() == null) {
            throw Rejection.invalid("A new message needs the id the client made for it (messageId).");
        }
        ObjectNode conversation = Rows.require(ctx, "conversations", args.conversationId(), "The conversation");
        ObjectNode template = Rows.require(ctx, "message_templates", args.templateId(), "The template");
        if (!template.path("whatsapp_account_id").equals(conversation.path("whatsapp_account_id"))) {
            throw Rejection.invalid("The template belongs to another WhatsApp number than this conversation.");
        }
        String name = template.path("name").asText();
        if (!"approved".equals(template.path("status").asText())) {
            throw Rejection.invalid("The template '" + name + "' is "
                    + template.path("status").asText() + "; only an approved template may be sent.");
        }
        TemplateShape shape = TemplateShape.of(template.path("components"));
        if (shape.unsupported().isPresent()) {
            throw Rejection.invalid("The template '" + name + "' cannot be sent: "
                    + shape.unsupported().get() + ".");
        }
        requireValues(name, "variable(s)", shape.bodyPlaceholders(), args.variables());
        requireValues(name, "header variable(s)", shape.headerPlaceholders(), args.headerVariables());
        if (Rows.exists(ctx, "select 1 from messages where id = ?", args.messageId())) {
            throw Rejection.invalid("A message with this id exists already.");
        }
        String rendered = TemplateShape.render(shape.body(), shape.bodyPlaceholders(), args.variables());
        if (shape.header() != null && !shape.header().isBlank()) {
            rendered = TemplateShape.render(shape.header(), shape.headerPlaceholders(), args.headerVariables()) + "\n\n"
                    + rendered;
        }
        ObjectNode payload = ctx.mapper().createObjectNode();
        ObjectNode t = payload.putObject("template");
        t.put("name", name);
        t.put("language", template.path("language").asText());
        args.variables().forEach(t.putArray("bodyParameters")::add);
        if (!args.headerVariables().isEmpty()) {
            args.headerVariables().forEach(t.putArray("headerParameters")::add);
        }
        if (shape.named()) {
            // Meta wants each value of a named template under its name (parameter_name).
            shape.bodyPlaceholders().forEach(t.putArray("bodyParameterNames")::add);
            shape.headerPlaceholders().forEach(t.putArray("headerParameterNames")::add);
        }
        Rows.update(
                ctx,
                """
                insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,
                                      sender_type, sender_user_id, body, payload, template_id, status, sent_at)
                values (?, ?, ?, ?, ?, 'outbound', 'template', 'user', ?, ?, ?::jsonb, ?, 'queued', ?)
                """,
                args.messageId(),
                ctx.principal().organizationId(),
                args.conversationId(),
                UUID.fromString(conversation.path("whatsapp_account_id").asText()),
                UUID.fromString(conversation.path("candidate_id").asText()),
                ctx.principal().userId(),
                rendered,
                payload.toString(),
                args.templateId(),
                ctx.now());
        Rows.update(ctx, """
                update conversations
                   set last_message_at = ?, last_message_preview = left(?, 200),
                       status = case when status in ('new', 'closed', 'archived') then 'open' else status end
                 where id = ?
                """, ctx.now(), rendered, args.conversationId());
    }

    private static void requireValues(String template, String what, List<String> placeholders, List<String> values) {
        if (values.size() != placeholders.size()) {
            throw Rejection.invalid("The template '" + template + "' has " + placeholders.size() + " " + what + "; "
                    + values.size() + " were given.");
        }
        for (int i = 0; i < values.size(); i++) {
            Rows.text(values.get(i), what.replace("(s)", "") + " {{" + placeholders.get(i) + "}}", MAX_VARIABLE);
        }
    }
}
