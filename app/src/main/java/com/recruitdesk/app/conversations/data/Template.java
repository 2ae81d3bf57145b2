package com.recruitdesk.app.conversations.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.whatsapp.TemplateShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An approved WhatsApp template of one number: what the composer offers outside the 24-hour window.
 * Which values it needs comes from the protocol's {@link TemplateShape}, the server's own reading:
 * positional ({{1}}, {{2}}) or named ({{first_name}}) placeholders of the body and a text header.
 * Meta's example values, when the template has them, hint what to type.
 */
public record Template(
        UUID id,
        UUID accountId,
        String name,
        String language,
        String category,
        String status,
        TemplateShape shape,
        String footer,
        List<String> buttons,
        List<String> bodyExamples,
        List<String> headerExamples) {

    public Template {
        buttons = List.copyOf(buttons);
        bodyExamples = List.copyOf(bodyExamples);
        headerExamples = List.copyOf(headerExamples);
    }

    static Template from(JsonNode row) {
        String footer = null;
        List<String> buttons = new ArrayList<>();
        List<String> bodyExamples = new ArrayList<>();
        List<String> headerExamples = new ArrayList<>();
        for (JsonNode c : row.path("components")) {
            switch (c.path("type").asText("").toUpperCase(Locale.ROOT)) {
                case "HEADER" -> examples(c.path("example"), "header_text", headerExamples);
                case "BODY" -> examples(c.path("example"), "body_text", bodyExamples);
                case "FOOTER" -> footer = RowValues.text(c, "text");
                case "BUTTONS" ->
                    c.path("buttons").forEach(b -> buttons.add(b.path("text").asText("")));
                default -> {}
            }
        }
        return new Template(
                RowValues.uuid(row, "id"),
                RowValues.uuid(row, "whatsappAccountId"),
                RowValues.text(row, "name"),
                RowValues.text(row, "language"),
                RowValues.text(row, "category"),
                RowValues.text(row, "status"),
                TemplateShape.of(row.path("components")),
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

    /** Approved, and of a shape this app can send (no media header, no button that needs a value). */
    public boolean approved() {
        return "approved".equals(status) && shape.unsupported().isEmpty();
    }

    /** The text header, or null without one. */
    public String header() {
        return shape.header();
    }

    public String body() {
        return shape.body();
    }

    public List<String> bodyPlaceholders() {
        return shape.bodyPlaceholders();
    }

    public List<String> headerPlaceholders() {
        return shape.headerPlaceholders();
    }

    /** How many values the body needs. */
    public int variables() {
        return bodyPlaceholders().size();
    }

    /** The body with each placeholder replaced by its value; one without a value stays as it is. */
    public String render(List<String> values) {
        return TemplateShape.render(body(), bodyPlaceholders(), values);
    }

    /** The header, filled the same way; null without a text header. */
    public String renderHeader(List<String> values) {
        return header() == null ? null : TemplateShape.render(header(), headerPlaceholders(), values);
    }

    /** The whole text as the server stores it: the header, a blank line, the body. */
    public String renderAll(List<String> bodyValues, List<String> headerValues) {
        String body = render(bodyValues);
        return header() == null || header().isBlank() ? body : renderHeader(headerValues) + "\n\n" + body;
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
}
