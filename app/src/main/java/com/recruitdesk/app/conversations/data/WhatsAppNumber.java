package com.recruitdesk.app.conversations.data;

import java.util.UUID;

/** One of the organization's WhatsApp numbers. */
public record WhatsAppNumber(UUID id, String name, String phone) {}
