package com.recruitdesk.protocol.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateDraftTest {
    private static AdminMutations.CreateTemplate draft(
            String header,
            List<String> headerExamples,
            String body,
            List<String> bodyExamples,
            String footer,
            List<String> replies) {
        return new AdminMutations.CreateTemplate(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "shift_reminder",
                "en",
                "utility",
                header,
                headerExamples,
                body,
                bodyExamples,
                footer,
                replies);
    }

    @Test
    void aGoodTemplateBecomesMetasComponentsInMetasOrder() {
        var t = draft(
                "Shift on {{1}}",
                List.of("Friday"),
                "Hi {{1}}, see you at {{2}}.",
                List.of("Sipho", "06:00"),
                "RecruitDesk",
                List.of("OK"));

        assertThat(TemplateDraft.problem(t)).isEmpty();
        assertThat(TemplateDraft.components(t).toString())
                .isEqualTo(
                        "[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Shift on {{1}}\",\"example\":{\"header_text\":[\"Friday\"]}},"
                                + "{\"type\":\"BODY\",\"text\":\"Hi {{1}}, see you at {{2}}.\",\"example\":{\"body_text\":[[\"Sipho\",\"06:00\"]]}},"
                                + "{\"type\":\"FOOTER\",\"text\":\"RecruitDesk\"},"
                                + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"OK\"}]}]");
        assertThat(TemplateDraft.variables("Hi {{1}}, see you at {{2}}.")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            two header variables | Shift {{1}} {{2}} | A B | Hi    |        | The header may have at most 1 variable
            a footer variable    |                   |     | Hi    | {{1}}  | A footer cannot have variables
            a blank example      |                   |     | Hi {{1}} |     | give 1 for the body
            """)
    void whatMetaWouldRefuseIsSaid(
            String why, String header, String headerExamples, String body, String footer, String reason) {
        var t = draft(
                header,
                headerExamples == null ? List.of() : List.of(headerExamples.split(" ")),
                body,
                List.of(),
                footer,
                List.of());

        assertThat(TemplateDraft.problem(t)).get().asString().contains(reason);
    }

    @Test
    void atMostTenQuickRepliesOfTwentyFiveCharacters() {
        assertThat(TemplateDraft.problem(draft(null, null, "Hi", null, null, Collections.nCopies(11, "Yes"))))
                .get()
                .asString()
                .contains("at most 10 quick replies");
        assertThat(TemplateDraft.problem(draft(null, null, "Hi", null, null, List.of("x".repeat(26)))))
                .get()
                .asString()
                .contains("1 to 25 characters");
    }
}
