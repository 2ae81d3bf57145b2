package com.recruitdesk.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the full-text indexes hold of a row: a message's text, caption and file name
 * ({@code message_fts.body}); a person's names, WhatsApp id and email ({@code person_fts.name}).
 */
record SearchText(String table, String text) {
    static final String MESSAGES = "message_fts";
    static final String PEOPLE = "person_fts";

    static Optional<SearchText> of(String entity, JsonNode data) {
        return switch (entity) {
            case "message" ->
                Optional.of(new SearchText(MESSAGES, join(data, "body", "mediaCaption", "mediaFilename")));
            case "candidate" -> {
                String text =
                        join(data, "fullName", "firstName", "lastName", "whatsappName", "whatsappUsername", "email");
                String phone = data.path("whatsappId").asText("");
                // "+27825550101" is found by typing its digits ("2782555…"), with or without the "+".
                String digits = phone.replaceAll("\\D", "");
                yield Optional.of(new SearchText(PEOPLE, (text + " " + digits).strip()));
            }
            default -> Optional.empty();
        };
    }

    static Optional<String> tableOf(String entity) {
        return switch (entity) {
            case "message" -> Optional.of(MESSAGES);
            case "candidate" -> Optional.of(PEOPLE);
            default -> Optional.empty();
        };
    }

    static String column(String table) {
        return MESSAGES.equals(table) ? "body" : "name";
    }

    private static String join(JsonNode data, String... fields) {
        List<String> parts = new ArrayList<>();
        for (String f : fields) {
            JsonNode v = data.path(f);
            if (v.isTextual() && !v.asText().isBlank()) {
                parts.add(v.asText());
            }
        }
        return String.join(" ", parts);
    }
}
