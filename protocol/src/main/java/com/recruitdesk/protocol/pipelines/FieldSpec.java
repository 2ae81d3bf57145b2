package com.recruitdesk.protocol.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One editable field of a row, as both ends read it: its wire name (camelCase), its column, its kind
 * and limits, and the label a person knows it by. The desktop checks an edit with {@link #problem}
 * before it queues it; the server checks the same and writes {@link #column}.
 *
 * @param allowed the values a {@link Kind#CHOICE} may take (empty for other kinds)
 * @param max the longest text, or the largest number (0: no limit)
 * @param pattern a regular expression text must match (null: any)
 */
public record FieldSpec(
        String name, String column, Kind kind, String label, List<String> allowed, long max, String pattern) {
    /** What a field holds. */
    public enum Kind {
        TEXT,
        CHOICE,
        INTEGER,
        MONEY,
        DECIMAL,
        DATE,
        BOOLEAN,
        TEXT_LIST,
        ID
    }

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_LINE = 500;
    public static final int MAX_LIST = 100;

    public FieldSpec {
        allowed = List.copyOf(allowed);
    }

    public static FieldSpec text(String name, String column, String label, int max) {
        return new FieldSpec(name, column, Kind.TEXT, label, List.of(), max, null);
    }

    public static FieldSpec line(String name, String column, String label) {
        return text(name, column, label, MAX_LINE);
    }

    public static FieldSpec matching(String name, String column, String label, String pattern) {
        return new FieldSpec(name, column, Kind.TEXT, label, List.of(), MAX_LINE, pattern);
    }

    public static FieldSpec choice(String name, String column, String label, List<String> allowed) {
        return new FieldSpec(name, column, Kind.CHOICE, label, allowed, 0, null);
    }

    public static FieldSpec integer(String name, String column, String label, long max) {
        return new FieldSpec(name, column, Kind.INTEGER, label, List.of(), max, null);
    }

    public static FieldSpec money(String name, String column, String label) {
        return new FieldSpec(name, column, Kind.MONEY, label, List.of(), 0, null);
    }

    public static FieldSpec decimal(String name, String column, String label, long max) {
        return new FieldSpec(name, column, Kind.DECIMAL, label, List.of(), max, null);
    }

    public static FieldSpec date(String name, String column, String label) {
        return new FieldSpec(name, column, Kind.DATE, label, List.of(), 0, null);
    }

    public static FieldSpec bool(String name, String column, String label) {
        return new FieldSpec(name, column, Kind.BOOLEAN, label, List.of(), 0, null);
    }

    public static FieldSpec list(String name, String column, String label) {
        return new FieldSpec(name, column, Kind.TEXT_LIST, label, List.of(), MAX_LINE, null);
    }

    public static FieldSpec id(String name, String column, String label) {
        return new FieldSpec(name, column, Kind.ID, label, List.of(), 0, null);
    }

    /** What is wrong with {@code value} for this field, in a sentence; empty when it is fine. Null and JSON null clear it. */
    public Optional<String> problem(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return switch (kind) {
            case TEXT -> {
                if (!value.isTextual()) {
                    yield wrong("text");
                }
                String text = value.asText();
                if (max > 0 && text.length() > max) {
                    yield Optional.of("The " + label + " is longer than " + max + " characters.");
                }
                if (pattern != null && !text.isEmpty() && !Pattern.matches(pattern, text)) {
                    yield Optional.of("The " + label + " \"" + text + "\" is not in the expected form.");
                }
                yield Optional.empty();
            }
            case CHOICE ->
                value.isTextual() && allowed.contains(value.asText())
                        ? Optional.empty()
                        : Optional.of("The " + label + " is one of " + String.join(", ", allowed) + ".");
            case INTEGER, MONEY -> {
                if (!value.canConvertToLong() || !value.isIntegralNumber()) {
                    yield wrong("whole number");
                }
                long n = value.asLong();
                if (n < 0) {
                    yield Optional.of("The " + label + " cannot be negative.");
                }
                yield max > 0 && n > max ? Optional.of("The " + label + " is at most " + max + ".") : Optional.empty();
            }
            case DECIMAL -> {
                if (!value.isNumber()) {
                    yield wrong("number");
                }
                BigDecimal n = value.decimalValue();
                if (n.signum() < 0) {
                    yield Optional.of("The " + label + " cannot be negative.");
                }
                yield max > 0 && n.compareTo(BigDecimal.valueOf(max)) > 0
                        ? Optional.of("The " + label + " is at most " + max + ".")
                        : Optional.empty();
            }
            case DATE -> {
                if (!value.isTextual()) {
                    yield wrong("date (yyyy-mm-dd)");
                }
                try {
                    LocalDate.parse(value.asText());
                    yield Optional.empty();
                } catch (DateTimeParseException e) {
                    yield wrong("date (yyyy-mm-dd)");
                }
            }
            case BOOLEAN -> value.isBoolean() ? Optional.empty() : wrong("yes or no");
            case TEXT_LIST -> {
                if (!value.isArray()) {
                    yield wrong("list");
                }
                if (value.size() > MAX_LIST) {
                    yield Optional.of("The " + label + " has more than " + MAX_LIST + " entries.");
                }
                for (JsonNode item : value) {
                    if (!item.isTextual()
                            || item.asText().isBlank()
                            || item.asText().length() > max) {
                        yield Optional.of("Each entry of the " + label + " is a text of 1 to " + max + " characters.");
                    }
                }
                yield Optional.empty();
            }
            case ID -> {
                try {
                    UUID.fromString(value.asText());
                    yield value.isTextual() ? Optional.empty() : wrong("reference");
                } catch (IllegalArgumentException e) {
                    yield wrong("reference");
                }
            }
        };
    }

    private Optional<String> wrong(String what) {
        return Optional.of("The " + label + " must be a " + what + ".");
    }

    /** The field of {@code fields} named {@code name}. */
    public static Optional<FieldSpec> named(List<FieldSpec> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
