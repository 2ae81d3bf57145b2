package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.whatsapp.CustomerServiceWindow;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/**
 * Queues a text reply: the message is stored as {@code queued} under the id the client made; the
 * WhatsApp sender task takes it from there. Replying opens a new conversation. With a file
 * ({@code mediaBlobId}) it is a media message instead ({@link MediaMessage}).
 */
public final class SendMessage implements Mutator {
    static final int MAX_TEXT = 4_096; // WhatsApp's limit for a text body

    @Override
    public String name() {
        return ConversationMutations.SEND_MESSAGE.name();
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "send messages");
        ConversationMutations.SendMessage args = ctx.args(ConversationMutations.SendMessage.class);
        if (args.mediaBlobId() != null) {
            MediaMessage.queue(ctx, args);
            return;
        }
        ThreadMessages.Draft draft = ThreadMessages.draft(
                ctx, args.conversationId(), args.messageId(), "messageId", args.text(), "message", MAX_TEXT);
        requireOpenWindow(ctx, draft.conversation());
        requireInConversation(ctx, args);
        ThreadMessages.insert(ctx, draft, "outbound", "text", "queued", args.replyToMessageId());
        String text = draft.text();
        Rows.update(ctx, """
                update conversations
                   set last_message_at = ?, last_message_preview = left(?, 200),
                       status = case when status = 'new' then 'open' else status end
                 where id = ?
                """, ctx.now(), text, args.conversationId());
    }

    /** A quoted message must be one of this conversation's. */
    static void requireInConversation(MutationContext ctx, ConversationMutations.SendMessage args) throws SQLException {
        if (args.replyToMessageId() != null
                && !Rows.exists(
                        ctx,
                        "select 1 from messages where id = ? and conversation_id = ?",
                        args.replyToMessageId(),
                        args.conversationId())) {
            throw Rejection.invalid("The message replied to is not in this conversation.");
        }
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
