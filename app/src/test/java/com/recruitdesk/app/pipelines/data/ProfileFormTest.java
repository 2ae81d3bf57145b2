package com.recruitdesk.app.pipelines.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile form: only what changed is sent, each value checked by the rule the server applies. */
class ProfileFormTest {
    private static ObjectNode person() {
        ObjectNode p = JsonNodeFactory.instance
                .objectNode()
                .put("fullName", "Asha Rao")
                .put("noticePeriodDays", 30)
                .put("currentCtc", 1_200_000)
                .put("currency", "INR")
                .put("totalExperienceYears", 4.5)
                .put("isCtcNegotiable", true);
        p.putArray("skills").add("Java").add("SQL");
        return p;
    }

    private static Map<String, String> typed(Map<String, String> changes) {
        Map<String, String> t = ProfileForm.texts(person());
        t.putAll(changes);
        return t;
    }

    @Test
    void theFormStartsFromTheRowWithListsCommaSeparated() {
        Map<String, String> t = ProfileForm.texts(person());

        assertThat(t.get("skills")).isEqualTo("Java, SQL");
        assertThat(t.get("totalExperienceYears")).isEqualTo("4.5");
        assertThat(t.get("isCtcNegotiable")).isEqualTo("true");
        assertThat(t.get("hasDrivingLicense")).as("no answer is unticked").isEqualTo("false");
        assertThat(ProfileForm.check(person(), t).changes().isEmpty())
                .as("nothing typed, nothing sent")
                .isTrue();
    }

    @Test
    void onlyTheChangedFieldsAreSentAsWireValues() {
        JobForm.Checked c = ProfileForm.check(
                person(),
                typed(Map.of(
                        "noticePeriodDays", "60",
                        "skills", "Java,  SQL , Kotlin,",
                        "currentCtc", "14,00,000",
                        "alternateEmail", "Asha.Rao@Example.COM",
                        "totalExperienceYears", "4.50")));

        assertThat(c.problems()).isEmpty();
        assertThat(c.changes().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("noticePeriodDays", "skills", "currentCtc", "alternateEmail");
        assertThat(c.changes().path("noticePeriodDays").asInt()).isEqualTo(60);
        assertThat(c.changes().path("skills").toString()).isEqualTo("[\"Java\",\"SQL\",\"Kotlin\"]");
        assertThat(c.changes().path("currentCtc").asLong()).isEqualTo(1_400_000);
        assertThat(c.changes().path("alternateEmail").asText()).isEqualTo("asha.rao@example.com");
    }

    @Test
    void aClearedFieldIsSentAsNull() {
        JobForm.Checked c = ProfileForm.check(person(), typed(Map.of("currency", "  ", "skills", "")));

        assertThat(c.changes().get("currency").isNull()).isTrue();
        assertThat(c.changes().get("skills").isNull()).isTrue();
    }

    @Test
    void badValuesAreRefusedInTheServersWords() {
        Map<String, String> t = typed(Map.of(
                "noticePeriodDays", "900",
                "currency", "rupees",
                "currentCtc", "12 lakh",
                "availabilityDate", "next week",
                "yearOfPassing", "-1"));

        assertThat(ProfileForm.check(person(), t).problems())
                .containsExactlyInAnyOrder(
                        "The year of passing cannot be negative.",
                        "The notice period (days) is at most 365.",
                        "The available from must be a date (yyyy-mm-dd).",
                        "The current CTC must be a whole number.",
                        "The currency \"rupees\" is not in the expected form.");
        assertThat(ProfileForm.wrongFields(person(), t))
                .containsExactlyInAnyOrder(
                        "noticePeriodDays", "currency", "currentCtc", "availabilityDate", "yearOfPassing");
    }

    @Test
    void anOldValueTheRulesNowRefuseDoesNotStopAnEditOfAnotherField() {
        ObjectNode old = person().put("currency", "rupees");
        Map<String, String> t = ProfileForm.texts(old);
        t.put("noticePeriodDays", "45");

        JobForm.Checked c = ProfileForm.check(old, t);
        assertThat(c.problems()).isEmpty();
        assertThat(c.changes().fieldNames()).toIterable().containsExactly("noticePeriodDays");
    }
}
