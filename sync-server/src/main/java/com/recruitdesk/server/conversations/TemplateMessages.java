package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.whatsapp.TemplateShape;
import java.util.List;
import java.util.UUID;

/**
 * A template line as the sender task sends it: the rendered text (a text header, a blank line, the
 * body) and {@code payload.template} with the values in Meta's order. {@code conversation.sendTemplate}
 * and the messages other features send a person (an interview's invitation, say) both queue theirs
 * through it.
 */
public final class TemplateMessages {
    private TemplateMessages() {}

    /**
     * {@code line} (its conversation, sender and status set) becomes the template {@code template}
     * (its row as {@code to_jsonb}) filled with {@code variables} and {@code headerVariables}, which
     * must match {@code shape}'s placeholders.
     */
    public static MessageRow fill(
            ObjectMapper mapper,
            MessageRow line,
            ObjectNode template,
            TemplateShape shape,
            List<String> variables,
            List<String> headerVariables) {
        String rendered = TemplateShape.render(shape.body(), shape.bodyPlaceholders(), variables);
        if (shape.header() != null && !shape.header().isBlank()) {
            rendered = TemplateShape.render(shape.header(), shape.headerPlaceholders(), headerVariables) + "\n\n"
                    + rendered;
        }
        ObjectNode payload = mapper.createObjectNode();
        ObjectNode t = payload.putObject("template");
        t.put("name", template.path("name").asText());
        t.put("language", template.path("language").asText());
        variables.forEach(t.putArray("bodyParameters")::add);
        if (!headerVariables.isEmpty()) {
            headerVariables.forEach(t.putArray("headerParameters")::add);
        }
        if (shape.named()) {
            // Meta wants each value of a named template under its name (parameter_name).
            shape.bodyPlaceholders().forEach(t.putArray("bodyParameterNames")::add);
            shape.headerPlaceholders().forEach(t.putArray("headerParameterNames")::add);
        }
        return line.type("template")
                .body(rendered)
                .payload(payload)
                .templateId(UUID.fromString(template.path("id").asText()));
    }
}
