package com.recruitdesk.server.sync.mutators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Args;
import com.recruitdesk.protocol.sync.CustomerServiceWindow;
import com.recruitdesk.protocol.sync.MutationNames;
import com.recruitdesk.server.sync.MutationContext;
import com.recruitdesk.server.sync.Mutator;
import com.recruitdesk.server.sync.Rejection;
import com.recruitdesk.server.sync.Rows;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Queues a text reply: the message is stored as {@code queued} under the id the client made; the
 * WhatsApp sender task takes it from there. Replying opens a new conversation. Free text may only
 * be sent inside the 24-hour customer-service window ({@link CustomerServiceWindow}); outside it
 * the client must send an approved template ({@code conversation.sendTemplate}).
 */
public final class SendMessage implements Mutator {
    static final int MAX_TEXT = 4_096; // WhatsApp's limit for a text body

    @Override
    public String name() {
        return MutationNames.SEND_MESSAGE;
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "send messages");
        Args.SendMessage args = ctx.args(Args.SendMessage.class);
        if (args.messageId() == null) {
            throw Rejection.invalid("A new message needs the id the client made for it (messageId).");
        }
        String text = Rows.text(args.text(), "message", MAX_TEXT);
        ObjectNode conversation = Rows.require(ctx, "conversations", args.conversationId(), "The conversation");
        requireOpenWindow(ctx, conversation);
        if (args.replyToMessageId() != null
                && !Rows.exists(
                        ctx,
                        "select 1 from messages where id = ? and conversation_id = ?",
                        args.replyToMessageId(),
                        args.conversationId())) {
            throw Rejection.invalid("The message replied to is not in this conversation.");
        }
        if (Rows.exists(ctx, "select 1 from messages where id = ?", args.messageId())) {
            throw Rejection.invalid("A message with this id exists already.");
        }
        Rows.update(
                ctx,
                """
                insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,
                                      sender_type, sender_user_id, body, reply_to_message_id, status, sent_at)
                values (?, ?, ?, ?, ?, 'outbound', 'text', 'user', ?, ?, ?, 'queued', ?)
                """,
                args.messageId(),
                ctx.principal().organizationId(),
                args.conversationId(),
                UUID.fromString(conversation.path("whatsapp_account_id").asText()),
                UUID.fromString(conversation.path("candidate_id").asText()),
                ctx.principal().userId(),
                text,
                args.replyToMessageId(),
                ctx.now());
        Rows.update(ctx, """
                update conversations
                   set last_message_at = ?, last_message_preview = left(?, 200),
                       status = case when status = 'new' then 'open' else status end
                 where id = ?
                """, ctx.now(), text, args.conversationId());
    }

    /** Rejects a free-text send when the person has not written to this number in the last 24 hours. */
    static void requireOpenWindow(MutationContext ctx, ObjectNode conversation) {
        String last = conversation.path("last_inbound_at").asText(null);
        java.time.Instant lastInbound =
                last == null ? null : java.time.OffsetDateTime.parse(last).toInstant();
        if (!CustomerServiceWindow.isOpen(lastInbound, ctx.now())) {
            throw Rejection.invalid(
                    lastInbound == null
                            ? "This person has never written to this number, so WhatsApp allows only an approved template"
                                    + " (conversation.sendTemplate), not free text."
                            : "The 24-hour customer-service window closed at "
                                    + CustomerServiceWindow.endsAt(lastInbound).orElseThrow()
                                    + "; WhatsApp allows only an approved template (conversation.sendTemplate) until the"
                                    + " person writes again.");
        }
    }
}
