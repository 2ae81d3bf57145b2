package com.recruitdesk.protocol.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for a person added by hand ({@code candidate.addToJob}): a name, and a phone number in
 * E.164 or an email address (the one a person is found by again); both ends check with this class,
 * the desktop as it is typed, the server before it writes.
 */
public final class NewPerson {
    public static final int MAX_NAME = 200;

    /** E.164, as the candidates table checks it: a plus, a country code not starting with 0, 7–15 digits. */
    public static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private NewPerson() {}

    /** A number as typed ("+27 82 555-0101") as E.164 ("+27825550101"); null or blank: null. */
    public static String phone(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return typed.strip().replaceAll("[\\s().-]", "");
    }

    /** An address as typed, trimmed and lower-cased; null or blank: null. */
    public static String email(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip().toLowerCase(Locale.ROOT);
    }

    /** What is wrong with the person as given (already through {@link #phone} and {@link #email}); empty: nothing. */
    public static List<String> problems(String fullName, String phone, String email) {
        List<String> problems = new ArrayList<>();
        if (fullName == null || fullName.isBlank()) {
            problems.add("The person needs a name.");
        } else if (fullName.strip().length() > MAX_NAME) {
            problems.add("The name is longer than " + MAX_NAME + " characters.");
        }
        if (phone == null && email == null) {
            problems.add("Give a phone number or an email address, so the person can be found again.");
        }
        if (phone != null && !E164.matcher(phone).matches()) {
            problems.add("The phone number must be in international form, a plus and the country code first"
                    + " (+27 82 555 0101).");
        }
        if (email != null
                && (email.length() > FieldSpec.MAX_LINE || !EMAIL.matcher(email).matches())) {
            problems.add("The email address is not one (name@example.com).");
        }
        return problems;
    }
}
