package com.recruitdesk.app.conversations.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An approved WhatsApp template of one number: what the composer offers outside the 24-hour window.
 * {@code variables} is how many {{n}} its body has.
 */
public record Template(
        UUID id,
        UUID accountId,
        String name,
        String language,
        String category,
        String status,
        String header,
        String body,
        String footer,
        List<String> buttons) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

    public Template {
        buttons = List.copyOf(buttons);
    }

    static Template from(JsonNode row) {
        String header = null;
        String body = "";
        String footer = null;
        List<String> buttons = new ArrayList<>();
        for (JsonNode c : row.path("components")) {
            switch (c.path("type").asText("").toUpperCase(java.util.Locale.ROOT)) {
                case "HEADER" -> header = Fields.text(c, "text");
                case "BODY" -> body = c.path("text").asText("");
                case "FOOTER" -> footer = Fields.text(c, "text");
                case "BUTTONS" ->
                    c.path("buttons").forEach(b -> buttons.add(b.path("text").asText("")));
                default -> {}
            }
        }
        return new Template(
                Fields.uuid(row, "id"),
                Fields.uuid(row, "whatsappAccountId"),
                Fields.text(row, "name"),
                Fields.text(row, "language"),
                Fields.text(row, "category"),
                Fields.text(row, "status"),
                header,
                body,
                footer,
                buttons);
    }

    public boolean approved() {
        return "approved".equals(status);
    }

    /** The highest {{n}} of the body: how many values a send needs. */
    public int variables() {
        int max = 0;
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }

    /** The body with {{n}} replaced by {@code values[n-1]}; a missing value stays as {{n}}. */
    public String render(List<String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String value = n <= values.size() && !values.get(n - 1).isBlank() ? values.get(n - 1) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "application_follow_up" → "Application follow up (en_US)". */
    public String label() {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " (" + language + ")";
    }
}
