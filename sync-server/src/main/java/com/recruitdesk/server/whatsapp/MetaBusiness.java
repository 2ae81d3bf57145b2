package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Meta's side of the numbers and templates an administrator manages, over the Graph API: what Meta
 * says of a phone number (and that it belongs to the WhatsApp Business Account named with it), and
 * submitting or deleting a template. A server without Cloud API credentials has {@link #none()},
 * which is not {@link #configured()}: its numbers are simulated and keep their own templates.
 */
public interface MetaBusiness {
    /** True when this server talks to Meta (it has Cloud API credentials). */
    boolean configured();

    /**
     * The facts Meta keeps of the phone number {@code phoneNumberId}, once it is sure the number is one
     * of the WhatsApp Business Account {@code wabaId}'s; a {@link MetaRefusal} says in a sentence what
     * is wrong (a bad token, an unknown id, a number of another business, Meta limiting requests).
     */
    NumberFacts checkNumber(String phoneNumberId, String wabaId) throws MetaRefusal;

    /** Submits a template for review ({@code POST /{waba-id}/message_templates}); Meta answers its id and status. */
    SubmittedTemplate submitTemplate(String wabaId, String name, String language, String category, JsonNode components)
            throws MetaRefusal;

    /** Deletes the template {@code name} (Meta's id {@code providerTemplateId}) of {@code wabaId} at Meta. */
    void deleteTemplate(String wabaId, String name, String providerTemplateId) throws MetaRefusal;

    /** As Meta spells them: {@code GREEN}, {@code TIER_1K}. */
    record NumberFacts(
            String displayPhoneNumber, String verifiedName, String qualityRating, String messagingLimitTier) {}

    /** Meta's answer to a submission: its id for the template and its status ({@code PENDING}, ...). */
    record SubmittedTemplate(String id, String status, String category) {}

    /** Meta said no, or could not be asked; the message is the sentence an administrator reads. */
    final class MetaRefusal extends Exception {
        public MetaRefusal(String sentence) {
            super(sentence, null, false, false);
        }
    }

    /** The business of a server without Cloud API credentials: never asked. */
    static MetaBusiness none() {
        return NotConfigured.INSTANCE;
    }

    /** Refuses everything; {@link #configured()} is false, so callers simulate instead of calling it. */
    enum NotConfigured implements MetaBusiness {
        INSTANCE;

        private static final String SENTENCE = "This server has no WhatsApp Cloud API credentials"
                + " (RD_WHATSAPP_APP_SECRET, RD_WHATSAPP_ACCESS_TOKEN), so it cannot ask Meta.";

        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public NumberFacts checkNumber(String phoneNumberId, String wabaId) throws MetaRefusal {
            throw new MetaRefusal(SENTENCE);
        }

        @Override
        public SubmittedTemplate submitTemplate(
                String wabaId, String name, String language, String category, JsonNode components) throws MetaRefusal {
            throw new MetaRefusal(SENTENCE);
        }

        @Override
        public void deleteTemplate(String wabaId, String name, String providerTemplateId) throws MetaRefusal {
            throw new MetaRefusal(SENTENCE);
        }
    }
}
