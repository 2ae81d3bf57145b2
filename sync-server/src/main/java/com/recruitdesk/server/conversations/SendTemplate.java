package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.conversations.ConversationRules;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.whatsapp.TemplateShape;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Queues an approved template of the conversation's WhatsApp number, its body's and text header's
 * placeholders filled with the variables ({@link TemplateShape}); allowed inside and outside the
 * 24-hour window. The sender task sends it.
 */
final class SendTemplate implements Mutator<ConversationMutations.SendTemplate> {
    @Override
    public MutationType<ConversationMutations.SendTemplate> type() {
        return ConversationMutations.SEND_TEMPLATE;
    }

    @Override
    public Access<ConversationMutations.SendTemplate> access() {
        return Access.staff();
    }

    /** It reads its conversation only through {@link ThreadMessages#conversation}, which shows the batch's bumps. */
    @Override
    public boolean keepsDeferredWrites() {
        return true;
    }

    /** Its line and its conversation's bump are written at the batch's end; before that it only reads. */
    @Override
    public boolean writesOnlyAtEnd() {
        return true;
    }

    @Override
    public Optional<Access.RowRef<ConversationMutations.SendTemplate>> locksFirst() {
        return Optional.of(new Access.RowRef<>(
                Conversations.TABLE, "The conversation", ConversationMutations.SendTemplate::conversationId));
    }

    @Override
    public void apply(MutationContext ctx, ConversationMutations.SendTemplate args) throws SQLException {
        ThreadMessages.requireId(args.messageId(), "message", "messageId");
        ObjectNode conversation = ThreadMessages.conversation(ctx, args.conversationId());
        ThreadMessages.requireConnected(ctx, conversation);
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
        ThreadMessages.requireUnused(ctx, args.messageId());
        MessageRow line = TemplateMessages.fill(
                ctx.mapper(),
                ThreadMessages.byUser(ctx, conversation, args.messageId(), "outbound", "template")
                        .status("queued"),
                template,
                shape,
                args.variables(),
                args.headerVariables());
        Messages.insertAtEnd(ctx, line);
        Conversations.sent(ctx, conversation, line.body(), true);
    }

    private static void requireValues(String template, String what, List<String> placeholders, List<String> values) {
        if (values.size() != placeholders.size()) {
            throw Rejection.invalid("The template '" + template + "' has " + placeholders.size() + " " + what + "; "
                    + values.size() + " were given.");
        }
        for (int i = 0; i < values.size(); i++) {
            Rows.text(
                    values.get(i),
                    what.replace("(s)", "") + " {{" + placeholders.get(i) + "}}",
                    ConversationRules.MAX_TEMPLATE_VARIABLE);
        }
    }
}
