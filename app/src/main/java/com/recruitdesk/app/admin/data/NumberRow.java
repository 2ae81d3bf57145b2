package com.recruitdesk.app.admin.data;

import java.time.Instant;
import java.util.UUID;

/** A WhatsApp number as the Numbers list shows it, with what Meta last said of it. */
public record NumberRow(
        UUID id,
        String displayName,
        String phone,
        String provider,
        String phoneNumberId,
        String wabaId,
        String connectionStatus,
        String verifiedName,
        String qualityRating,
        String messagingLimitTier,
        Instant metaCheckedAt,
        boolean pending) {
    public boolean cloud() {
        return "cloud_api".equals(provider);
    }

    public boolean connected() {
        return !"disconnected".equals(connectionStatus);
    }

    @Override
    public String toString() {
        return displayName + " (" + phone + ")";
    }
}
