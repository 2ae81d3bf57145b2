package com.recruitdesk.protocol.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demographics rule the desktop and the server both apply. */
class StudentDataTest {
    @Test
    void everyFieldIsOptionalAndBlankIsNoValue() {
        Map<String, String> blank = new HashMap<>();
        blank.put("age", " ");
        blank.put("gender", null);
        blank.put("city", "");

        assertThat(StudentData.problem(blank)).isEmpty();
        assertThat(StudentData.problem(null)).isEmpty();
        assertThat(StudentData.stored(blank)).isEmpty();
    }

    @Test
    void storedValuesAreStrippedInTheFormsOrderWithTheAgeANumber() {
        var stored =
                StudentData.stored(Map.of("city", "  Soweto ", "age", " 21", "disability", "none", "race", "african"));

        assertThat(stored.keySet()).containsExactly("age", "race", "city", "disability");
        assertThat(stored.get("age")).isEqualTo(21);
        assertThat(stored.get("city")).isEqualTo("Soweto");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            age        | 14       | between 15 and 80, not 14
            age        | 81       | between 15 and 80, not 81
            age        | 21.5     | a whole number of years, not '21.5'
            gender     | Female   | The student's gender is one of female, male, non_binary, undisclosed, not 'Female'
            race       | black    | The student's race is one of african, coloured, indian, white, other, undisclosed
            disability | deaf     | The student's disability is one of none, sight, hearing
            religion   | none     | Student data holds only age, gender, race, city, disability, not 'religion'.
            """)
    void aWrongValueIsNamedInASentence(String field, String value, String sentence) {
        assertThat(StudentData.problem(Map.of(field, value)))
                .hasValueSatisfying(p -> assertThat(p).contains(sentence));
    }

    @Test
    void aCityOfAHundredCharactersIsTakenAndOneMoreIsNot() {
        assertThat(StudentData.problem(Map.of("city", "x".repeat(100)))).isEmpty();
        assertThat(StudentData.problem(Map.of("city", "x".repeat(101))))
                .contains("The city is longer than 100 characters.");
    }

    @Test
    void everyListedValueHasWordsForTheForm() {
        StudentData.CHOICES.forEach((field, values) -> values.forEach((value, words) -> {
            assertThat(StudentData.problem(Map.of(field, value))).isEmpty();
            assertThat(words).isNotBlank();
        }));
    }
}
