package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Maps one element of a webhook's {@code value.messages} (Meta's Cloud API format) to an
 * {@link InboundMessage}. A type we do not know is kept as {@code unsupported} with Meta's whole
 * message in the payload, never dropped.
 */
final class MessageParser {
    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");

    private final ObjectMapper mapper;

    MessageParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    InboundMessage parse(JsonNode m) {
        String metaType = m.path("type").asText("unknown");
        String contextId = text(m.path("context"), "id");
        Instant at = Instant.ofEpochSecond(m.path("timestamp").asLong(0));
        String id = text(m, "id");
        String from = text(m, "from");
        if (MEDIA.contains(metaType) && m.path(metaType).hasNonNull("id")) {
            JsonNode media = m.path(metaType);
            ObjectNode payload = mapper.createObjectNode();
            copy(media, payload, "sha256", "animated");
            return new InboundMessage(
                    id,
                    from,
                    at,
                    metaType,
                    null,
                    "audio".equals(metaType) && media.path("voice").asBoolean(false),
                    payload.isEmpty() ? null : payload,
                    text(media, "id"),
                    text(media, "mime_type"),
                    text(media, "caption"),
                    text(media, "filename"),
                    contextId);
        }
        return switch (metaType) {
            case "text" -> simple(id, from, at, "text", text(m.path("text"), "body"), null, contextId);
            case "location" ->
                simple(id, from, at, "location", text(m.path("location"), "name"), object(m, "location"), contextId);
            case "contacts" -> {
                ObjectNode payload = mapper.createObjectNode();
                payload.set("contacts", m.path("contacts"));
                String names = StreamSupport.stream(m.path("contacts").spliterator(), false)
                        .map(c -> c.path("name").path("formatted_name").asText(""))
                        .filter(n -> !n.isBlank())
                        .collect(Collectors.joining(", "));
                yield simple(id, from, at, "contacts", names.isBlank() ? null : names, payload, contextId);
            }
            case "interactive" -> {
                JsonNode interactive = m.path("interactive");
                JsonNode reply = interactive.path(interactive.path("type").asText(""));
                yield simple(id, from, at, "interactive", text(reply, "title"), object(m, "interactive"), contextId);
            }
            case "button" ->
                simple(id, from, at, "button", text(m.path("button"), "text"), object(m, "button"), contextId);
            case "reaction" ->
                simple(
                        id,
                        from,
                        at,
                        "reaction",
                        text(m.path("reaction"), "emoji"),
                        object(m, "reaction"),
                        text(m.path("reaction"), "message_id"));
            case "order" -> simple(id, from, at, "order", null, object(m, "order"), contextId);
            default -> unsupported(id, from, at, metaType, m, contextId);
        };
    }

    private InboundMessage unsupported(
            String id, String from, Instant at, String metaType, JsonNode m, String contextId) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("metaType", metaType);
        if (m.has("errors")) {
            payload.set("errors", m.get("errors"));
        }
        payload.set("original", m);
        JsonNode firstError = m.path("errors").path(0);
        String body = firstError.isMissingNode()
                ? "This message type (" + metaType + ") cannot be shown here."
                : firstError.path("title").asText("Unsupported message") + errorDetails(firstError);
        return simple(id, from, at, "unsupported", body, payload, contextId);
    }

    private static String errorDetails(JsonNode error) {
        String details = error.path("error_data").path("details").asText("");
        return details.isBlank() ? "" : ": " + details;
    }

    private static InboundMessage simple(
            String id, String from, Instant at, String type, String body, ObjectNode payload, String contextId) {
        return new InboundMessage(id, from, at, type, body, false, payload, null, null, null, null, contextId);
    }

    private ObjectNode object(JsonNode m, String field) {
        JsonNode node = m.path(field);
        return node.isObject() ? ((ObjectNode) node).deepCopy() : mapper.createObjectNode();
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.has(f)) {
                to.set(f, from.get(f));
            }
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
