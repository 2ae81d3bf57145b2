package com.recruitdesk.protocol.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.Json;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule of a prescreen question, as the desktop's editor and the server apply it. */
class PrescreenQuestionRulesTest {
    private static PipelineMutations.SavePrescreenQuestion q(
            String qid, String text, String type, int weight, String rule, String choices) {
        try {
            return new PipelineMutations.SavePrescreenQuestion(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    qid,
                    text,
                    type,
                    true,
                    false,
                    weight,
                    rule == null ? null : (ObjectNode) Json.newMapper().readTree(rule),
                    choices == null ? List.of() : Arrays.asList(choices.split(";")),
                    1);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aWholeQuestionHasNoProblem() {
        assertThat(PrescreenQuestionRules.problems(
                        q("ps_licence", "Driver's licence?", "choice", 40, "{\"accept\": [\"yes\"]}", "Yes; No")))
                .isEmpty();
        assertThat(PrescreenQuestionRules.problems(
                        q("ps_notice", "Notice in days?", "number", 1, "{\"max\": 30}", null)))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            weight 0           | ps_a | Q? | number       | 0   | -                       | -       | A question's weight is from 1 to 100.
            weight 101         | ps_a | Q? | number       | 101 | -                       | -       | A question's weight is from 1 to 100.
            empty qid          | ''   | Q? | number       | 10  | -                       | -       | The question id is empty (such as ps_notice_period).
            bad qid            | PS A | Q? | number       | 10  | -                       | -       | A question id is lowercase letters, digits and '_', starting with a letter (such as ps_notice_period).
            empty question     | ps_a | '' | number       | 10  | -                       | -       | The question is empty.
            unknown type       | ps_a | Q? | slider       | 10  | -                       | -       | A question's type is one of text, number, date, choice, multi_choice.
            choice, no choices | ps_a | Q? | choice       | 10  | -                       | ' ; '   | A choice question needs its choices.
            number, choices    | ps_a | Q? | number       | 10  | -                       | A;B     | Only a choice question has choices.
            a choice twice     | ps_a | Q? | multi_choice | 10  | -                       | A;a     | Each choice is offered once.
            min over max       | ps_a | Q? | number       | 10  | {"min": 5, "max": 2}    | -       | The rule's minimum is more than its maximum.
            max not a number   | ps_a | Q? | number       | 10  | {"max": "thirty"}       | -       | The rule's max must be a number.
            accept not offered | ps_a | Q? | choice       | 10  | {"accept": ["Maybe"]}   | Yes;No  | The accepted answer "Maybe" is not one of the choices.
            bad pattern        | ps_a | Q? | text         | 10  | {"pattern": "("}        | -       | The rule's pattern is not a valid regular expression.
            """)
    void eachProblemIsSaidInItsSentence(
            String what, String qid, String text, String type, int weight, String rule, String choices, String said) {
        assertThat(PrescreenQuestionRules.problems(q(qid, text, type, weight, rule, choices)))
                .containsExactly(said);
    }

    @Test
    void aQidAnotherQuestionOfTheJobHasIsTaken() {
        assertThat(PrescreenQuestionRules.qidTaken("ps_a", List.of("ps_b", "ps_a")))
                .contains("The job has a question ps_a already.");
        assertThat(PrescreenQuestionRules.qidTaken("ps_c", List.of("ps_b", "ps_a")))
                .isEmpty();
    }
}
