package com.recruitdesk.server.whatsapp;

import java.util.List;
import java.util.UUID;

/**
 * A queued message as the provider sends it.
 *
 * @param to the person's E.164 number ('+' and digits) or, when no number is known, their
 *     business-scoped user id ({@link #toUserId()}); null when they have neither
 * @param type {@code text} or {@code template}
 * @param replyToProviderId the wamid of the quoted message, or null
 * @param template the approved template to send, when {@code type} is {@code template}
 * @param attempt 1 for the first try
 * @param inDoubt an earlier try may have reached the provider (it timed out)
 */
record OutboundMessage(
        UUID id,
        WhatsAppAccount account,
        String to,
        String type,
        String body,
        String replyToProviderId,
        Template template,
        int attempt,
        boolean inDoubt) {

    /** True when {@code to} is a business-scoped user id, sent in Meta's {@code recipient} field. */
    boolean toUserId() {
        return WhatsAppIdentity.isUserId(to);
    }

    /** A template by name and language, with the values for its body's {{1}}, {{2}}, … */
    record Template(String name, String language, List<String> bodyParameters) {
        Template {
            bodyParameters = List.copyOf(bodyParameters);
        }
    }
}
