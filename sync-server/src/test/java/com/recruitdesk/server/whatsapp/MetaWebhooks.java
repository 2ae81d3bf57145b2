package com.recruitdesk.server.whatsapp;

/**
 * Meta's webhooks as another module's tests post them to a live server: bodies in the WhatsApp
 * Cloud API's wire format ({@link MetaPayloads}) and their {@code X-Hub-Signature-256} as Meta signs
 * them ({@link WebhookSignature}). The desktop's tests use it through this module's test jar, so
 * there is one copy of both.
 */
public final class MetaWebhooks {
    /** The header Meta signs a webhook in. */
    public static final String SIGNATURE_HEADER = WebhookSignature.HEADER;

    private MetaWebhooks() {}

    /** The header value Meta would send for {@code body}, signed with {@code appSecret}. */
    public static String sign(String appSecret, byte[] body) {
        return WebhookSignature.sign(appSecret, body);
    }

    /**
     * One inbound text from {@code waId} (profile {@code name}) to the number {@code phoneNumberId},
     * with Meta's message id {@code wamid} and Unix {@code timestamp}.
     */
    public static String text(
            String phoneNumberId,
            String displayPhone,
            String waId,
            String name,
            String wamid,
            long timestamp,
            String body) {
        return MetaPayloads.envelope(
                phoneNumberId,
                displayPhone,
                MetaPayloads.messageValue(waId, name, MetaPayloads.text(waId, wamid, timestamp, body)));
    }
}
