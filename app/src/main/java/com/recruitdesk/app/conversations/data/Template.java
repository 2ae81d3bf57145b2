package com.recruitdesk.app.conversations.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An approved WhatsApp template of one number: what the composer offers outside the 24-hour window.
 * Its body and text header may hold placeholders, positional ({{1}}, {{2}}) or named
 * ({{first_name}}); each needs a value, given in the order of {@link #bodyPlaceholders()} and
 * {@link #headerPlaceholders()}. Meta's example values, when the template has them, hint what to type.
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
        List<String> buttons,
        List<String> bodyExamples,
        List<String> headerExamples) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public Template {
        buttons = List.copyOf(buttons);
        bodyExamples = List.copyOf(bodyExamples);
        headerExamples = List.copyOf(headerExamples);
    }

    static Template from(JsonNode row) {
        String header = null;
        String body = "";
        String footer = null;
        List<String> buttons = new ArrayList<>();
        List<String> bodyExamples = new ArrayList<>();
        List<String> headerExamples = new ArrayList<>();
        for (JsonNode c : row.path("components")) {
            switch (c.path("type").asText("").toUpperCase(Locale.ROOT)) {
                case "HEADER" -> {
                    if ("TEXT".equalsIgnoreCase(c.path("format").asText("TEXT"))) {
                        header = Fields.text(c, "text");
                        examples(c.path("example"), "header_text", headerExamples);
                    }
                }
                case "BODY" -> {
                    body = c.path("text").asText("");
                    examples(c.path("example"), "body_text", bodyExamples);
                }
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
                buttons,
                bodyExamples,
                headerExamples);
    }

    /** Meta's examples: {@code body_text: [["a", "b"]]} (positional) or {@code body_text_named_params}. */
    private static void examples(JsonNode example, String field, List<String> into) {
        JsonNode positional = example.path(field);
        JsonNode first = positional.isArray() && positional.path(0).isArray() ? positional.path(0) : positional;
        first.forEach(v -> into.add(v.asText("")));
        example.path(field + "_named_params")
                .forEach(p -> into.add(p.path("example").asText("")));
    }

    public boolean approved() {
        return "approved".equals(status);
    }

    /** The body's placeholders, each once: {{1}}, {{2}} in number order, or names in order of appearance. */
    public List<String> bodyPlaceholders() {
        return placeholders(body);
    }

    /** The text header's placeholders (none without a text header). */
    public List<String> headerPlaceholders() {
        return header == null ? List.of() : placeholders(header);
    }

    /** How many values the body needs. */
    public int variables() {
        return bodyPlaceholders().size();
    }

    /** The body with each placeholder replaced by its value; one without a value stays as it is. */
    public String render(List<String> values) {
        return fill(body, bodyPlaceholders(), values);
    }

    /** The header, filled the same way; null without a text header. */
    public String renderHeader(List<String> values) {
        return header == null ? null : fill(header, headerPlaceholders(), values);
    }

    /** "{{1}}" or "{{first_name}}", as a label for the value's field. */
    public static String label(String placeholder) {
        return "{{" + placeholder + "}}";
    }

    /** Meta's example for the {@code i}-th body placeholder, or empty. */
    public String bodyExample(int i) {
        return i < bodyExamples.size() ? bodyExamples.get(i) : "";
    }

    public String headerExample(int i) {
        return i < headerExamples.size() ? headerExamples.get(i) : "";
    }

    /** "application_follow_up" → "Application follow up (en_US)". */
    public String label() {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " (" + language + ")";
    }

    private static List<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        List<String> list = new ArrayList<>(found);
        if (!list.isEmpty() && list.stream().allMatch(p -> p.matches("\\d+"))) {
            list.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        }
        return list;
    }

    private static String fill(String text, List<String> placeholders, List<String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = placeholders.indexOf(m.group(1));
            String value = i >= 0 && i < values.size() && !values.get(i).isBlank() ? values.get(i) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
