package com.recruitdesk.server.cohorts;

import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.cohorts.StudentData;
import com.recruitdesk.server.platform.sync.Rejection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The checks of the Cohorts mutators' arguments, each a sentence when it fails. */
final class Checks {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Checks() {}

    static String oneOf(String value, List<String> allowed, String what) {
        if (value == null || !allowed.contains(value)) {
            throw Rejection.invalid(what + " is one of " + String.join(", ", allowed) + ".");
        }
        return value;
    }

    /** Optional text: null or blank is null, else stripped and at most {@code max} characters. */
    static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw Rejection.invalid("The " + field + " is longer than " + max + " characters.");
        }
        return value.strip();
    }

    static String email(String value) {
        String email = optional(value, "email address", 254);
        if (email == null) {
            return null;
        }
        email = email.toLowerCase(Locale.ROOT);
        if (email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1 || email.contains(" ")) {
            throw Rejection.invalid("'" + value + "' is not an email address.");
        }
        return email;
    }

    static String whatsapp(String value) {
        String number = optional(value, "WhatsApp number", 20);
        if (number != null && !E164.matcher(number).matches()) {
            throw Rejection.invalid("A WhatsApp number is written with + and the country code, such as +27821234567.");
        }
        return number;
    }

    static String sha256(String value) {
        if (value == null || !HEX.matcher(value).matches()) {
            throw Rejection.invalid("A decision names the SHA-256 of the file viewed (64 lowercase hex digits).");
        }
        return value;
    }

    /** Seed 004's demographics as they are stored, or the sentence {@link StudentData} finds wrong with them. */
    static java.util.Map<String, Object> studentData(java.util.Map<String, String> given) {
        StudentData.problem(given).ifPresent(p -> {
            throw Rejection.invalid(p);
        });
        return StudentData.stored(given);
    }

    /** A non-empty list of distinct document types. */
    static List<String> documentTypes(List<String> types) {
        if (types.isEmpty()) {
            throw Rejection.invalid("A cohort asks for at least one document.");
        }
        if (new HashSet<>(types).size() != types.size()) {
            throw Rejection.invalid("A cohort's list of required documents names each type once.");
        }
        for (String t : types) {
            oneOf(t, CohortRules.DOCUMENT_TYPES, "A required document");
        }
        return List.copyOf(types);
    }
}
