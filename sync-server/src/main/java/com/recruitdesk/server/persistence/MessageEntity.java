package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One line of a conversation: inbound, outbound, or internal (a note or a system line). The
 * account and candidate repeat the conversation's (a composite foreign key checks it).
 */
@Entity
@Table(name = "messages")
class MessageEntity extends SyncedRow {
    UUID organizationId;
    UUID conversationId;
    UUID whatsappAccountId;
    UUID candidateId;
    /** inbound, outbound or internal. */
    String direction;
    /** text, image, video, audio, document, sticker, location, contacts, interactive, button, reaction, poll, template, order, unsupported, note or system. */
    String type = "text";

    boolean isVoice;
    /** candidate, user, bot or system. */
    String senderType;

    UUID senderUserId;
    String body;

    /** Type-specific structure: coordinates, contact cards, buttons, template parameters... */
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> payload;

    UUID mediaBlobId;
    String mediaProviderId;
    String mediaMimeType;
    String mediaCaption;
    String mediaFilename;
    UUID replyToMessageId;
    UUID templateId;
    UUID broadcastId;
    UUID applicationId;
    String providerMessageId;
    /** queued, sent, delivered, read or failed; outbound only. */
    String status;

    Integer errorCode;
    String errorTitle;
    Instant sentAt;
    Instant deliveredAt;
    Instant readAt;
}
