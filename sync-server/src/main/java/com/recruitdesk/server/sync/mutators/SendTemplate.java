package com.recruitdesk.server.sync.mutators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Args;
import com.recruitdesk.protocol.sync.MutationNames;
import com.recruitdesk.server.sync.MutationContext;
import com.recruitdesk.server.sync.Mutator;
import com.recruitdesk.server.sync.Rejection;
import com.recruitdesk.server.sync.Rows;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queues an approved template of the conversation's WhatsApp number, its body's {{n}} filled with
 * the variables; allowed inside and outside the 24-hour window. The sender task sends it.
 */
public final class SendTemplate implements Mutator {
    static final int MAX_VARIABLE = 1_024;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

    @Override
    public String name() {
        return MutationNames.SEND_TEMPLATE;
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "send messages");
        Args.SendTemplate args = ctx.args(Args.SendTemplate.class);
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
        String body = bodyText(template.path("components"));
        int wanted = placeholders(body);
        if (args.variables().size() != wanted) {
            throw Rejection.invalid("The template '" + name + "' has " + wanted + " variable(s); "
                    + args.variables().size() + " were given.");
        }
        for (int i = 0; i < wanted; i++) {
            Rows.text(args.variables().get(i), "variable {{" + (i + 1) + "}}", MAX_VARIABLE);
        }
        if (Rows.exists(ctx, "select 1 from messages where id = ?", args.messageId())) {
            throw Rejection.invalid("A message with this id exists already.");
        }
        String rendered = render(body, args);
        ObjectNode payload = ctx.mapper().createObjectNode();
        ObjectNode t = payload.putObject("template");
        t.put("name", name);
        t.put("language", template.path("language").asText());
        args.variables().forEach(t.putArray("bodyParameters")::add);
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

    private static String bodyText(JsonNode components) {
        for (JsonNode c : components) {
            if ("BODY".equalsIgnoreCase(c.path("type").asText())) {
                return c.path("text").asText("");
            }
        }
        return "";
    }

    private static int placeholders(String body) {
        int max = 0;
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }

    private static String render(String body, Args.SendTemplate args) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(args.variables().get(Integer.parseInt(m.group(1)) - 1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
