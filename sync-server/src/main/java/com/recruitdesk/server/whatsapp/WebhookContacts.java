package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.recruitdesk.server.people.WhatsAppIdentity;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code contacts} of one webhook change, matched to its messages and statuses: a message names
 * its sender by {@code from} / {@code from_user_id}, a status its recipient by {@code recipient_id} /
 * {@code recipient_user_id}; the matching contact adds the profile name, username and parent BSUID.
 */
final class WebhookContacts {
    private final List<JsonNode> contacts = new ArrayList<>();

    WebhookContacts(JsonNode value) {
        value.path("contacts").forEach(contacts::add);
    }

    /** The sender of an element of {@code value.messages}. */
    WhatsAppIdentity sender(JsonNode message) {
        return identity(
                MessageParser.text(message, "from"),
                MessageParser.text(message, "from_user_id"),
                MessageParser.text(message, "from_parent_user_id"));
    }

    /** The recipient of an element of {@code value.statuses}. */
    WhatsAppIdentity recipient(JsonNode status) {
        return identity(
                MessageParser.text(status, "recipient_id"),
                MessageParser.text(status, "recipient_user_id"),
                MessageParser.text(status, "recipient_parent_user_id"));
    }

    private WhatsAppIdentity identity(String waId, String userId, String parentUserId) {
        JsonNode contact = contactFor(waId, userId);
        return new WhatsAppIdentity(
                userId != null ? userId : MessageParser.text(contact, "user_id"),
                parentUserId != null ? parentUserId : MessageParser.text(contact, "parent_user_id"),
                waId != null ? waId : MessageParser.text(contact, "wa_id"),
                MessageParser.text(contact.path("profile"), "username"),
                MessageParser.text(contact.path("profile"), "name"));
    }

    /**
     * The contact naming the same user by either id; a lone contact when the element names nobody
     * (Meta sends one contact per sender, and the element's own ids may be the missing ones).
     */
    private JsonNode contactFor(String waId, String userId) {
        for (JsonNode c : contacts) {
            if ((userId != null && userId.equals(MessageParser.text(c, "user_id")))
                    || (waId != null && waId.equals(MessageParser.text(c, "wa_id")))) {
                return c;
            }
        }
        return waId == null && userId == null && contacts.size() == 1 ? contacts.getFirst() : MissingNode.getInstance();
    }
}
