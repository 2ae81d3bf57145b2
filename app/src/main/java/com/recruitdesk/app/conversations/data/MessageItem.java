package com.recruitdesk.app.conversations.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.recruitdesk.app.store.RowValues;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a thread as the store holds it (a message, a private note or a system line), with
 * what the thread shows of it. {@code pending} is true while it waits in the outbox (written here,
 * not yet taken by the server). {@code sortKey} places it in the thread.
 */
public record MessageItem(
        UUID id,
        UUID conversationId,
        String direction,
        String type,
        String senderType,
        UUID senderUserId,
        String body,
        String status,
        Integer errorCode,
        String errorTitle,
        String errorDetails,
        String failedAfter,
        Instant sentAt,
        UUID mediaBlobId,
        String mediaMimeType,
        String mediaCaption,
        String mediaFilename,
        String mediaError,
        boolean voice,
        JsonNode payload,
        UUID replyToId,
        UUID templateId,
        String providerMessageId,
        boolean pending,
        long sortKey) {

    static MessageItem from(JsonNode m, boolean pending, long sortKey) {
        JsonNode payload = m.path("payload").isObject() ? m.path("payload") : MissingNode.getInstance();
        JsonNode error = payload.path("error");
        String details = RowValues.text(error.path("error_data"), "details");
        if (details == null) {
            details = RowValues.text(error, "message");
        }
        return new MessageItem(
                RowValues.uuid(m, "id"),
                RowValues.uuid(m, "conversationId"),
                RowValues.text(m, "direction"),
                RowValues.text(m, "type"),
                RowValues.text(m, "senderType"),
                RowValues.uuid(m, "senderUserId"),
                RowValues.text(m, "body"),
                RowValues.text(m, "status"),
                m.path("errorCode").isNumber() ? m.path("errorCode").asInt() : null,
                RowValues.text(m, "errorTitle"),
                details,
                RowValues.text(payload, "failedAfter"),
                RowValues.instant(m, "sentAt"),
                RowValues.uuid(m, "mediaBlobId"),
                RowValues.text(m, "mediaMimeType"),
                RowValues.text(m, "mediaCaption"),
                RowValues.text(m, "mediaFilename"),
                RowValues.text(payload, "mediaError"),
                m.path("isVoice").asBoolean(false),
                payload,
                RowValues.uuid(m, "replyToMessageId"),
                RowValues.uuid(m, "templateId"),
                RowValues.text(m, "providerMessageId"),
                pending,
                sortKey);
    }

    public boolean inbound() {
        return "inbound".equals(direction);
    }

    public boolean outbound() {
        return "outbound".equals(direction);
    }

    public boolean note() {
        return "note".equals(type);
    }

    public boolean system() {
        return "system".equals(type);
    }

    public boolean reaction() {
        return "reaction".equals(type);
    }

    public boolean failed() {
        return "failed".equals(status);
    }

    /** A photo, video, voice note, document or sticker: a file the thread shows or opens. */
    public boolean media() {
        return switch (type == null ? "" : type) {
            case "image", "video", "audio", "document", "sticker" -> true;
            default -> false;
        };
    }

    /** The words a quote of this message shows. */
    public String summary() {
        if (body != null && !body.isBlank()) {
            return body;
        }
        if (mediaCaption != null && !mediaCaption.isBlank()) {
            return mediaCaption;
        }
        return switch (type == null ? "" : type) {
            case "image" -> "Photo";
            case "video" -> "Video";
            case "audio" -> voice ? "Voice message" : "Audio";
            case "document" -> mediaFilename == null ? "Document" : mediaFilename;
            case "sticker" -> "Sticker";
            case "location" -> "Location";
            case "contacts" -> "Contact card";
            default -> "Message";
        };
    }

    /** The template's name for a template message ({@code payload.template.name}). */
    public String templateName() {
        return RowValues.text(payload.path("template"), "name");
    }
}
