package com.recruitdesk.protocol.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Json;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrescreenScoringTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static JsonNode rule(String json) {
        try {
            return json == null ? null : Json.newMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static PrescreenScoring.Question q(
            String type, String rule, List<String> choices, boolean mustHave, int weight) {
        return new PrescreenScoring.Question(
                UUID.randomUUID(), "ps_q", "Question?", type, true, mustHave, weight, rule(rule), choices);
    }

    @ParameterizedTest(name = "{0} {1} answered \"{3}\"")
    @CsvSource(delimiter = '|', textBlock = """
            number       | {"min": 3, "max": 10}      |                      | 5 years          | true  | 40 | 5 is within 3–10
            number       | {"min": 3}                 |                      | 12,000           | true  | 40 | 12000 is at least 3
            number       | {"max": 30}                |                      | 45 days          | false | 0  | 45 is above the maximum of 30
            date         | {"withinDays": 30}         |                      | 2026-12-20       | true  | 40 | 2026-12-20 is within the dates wanted
            date         | {"withinDays": 30}         |                      | 15/02/2027       | false | 0  | 2027-02-15 is more than 30 days away
            choice       | {"accept": ["Yes"]}        | Yes;No               | yes              | true  | 40 | "Yes" is an accepted answer
            choice       | {"accept": ["Yes"]}        | Yes;No               | No               | false | 0  | "No" is not an accepted answer (Yes)
            choice       |                            | Yes;No               | No               | true  | 40 | any choice counts
            multi_choice | {"accept": ["A", "B"]}     | A;B;C                | a, c             | true  | 20 | 1 of the 2 wanted
            multi_choice | {"accept": ["A", "B"], "minAccepted": 2} | A;B;C  | a, c             | false | 0  | 1 of the 2 wanted (A, B), at least 2 needed
            text         | {"minLength": 4}           |                      | Durban           | true  | 40 | answered
            text         | {"pattern": "@"}           |                      | no email         | false | 0  | does not match what is asked
            """)
    void answersAreReadAgainstTheirRule(
            String type, String rule, String choices, String raw, boolean passed, int points, String why) {
        var question = q(type, rule, choices == null ? List.of() : List.of(choices.split(";")), false, 40);

        PrescreenScoring.Normalised n = PrescreenScoring.normalise(question, raw, TODAY);

        assertThat(n.passed()).isEqualTo(passed);
        assertThat(n.points()).isEqualTo(points);
        assertThat(n.why()).isEqualTo(why);
    }

    @ParameterizedTest(name = "{0} answered \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            choice       | Yes;No | Maybe       | "Maybe" is not one of the choices: Yes, No.
            multi_choice | A;B    | A, Z        | "Z" is not one of the choices: A, B.
            number       |        | a few       | "a few" is not a number.
            date         |        | next Monday | "next Monday" is not a date (write it as 2026-03-31).
            text         |        | '  '        | The answer is empty.
            """)
    void anAnswerThatCannotBeReadSaysWhy(String type, String choices, String raw, String problem) {
        var question = q(type, null, choices == null ? List.of() : List.of(choices.split(";")), false, 10);

        assertThat(PrescreenScoring.problem(question, raw)).contains(problem);
    }

    @Test
    void theScoreIsThePointsOverEveryWeightAndAFailedMustHaveIsNamed() {
        var licence = q("choice", "{\"accept\": [\"Yes\"]}", List.of("Yes", "No"), true, 50);
        var notice = q("number", "{\"max\": 30}", List.of(), false, 30);
        var city = new PrescreenScoring.Question(
                UUID.randomUUID(), "ps_city", "City?", "text", false, false, 20, null, List.of());

        var e = PrescreenScoring.explain(
                List.of(licence, notice, city), Map.of(licence.id(), "No", notice.id(), "14"), TODAY);

        assertThat(e.score()).as("30 of 100").isEqualTo(30);
        assertThat(e.complete()).as("the unanswered one is not required").isTrue();
        assertThat(e.failedMustHaves()).containsExactly("ps_q");
        assertThat(e.lines().get(0).why()).startsWith("must-have failed: ");
        assertThat(e.lines().get(2).why()).isEqualTo("not answered yet");
    }
}
