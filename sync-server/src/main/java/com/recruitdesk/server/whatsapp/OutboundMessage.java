package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.people.WhatsAppIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A queued message as the provider sends it.
 *
 * @param to the person's E.164 number ('+' and digits) or, when no number is known, their
 *     business-scoped user id ({@link #toUserId()}); null when they have neither
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

    /** True when {@code to} is a business-scoped user id, sent in Meta's {@code recipient} field. */
    boolean toUserId() {
        return WhatsAppIdentity.isUserId(to);
    }

    /** A template by name and language, with the values for its text header's and body's placeholders. */
    record Template(String name, String language, List<Parameter> header, List<Parameter> body) {
        Template {
            header = List.copyOf(header);
            body = List.copyOf(body);
        }

        /** The value of one placeholder: {@code name} for a named template's {{name}}, null for {{1}}, {{2}}, … */
        record Parameter(String name, String text) {
            /** {@code values} in order, each under the name at its index of {@code names} (none when empty). */
            static List<Parameter> of(List<String> values, List<String> names) {
                ArrayList<Parameter> out = new ArrayList<>(values.size());
                for (int i = 0; i < values.size(); i++) {
                    out.add(new Parameter(i < names.size() ? names.get(i) : null, values.get(i)));
                }
                return out;
            }
        }
    }
}
