package com.recruitdesk.app.conversations.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Templates as Meta's template list describes them (components with examples), positional and named. */
class TemplateTest {
    private static Template parse(String components) throws Exception {
        ObjectNode row = (ObjectNode) Json.newMapper().readTree("""
                {"id": "6c0a7a3e-6f2b-4cc1-9d2c-1f3b5c7d9e11", "whatsappAccountId": "6c0a7a3e-6f2b-4cc1-9d2c-1f3b5c7d9e12",
                 "name": "interview_reminder", "language": "en_US", "category": "utility", "status": "approved",
                 "components": %s}""".formatted(components));
        return Template.from(row);
    }

    @Test
    void positionalPlaceholdersAreFilledInNumberOrderWithMetasExamplesAsHints() throws Exception {
        Template t = parse("""
                [{"type": "HEADER", "format": "TEXT", "text": "Interview for {{1}}",
                  "example": {"header_text": ["Warehouse Supervisor"]}},
                 {"type": "BODY", "text": "Hi {{1}}, see you on {{3}} at {{2}}. Bye {{1}}!",
                  "example": {"body_text": [["Thandi", "09:00", "Thursday"]]}},
                 {"type": "FOOTER", "text": "Reply STOP to opt out"},
                 {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Confirm"}]}]""");

        assertThat(t.bodyPlaceholders()).containsExactly("1", "2", "3");
        assertThat(t.headerPlaceholders()).containsExactly("1");
        assertThat(t.render(List.of("Sipho", "10:30", "Friday")))
                .isEqualTo("Hi Sipho, see you on Friday at 10:30. Bye Sipho!");
        assertThat(t.render(List.of("Sipho"))).isEqualTo("Hi Sipho, see you on {{3}} at {{2}}. Bye Sipho!");
        assertThat(t.renderHeader(List.of("the night shift"))).isEqualTo("Interview for the night shift");
        assertThat(t.bodyExample(2)).isEqualTo("Thursday");
        assertThat(t.headerExample(0)).isEqualTo("Warehouse Supervisor");
        assertThat(t.footer()).isEqualTo("Reply STOP to opt out");
        assertThat(t.buttons()).containsExactly("Confirm");
    }

    @Test
    void namedPlaceholdersKeepTheirOrderOfAppearance() throws Exception {
        Template t = parse("""
                [{"type": "BODY", "text": "Hi {{first_name}}, your {{job}} interview is confirmed, {{first_name}}.",
                  "example": {"body_text_named_params": [{"param_name": "first_name", "example": "Jessica"},
                                                         {"param_name": "job", "example": "casting"}]}}]""");

        assertThat(t.bodyPlaceholders()).containsExactly("first_name", "job");
        assertThat(t.variables()).isEqualTo(2);
        assertThat(t.render(List.of("Lerato", "runway")))
                .isEqualTo("Hi Lerato, your runway interview is confirmed, Lerato.");
        assertThat(t.bodyExample(0)).isEqualTo("Jessica");
        assertThat(t.headerPlaceholders()).isEmpty();
        assertThat(t.renderHeader(List.of())).isNull();
    }

    @Test
    void aMediaHeaderNeedsNoText() throws Exception {
        Template t = parse("""
                [{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW..."]}},
                 {"type": "BODY", "text": "Your new uniform is ready."}]""");

        assertThat(t.header()).isNull();
        assertThat(t.approved())
                .as("not offered: this app cannot send a media header yet")
                .isFalse();
        assertThat(t.headerPlaceholders()).isEmpty();
        assertThat(t.bodyPlaceholders()).isEmpty();
    }
}
