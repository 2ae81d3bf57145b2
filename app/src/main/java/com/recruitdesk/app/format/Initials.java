package com.recruitdesk.app.format;

import java.util.Locale;

/** Two letters for an avatar: the first letters of the first and last word. */
public final class Initials {
    private Initials() {}

    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] words = name.strip().split("\\s+");
        String first = firstLetter(words[0]);
        String last = words.length > 1 ? firstLetter(words[words.length - 1]) : "";
        String result = (first + last).toUpperCase(Locale.ROOT);
        return result.isEmpty() ? "?" : result;
    }

    private static String firstLetter(String word) {
        return word.codePoints().filter(Character::isLetterOrDigit).findFirst().stream()
                .mapToObj(Character::toString)
                .findFirst()
                .orElse("");
    }
}
