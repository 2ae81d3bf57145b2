package com.recruitdesk.server.whatsapp;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A queued message as the provider sends it.
 *
 * @param to the person's E.164 number ('+' and digits)
 * @param type {@code text}, {@code template}, or a media type ({@code image}, {@code video}, {@code audio}, {@code document})
 * @param replyToProviderId the wamid of the quoted message, or null
 * @param template the approved template to send, when {@code type} is {@code template}
 * @param attempt 1 for the first try
 * @param inDoubt an earlier try may have reached the provider (it timed out)
 * @param media the file of a media message, once the sender has looked it up; else null
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
        boolean inDoubt,
        OutboundMedia media) {

    OutboundMessage(
            UUID id,
            WhatsAppAccount account,
            String to,
            String type,
            String body,
            String replyToProviderId,
            Template template,
            int attempt,
            boolean inDoubt) {
        this(id, account, to, type, body, replyToProviderId, template, attempt, inDoubt, null);
    }

    boolean isMedia() {
        return Set.of("image", "video", "audio", "document").contains(type);
    }

    OutboundMessage withMedia(OutboundMedia file) {
        return new OutboundMessage(id, account, to, type, body, replyToProviderId, template, attempt, inDoubt, file);
    }

    /** A template by name and language, with the values for its body's {{1}}, {{2}}, … */
    record Template(String name, String language, List<String> bodyParameters) {
        Template {
            bodyParameters = List.copyOf(bodyParameters);
        }
    }
}
