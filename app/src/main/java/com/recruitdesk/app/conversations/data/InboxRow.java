package com.recruitdesk.app.conversations.data;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the inbox. {@code whatsappId} is the person's number, or their WhatsApp username
 * ("@thandi") when Meta hides the number. {@code snippet} is the matching text of a message when searching (with
 * the matched words between [ and ]), else null; {@code pending} is true while a change the user
 * made to the conversation has not reached the server.
 */
public record InboxRow(
        UUID conversationId,
        UUID candidateId,
        String name,
        String whatsappId,
        String preview,
        Instant lastMessageAt,
        Instant lastInboundAt,
        int unread,
        ConversationStatus status,
        UUID assigneeId,
        UUID numberId,
        long version,
        boolean pending,
        String snippet) {}
