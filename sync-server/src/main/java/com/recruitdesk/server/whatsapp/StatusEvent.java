package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One element of a webhook's {@code value.statuses}: what happened to a message we sent.
 *
 * @param error Meta's first error ({@code code}, {@code title}, {@code message}, {@code error_data}) when failed
 * @param callbackData {@code biz_opaque_callback_data}: the sender puts our message id there
 */
record StatusEvent(String providerId, String status, Instant at, ObjectNode error, String callbackData) {
    static StatusEvent parse(JsonNode s) {
        JsonNode error = s.path("errors").path(0);
        return new StatusEvent(
                MessageParser.text(s, "id"),
                s.path("status").asText(""),
                Instant.ofEpochSecond(s.path("timestamp").asLong(0)),
                error.isObject() ? ((ObjectNode) error).deepCopy() : null,
                MessageParser.text(s, "biz_opaque_callback_data"));
    }

    /** Our message id, when the status carries it back. */
    Optional<UUID> ourMessageId() {
        if (callbackData == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(callbackData));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** sent, delivered, read and failed are delivery states; Meta's other kinds (e.g. deleted) are not. */
    boolean isDeliveryState() {
        return Statuses.rank(status) > 0;
    }
}
