package com.recruitdesk.protocol.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How one WhatsApp number is doing: whether it is connected, when a webhook last came for it, what
 * it sent in the last 24 hours and why sends failed, what Meta last said of it (verified name,
 * quality rating, messaging limit tier, when it was checked) and its templates by status.
 */
public record NumberHealth(
        UUID whatsappAccountId,
        String displayName,
        String phone,
        String provider,
        String connectionStatus,
        Instant lastWebhookAt,
        int sent24h,
        int failed24h,
        List<ErrorCount> topErrors,
        String verifiedName,
        String qualityRating,
        String messagingLimitTier,
        Instant checkedAt,
        int templatesApproved,
        int templatesPending,
        int templatesRejected) {
    public NumberHealth {
        topErrors = List.copyOf(topErrors);
    }

    /** A WhatsApp error code ({@code 131026}), Meta's title for it, and how often it came in 24 hours. */
    public record ErrorCount(String code, String title, int count) {}

    /** Every number of the organization, at the time the server measured them. */
    public record Report(List<NumberHealth> numbers, Instant at) {
        public Report {
            numbers = List.copyOf(numbers);
        }
    }
}
