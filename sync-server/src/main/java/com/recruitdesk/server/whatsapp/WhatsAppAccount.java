package com.recruitdesk.server.whatsapp;

import java.util.UUID;

/** One of the organization's WhatsApp numbers, as the provider code needs it. */
record WhatsAppAccount(UUID id, UUID organizationId, String phone, String provider, String phoneNumberId) {}
