package com.recruitdesk.server.conversations;

import com.recruitdesk.server.platform.db.Insert;
import java.time.Instant;
import java.util.UUID;

/**
 * A new conversation of one WhatsApp number with one person, as the one writer of
 * {@code conversations} takes it; {@code null} values take the column's default (status {@code new},
 * no unread messages).
 */
public final class ConversationRow {
    private UUID id;
    private UUID organizationId;
    private UUID whatsappAccountId;
    private UUID candidateId;
    private String status;
    private UUID assignedUserId;
    private Integer unreadCount;
    private Instant lastMessageAt;
    private String lastMessagePreview;
    private Instant lastInboundAt;
    private Instant createdAt;
    private Instant updatedAt;

    public UUID id() {
        return id;
    }

    public ConversationRow id(UUID id) {
        this.id = id;
        return this;
    }

    public ConversationRow organizationId(UUID organizationId) {
        this.organizationId = organizationId;
        return this;
    }

    public UUID whatsappAccountId() {
        return whatsappAccountId;
    }

    public ConversationRow whatsappAccountId(UUID whatsappAccountId) {
        this.whatsappAccountId = whatsappAccountId;
        return this;
    }

    public UUID candidateId() {
        return candidateId;
    }

    public ConversationRow candidateId(UUID candidateId) {
        this.candidateId = candidateId;
        return this;
    }

    public String status() {
        return status;
    }

    public ConversationRow status(String status) {
        this.status = status;
        return this;
    }

    public ConversationRow assignedUserId(UUID assignedUserId) {
        this.assignedUserId = assignedUserId;
        return this;
    }

    public ConversationRow unreadCount(Integer unreadCount) {
        this.unreadCount = unreadCount;
        return this;
    }

    public ConversationRow lastMessageAt(Instant lastMessageAt) {
        this.lastMessageAt = lastMessageAt;
        return this;
    }

    public ConversationRow lastMessagePreview(String lastMessagePreview) {
        this.lastMessagePreview = lastMessagePreview;
        return this;
    }

    public ConversationRow lastInboundAt(Instant lastInboundAt) {
        this.lastInboundAt = lastInboundAt;
        return this;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ConversationRow createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public ConversationRow updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    /** The {@code insert} of this row; the caller runs it, or first says what to do on a conflict. */
    public Insert insert() {
        return Insert.into("conversations")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("whatsapp_account_id", whatsappAccountId)
                .set("candidate_id", candidateId)
                .set("status", status)
                .set("assigned_user_id", assignedUserId)
                .set("unread_count", unreadCount)
                .set("last_message_at", lastMessageAt)
                .set("last_message_preview", lastMessagePreview)
                .set("last_inbound_at", lastInboundAt)
                .set("created_at", createdAt)
                .set("updated_at", updatedAt);
    }
}
