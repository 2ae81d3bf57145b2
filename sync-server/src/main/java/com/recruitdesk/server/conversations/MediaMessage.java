package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.conversations.ConversationRules;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.protocol.whatsapp.WhatsAppMedia;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/**
 * {@code conversation.sendMessage} with a file: a photo, video, audio or document by the file's
 * MIME type ({@link WhatsAppMedia}), within WhatsApp's size limit for that kind, the text as its
 * caption (audio takes none). The 24-hour window applies as for text. The WhatsApp sender task
 * uploads the file, then sends it.
 */
final class MediaMessage {
    private MediaMessage() {}

    static void queue(MutationContext ctx, ConversationMutations.SendMessage args) throws SQLException {
        ThreadMessages.requireId(args.messageId(), "message", "messageId");
        ObjectNode conversation = ThreadMessages.conversation(ctx, args.conversationId());
        ThreadMessages.requireConnected(ctx, conversation);
        ThreadMessages.requireUnused(ctx, args.messageId());
        ObjectNode blob = Rows.lock(ctx, "blobs", args.mediaBlobId())
                .orElseThrow(() -> new Rejection(
                        MutationResult.NOT_FOUND,
                        "The file to send is not on the server; upload it first (POST /api/v1/blobs)."));
        String mimeType = blob.path("mime_type").asText();
        String filename = blob.path("original_filename").asText(null);
        long size = blob.path("size_bytes").asLong();
        String type = WhatsAppMedia.typeOf(mimeType);
        String caption = args.text() == null || args.text().isBlank() ? null : args.text();
        // The same sentence the desktop shows before sending.
        String problem = WhatsAppMedia.problem(mimeType, size, caption != null);
        if (problem != null) {
            throw Rejection.invalid(problem);
        }
        if (caption != null && caption.length() > ConversationRules.MAX_CAPTION) {
            throw Rejection.invalid("The caption is longer than " + ConversationRules.MAX_CAPTION + " characters.");
        }
        SendMessage.requireOpenWindow(ctx, conversation);
        SendMessage.requireInConversation(ctx, args);
        Messages.insertAtEnd(
                ctx,
                ThreadMessages.byUser(ctx, conversation, args.messageId(), "outbound", type)
                        .mediaBlobId(args.mediaBlobId())
                        .mediaMimeType(mimeType)
                        .mediaCaption(caption)
                        .mediaFilename(filename)
                        .replyToMessageId(args.replyToMessageId())
                        .status("queued"));
        Conversations.sent(ctx, conversation, ConversationRules.mediaPreview(type, filename, caption), false);
    }
}
