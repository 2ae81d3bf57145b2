package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.protocol.whatsapp.WhatsAppMedia;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import com.recruitdesk.server.whatsapp.MediaKind;
import java.sql.SQLException;
import java.util.UUID;

/**
 * {@code conversation.sendMessage} with a file: a photo, video, audio or document by the file's
 * MIME type, within WhatsApp's size limit for that kind, the text as its caption (audio takes none).
 * The 24-hour window applies as for text. The sender task uploads the file, then sends it.
 */
final class MediaMessage {
    static final int MAX_CAPTION = 1_024; // WhatsApp's limit for a media caption

    private MediaMessage() {}

    static void queue(MutationContext ctx, ConversationMutations.SendMessage args) throws SQLException {
        if (args.messageId() == null) {
            throw Rejection.invalid("A new message needs the id the client made for it (messageId).");
        }
        ObjectNode conversation = Rows.require(ctx, "conversations", args.conversationId(), "The conversation");
        if (Rows.exists(ctx, "select 1 from messages where id = ?", args.messageId())) {
            throw Rejection.invalid("A message with this id exists already.");
        }
        ObjectNode blob = Rows.lock(ctx, "blobs", args.mediaBlobId())
                .orElseThrow(() -> new Rejection(
                        MutationResult.NOT_FOUND,
                        "The file to send is not on the server; upload it first (POST /api/v1/blobs)."));
        String mimeType = blob.path("mime_type").asText();
        String filename = blob.path("original_filename").asText(null);
        long size = blob.path("size_bytes").asLong();
        MediaKind kind = MediaKind.of(mimeType);
        String caption = args.text() == null || args.text().isBlank() ? null : args.text();
        // The same sentence the desktop shows before sending.
        String problem = WhatsAppMedia.problem(mimeType, size, caption != null);
        if (problem != null) {
            throw Rejection.invalid(problem);
        }
        if (caption != null && caption.length() > MAX_CAPTION) {
            throw Rejection.invalid("The caption is longer than " + MAX_CAPTION + " characters.");
        }
        SendMessage.requireOpenWindow(ctx, conversation);
        SendMessage.requireInConversation(ctx, args);
        Rows.update(
                ctx,
                """
                insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,
                                      sender_type, sender_user_id, media_blob_id, media_mime_type, media_caption,
                                      media_filename, reply_to_message_id, status, sent_at)
                values (?, ?, ?, ?, ?, 'outbound', ?, 'user', ?, ?, ?, ?, ?, ?, 'queued', ?)
                """,
                args.messageId(),
                ctx.principal().organizationId(),
                args.conversationId(),
                UUID.fromString(conversation.path("whatsapp_account_id").asText()),
                UUID.fromString(conversation.path("candidate_id").asText()),
                kind.type(),
                ctx.principal().userId(),
                args.mediaBlobId(),
                mimeType,
                caption,
                filename,
                args.replyToMessageId(),
                ctx.now());
        Rows.update(ctx, """
                update conversations
                   set last_message_at = ?, last_message_preview = left(?, 200),
                       status = case when status = 'new' then 'open' else status end
                 where id = ?
                """, ctx.now(), kind.preview(caption, filename), args.conversationId());
    }
}
