package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One WhatsApp Business number of the organization (001's Profile). */
@Entity
@Table(name = "whatsapp_accounts")
class WhatsAppAccountEntity extends SyncedRow {
    UUID organizationId;
    UUID workspaceId;
    String displayName;
    /** E.164 with a leading '+'. */
    String phone;
    /** cloud_api, simulator or twilio. */
    String provider = "simulator";

    String phoneNumberId;
    String wabaId;
    /** disconnected, connecting, qr_ready or connected. */
    String connectionStatus = "disconnected";

    String webhookUrl;
    Instant lastConnectedAt;
}
