package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The chat between one of our WhatsApp numbers and one person. */
@Entity
@Table(name = "conversations")
class ConversationEntity extends SyncedRow {
    UUID organizationId;
    UUID whatsappAccountId;
    UUID candidateId;
    /** new, open, pending_form, pending_photo, needs_attention, closed or archived. */
    String status = "new";

    UUID assignedUserId;
    int unreadCount;
    Instant lastMessageAt;
    String lastMessagePreview;
    /** Opens the 24-hour customer-service window. */
    Instant lastInboundAt;
}
