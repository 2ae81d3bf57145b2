package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One message of a webhook, mapped to the columns of {@code messages}.
 *
 * @param providerId Meta's wamid
 * @param waId the sender's WhatsApp id as Meta sends it (digits, no '+')
 * @param type our message type (Meta's, or {@code unsupported})
 * @param payload the structured part: location, contacts, reply, reaction, errors
 * @param contextId the wamid of the quoted (or reacted-to) message, if any
 */
record InboundMessage(
        String providerId,
        String waId,
        Instant at,
        String type,
        String body,
        boolean voice,
        ObjectNode payload,
        String mediaId,
        String mediaMimeType,
        String mediaCaption,
        String mediaFilename,
        String contextId) {

    boolean hasMedia() {
        return mediaId != null;
    }

    /** A line for the inbox list. */
    String preview() {
        String label = switch (type) {
            case "text", "interactive", "button" -> body;
            case "image" -> "Photo";
            case "video" -> "Video";
            case "audio" -> voice ? "Voice message" : "Audio";
            case "document" -> mediaFilename == null ? "Document" : "Document: " + mediaFilename;
            case "sticker" -> "Sticker";
            case "location" -> "Location";
            case "contacts" -> "Contact card";
            case "reaction" -> body == null ? "Reaction removed" : "Reacted " + body;
            case "order" -> "Order";
            default -> "Unsupported message";
        };
        if (mediaCaption != null && !mediaCaption.isBlank()) {
            label = label + ": " + mediaCaption;
        }
        return label == null ? "" : label;
    }
}
