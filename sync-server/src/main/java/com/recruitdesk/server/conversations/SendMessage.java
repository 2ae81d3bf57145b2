package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.conversations.ConversationRules;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.whatsapp.CustomerServiceWindow;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.FirstRead;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Queues a text reply: the message is stored as {@code queued} under the id the client made; the
 * WhatsApp sender task takes it from there. Replying opens a new conversation. With a file
 * ({@code mediaBlobId}) it is a media message instead ({@link MediaMessage}).
 */
final class SendMessage implements Mutator<ConversationMutations.SendMessage> {
    @Override
    public MutationType<ConversationMutations.SendMessage> type() {
        return ConversationMutations.SEND_MESSAGE;
    }

    @Override
    public Access<ConversationMutations.SendMessage> access() {
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
    public Optional<Access.RowRef<ConversationMutations.SendMessage>> locksFirst() {
        return Optional.of(new Access.RowRef<>(
                Conversations.TABLE, "The conversation", ConversationMutations.SendMessage::conversationId));
    }

    @Override
    public List<FirstRead> readsFirst(ConversationMutations.SendMessage args) {
        return args.mediaBlobId() != null || args.messageId() == null || args.conversationId() == null
                ? List.of()
                : List.of(ThreadMessages.unusedAndConnectedRead(args.messageId(), args.conversationId()));
    }

    @Override
    public void apply(MutationContext ctx, ConversationMutations.SendMessage args) throws SQLException {
        if (args.mediaBlobId() != null) {
            MediaMessage.queue(ctx, args);
            return;
        }
        ThreadMessages.requireId(args.messageId(), "message", "messageId");
        String text = Rows.text(args.text(), "message", ConversationRules.MAX_MESSAGE_TEXT);
        ObjectNode conversation = ThreadMessages.conversation(ctx, args.conversationId());
        ThreadMessages.requireUnusedAndConnected(ctx, args.messageId(), args.conversationId());
        requireOpenWindow(ctx, conversation);
        requireInConversation(ctx, args);
        Messages.insertAtEnd(
                ctx,
                ThreadMessages.byUser(ctx, conversation, args.messageId(), "outbound", "text")
                        .body(text)
                        .replyToMessageId(args.replyToMessageId())
                        .status("queued"));
        Conversations.sent(ctx, conversation, text, false);
    }

    /** A quoted message must be one of this conversation's (perhaps one of the batch's, not yet inserted). */
    static void requireInConversation(MutationContext ctx, ConversationMutations.SendMessage args) throws SQLException {
        if (args.replyToMessageId() != null
                && !Messages.held(ctx, args.replyToMessageId())
                        .map(args.conversationId()::equals)
                        .orElse(false)
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
        Instant lastInbound = last == null ? null : OffsetDateTime.parse(last).toInstant();
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
