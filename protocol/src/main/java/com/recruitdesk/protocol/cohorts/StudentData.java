package com.recruitdesk.protocol.cohorts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 004's student demographics (age, gender, race, city, disability) as both ends check them: the
 * desktop before it queues an enrolment or an edit, the server before it stores one. Every field is
 * optional; a field given must hold one of its values (the South African employment-equity groups for
 * race) or, for age, a whole number of years a student can be.
 */
public final class StudentData {
    private StudentData() {}

    public static final String AGE = "age";
    public static final String GENDER = "gender";
    public static final String RACE = "race";
    public static final String CITY = "city";
    public static final String DISABILITY = "disability";

    /** The only keys {@code student_data} takes, in the order forms show them. */
    public static final List<String> FIELDS = List.of(AGE, GENDER, RACE, CITY, DISABILITY);

    public static final int MIN_AGE = 15;
    public static final int MAX_AGE = 80;
    public static final int MAX_CITY = 100;

    /** The values of the fields that take one from a list, each with the words a form shows. */
    public static final Map<String, Map<String, String>> CHOICES = Map.of(
            GENDER,
            ordered(
                    "female",
                    "Female",
                    "male",
                    "Male",
                    "non_binary",
                    "Non-binary",
                    "undisclosed",
                    "Prefers not to say"),
            RACE,
            ordered(
                    "african",
                    "African",
                    "coloured",
                    "Coloured",
                    "indian",
                    "Indian",
                    "white",
                    "White",
                    "other",
                    "Other",
                    "undisclosed",
                    "Prefers not to say"),
            DISABILITY,
            ordered(
                    "none",
                    "None",
                    "sight",
                    "Sight",
                    "hearing",
                    "Hearing",
                    "physical",
                    "Physical",
                    "intellectual",
                    "Intellectual",
                    "psychosocial",
                    "Psychosocial",
                    "other",
                    "Other",
                    "undisclosed",
                    "Prefers not to say"));

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** What a form calls {@code field}. */
    public static String fieldLabel(String field) {
        return switch (field) {
            case AGE -> "Age";
            case GENDER -> "Gender";
            case RACE -> "Race";
            case CITY -> "City";
            case DISABILITY -> "Disability";
            default -> field;
        };
    }

    /** The words for {@code value} of {@code field} (the value itself when it has none). */
    public static String valueLabel(String field, String value) {
        return CHOICES.getOrDefault(field, Map.of()).getOrDefault(value, value);
    }

    /** Why {@code data} cannot be stored, in a sentence; empty when it can. Null and blank values are no value. */
    public static Optional<String> problem(Map<String, String> data) {
        if (data == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> e : data.entrySet()) {
            String field = e.getKey();
            if (!FIELDS.contains(field)) {
                return Optional.of("Student data holds only " + String.join(", ", FIELDS) + ", not '" + field + "'.");
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            Optional<String> wrong = switch (field) {
                case AGE -> age(value);
                case CITY ->
                    value.length() > MAX_CITY
                            ? Optional.of("The city is longer than " + MAX_CITY + " characters.")
                            : Optional.empty();
                default ->
                    CHOICES.get(field).containsKey(value)
                            ? Optional.empty()
                            : Optional.of("The student's " + field + " is one of "
                                    + String.join(", ", CHOICES.get(field).keySet()) + ", not '" + value + "'.");
            };
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> age(String value) {
        int age;
        try {
            age = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return Optional.of("The student's age is a whole number of years, not '" + value + "'.");
        }
        return age < MIN_AGE || age > MAX_AGE
                ? Optional.of("The student's age is between " + MIN_AGE + " and " + MAX_AGE + ", not " + age + ".")
                : Optional.empty();
    }

    /**
     * {@code data} as it is stored, once {@link #problem} found nothing: blank values left out, text
     * stripped, the age a number.
     */
    public static Map<String, Object> stored(Map<String, String> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (data == null) {
            return out;
        }
        for (String field : FIELDS) {
            String value = data.get(field) == null ? "" : data.get(field).strip();
            if (!value.isEmpty()) {
                out.put(field, field.equals(AGE) ? Integer.valueOf(value) : value);
            }
        }
        return out;
    }
}
