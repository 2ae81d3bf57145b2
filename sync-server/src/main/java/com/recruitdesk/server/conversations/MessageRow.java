package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.platform.db.Insert;
import java.time.Instant;
import java.util.UUID;

/**
 * A new line of a thread, as the one writer of {@code messages} takes it: replies, notes and
 * templates from the mutations, inbound messages from webhooks, the demo's threads. A value left
 * {@code null} takes the column's default ({@code id}, {@code created_at}, {@code sent_at}: now).
 * The conversation's account and person travel with it (a composite key checks they match).
 */
public final class MessageRow {
    private UUID id;
    private UUID organizationId;
    private UUID conversationId;
    private UUID whatsappAccountId;
    private UUID candidateId;
    private String direction;
    private String type;
    private Boolean voice;
    private String senderType;
    private UUID senderUserId;
    private String body;
    private JsonNode payload;
    private UUID mediaBlobId;
    private String mediaProviderId;
    private String mediaMimeType;
    private String mediaCaption;
    private String mediaFilename;
    private UUID replyToMessageId;
    private UUID templateId;
    private String providerMessageId;
    private String status;
    private Integer errorCode;
    private String errorTitle;
    private Instant sentAt;
    private Instant deliveredAt;
    private Instant readAt;
    private Instant createdAt;
    private Instant updatedAt;

    public UUID id() {
        return id;
    }

    public MessageRow id(UUID id) {
        this.id = id;
        return this;
    }

    public MessageRow organizationId(UUID organizationId) {
        this.organizationId = organizationId;
        return this;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public MessageRow conversationId(UUID conversationId) {
        this.conversationId = conversationId;
        return this;
    }

    public MessageRow whatsappAccountId(UUID whatsappAccountId) {
        this.whatsappAccountId = whatsappAccountId;
        return this;
    }

    public UUID candidateId() {
        return candidateId;
    }

    public MessageRow candidateId(UUID candidateId) {
        this.candidateId = candidateId;
        return this;
    }

    public String direction() {
        return direction;
    }

    public MessageRow direction(String direction) {
        this.direction = direction;
        return this;
    }

    public String type() {
        return type;
    }

    public MessageRow type(String type) {
        this.type = type;
        return this;
    }

    public MessageRow voice(Boolean voice) {
        this.voice = voice;
        return this;
    }

    public MessageRow senderType(String senderType) {
        this.senderType = senderType;
        return this;
    }

    public MessageRow senderUserId(UUID senderUserId) {
        this.senderUserId = senderUserId;
        return this;
    }

    public String body() {
        return body;
    }

    public MessageRow body(String body) {
        this.body = body;
        return this;
    }

    public JsonNode payload() {
        return payload;
    }

    public MessageRow payload(JsonNode payload) {
        this.payload = payload;
        return this;
    }

    public MessageRow mediaBlobId(UUID mediaBlobId) {
        this.mediaBlobId = mediaBlobId;
        return this;
    }

    public MessageRow mediaProviderId(String mediaProviderId) {
        this.mediaProviderId = mediaProviderId;
        return this;
    }

    public MessageRow mediaMimeType(String mediaMimeType) {
        this.mediaMimeType = mediaMimeType;
        return this;
    }

    public String mediaCaption() {
        return mediaCaption;
    }

    public MessageRow mediaCaption(String mediaCaption) {
        this.mediaCaption = mediaCaption;
        return this;
    }

    public String mediaFilename() {
        return mediaFilename;
    }

    public MessageRow mediaFilename(String mediaFilename) {
        this.mediaFilename = mediaFilename;
        return this;
    }

    public MessageRow replyToMessageId(UUID replyToMessageId) {
        this.replyToMessageId = replyToMessageId;
        return this;
    }

    public MessageRow templateId(UUID templateId) {
        this.templateId = templateId;
        return this;
    }

    public String providerMessageId() {
        return providerMessageId;
    }

    public MessageRow providerMessageId(String providerMessageId) {
        this.providerMessageId = providerMessageId;
        return this;
    }

    public String status() {
        return status;
    }

    public MessageRow status(String status) {
        this.status = status;
        return this;
    }

    public MessageRow errorCode(Integer errorCode) {
        this.errorCode = errorCode;
        return this;
    }

    public MessageRow errorTitle(String errorTitle) {
        this.errorTitle = errorTitle;
        return this;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public MessageRow sentAt(Instant sentAt) {
        this.sentAt = sentAt;
        return this;
    }

    public MessageRow deliveredAt(Instant deliveredAt) {
        this.deliveredAt = deliveredAt;
        return this;
    }

    public MessageRow readAt(Instant readAt) {
        this.readAt = readAt;
        return this;
    }

    public MessageRow createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public MessageRow updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    /** The {@code insert} of this row; the caller runs it, or first says what to do on a conflict. */
    public Insert insert() {
        return Insert.into("messages")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("conversation_id", conversationId)
                .set("whatsapp_account_id", whatsappAccountId)
                .set("candidate_id", candidateId)
                .set("direction", direction)
                .set("type", type)
                .set("is_voice", voice)
                .set("sender_type", senderType)
                .set("sender_user_id", senderUserId)
                .set("body", body)
                .json("payload", payload)
                .set("media_blob_id", mediaBlobId)
                .set("media_provider_id", mediaProviderId)
                .set("media_mime_type", mediaMimeType)
                .set("media_caption", mediaCaption)
                .set("media_filename", mediaFilename)
                .set("reply_to_message_id", replyToMessageId)
                .set("template_id", templateId)
                .set("provider_message_id", providerMessageId)
                .set("status", status)
                .set("error_code", errorCode)
                .set("error_title", errorTitle)
                .set("sent_at", sentAt)
                .set("delivered_at", deliveredAt)
                .set("read_at", readAt)
                .set("created_at", createdAt)
                .set("updated_at", updatedAt);
    }
}
