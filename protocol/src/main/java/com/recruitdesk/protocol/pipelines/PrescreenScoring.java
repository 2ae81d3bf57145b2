package com.recruitdesk.protocol.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How prescreen answers are read and scored (seed 002 job_prescreen_questions / prescreen_answers):
 * the one scoring code of the product. The server derives an application's {@code jd_match_score},
 * {@code must_have_failed} and {@code pre_screening_completed} with it (never trusting a client), the
 * desktop explains the score line by line with it, and the WhatsApp bot will record what it asks
 * through the same {@link #normalise} and {@link #explain}.
 *
 * <p>A question's {@code validation_rule} (JSON) may hold: for numbers {@code min}, {@code max}; for
 * dates {@code notBefore}, {@code notAfter} (ISO dates) or {@code withinDays} (from today); for text
 * {@code pattern} and {@code minLength}; for choices {@code accept}, the choices that earn the points
 * (none: any choice does), and for multiple choices {@code minAccepted} (default 1).
 *
 * <p>Points: an answer that passes its rule earns the question's weight (a multiple choice the share
 * of accepted choices picked); one that fails, or none yet, earns 0. The score is the points earned
 * over all the weights, 0–100. Prescreening is complete when every required question is answered; a
 * must-have question answered and failed marks the application.
 */
public final class PrescreenScoring {
    public static final List<String> TYPES = List.of("text", "number", "date", "choice", "multi_choice");
    public static final int MAX_ANSWER = 2_000;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));

    private PrescreenScoring() {}

    /** A question as scoring needs it. {@code rule} may be null; {@code choices} empty but for choice types. */
    public record Question(
            UUID id,
            String qid,
            String text,
            String type,
            boolean required,
            boolean mustHave,
            int weight,
            JsonNode rule,
            List<String> choices) {
        public Question {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    /** An answer read against its question: the normalised value, whether it passes the rule, and why. */
    public record Normalised(String value, boolean passed, int points, String why) {}

    /** One line of the explanation. {@code answer} null when not answered yet. */
    public record Line(
            String qid,
            String question,
            int weight,
            boolean required,
            boolean mustHave,
            String answer,
            boolean passed,
            int points,
            String why) {}

    /** The whole explanation: every question's line, the score, completeness, and the must-haves failed (by qid). */
    public record Explanation(List<Line> lines, int score, boolean complete, List<String> failedMustHaves) {
        public boolean mustHaveFailed() {
            return !failedMustHaves.isEmpty();
        }
    }

    /**
     * Why {@code raw} cannot be an answer to {@code q} at all (not a number, not a date, not one of the
     * choices, empty or too long); empty when it can be read. Such an answer is refused, not scored.
     */
    public static Optional<String> problem(Question q, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of("The answer is empty.");
        }
        if (raw.length() > MAX_ANSWER) {
            return Optional.of("The answer is longer than " + MAX_ANSWER + " characters.");
        }
        return switch (q.type()) {
            case "number" ->
                number(raw).isPresent() ? Optional.empty() : Optional.of("\"" + raw.strip() + "\" is not a number.");
            case "date" ->
                date(raw).isPresent()
                        ? Optional.empty()
                        : Optional.of("\"" + raw.strip() + "\" is not a date (write it as 2026-03-31).");
            case "choice" ->
                choice(q, raw.strip()).isPresent()
                        ? Optional.empty()
                        : Optional.of("\"" + raw.strip() + "\" is not one of the choices: "
                                + String.join(", ", q.choices()) + ".");
            case "multi_choice" -> {
                for (String part : parts(raw)) {
                    if (choice(q, part).isEmpty()) {
                        yield Optional.of(
                                "\"" + part + "\" is not one of the choices: " + String.join(", ", q.choices()) + ".");
                    }
                }
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /** Reads {@code raw} against {@code q} on {@code today}; call only when {@link #problem} is empty. */
    public static Normalised normalise(Question q, String raw, LocalDate today) {
        JsonNode rule = q.rule();
        return switch (q.type()) {
            case "number" -> {
                BigDecimal n = number(raw).orElseThrow();
                String shown = n.stripTrailingZeros().toPlainString();
                if (has(rule, "min") && n.compareTo(rule.get("min").decimalValue()) < 0) {
                    yield failed(shown, shown + " is below the minimum of " + plain(rule.get("min")));
                }
                if (has(rule, "max") && n.compareTo(rule.get("max").decimalValue()) > 0) {
                    yield failed(shown, shown + " is above the maximum of " + plain(rule.get("max")));
                }
                yield passed(q, shown, range(rule, shown));
            }
            case "date" -> {
                LocalDate d = date(raw).orElseThrow();
                String shown = d.toString();
                if (has(rule, "notBefore")
                        && d.isBefore(LocalDate.parse(rule.get("notBefore").asText()))) {
                    yield failed(
                            shown, shown + " is before " + rule.get("notBefore").asText());
                }
                if (has(rule, "notAfter")
                        && d.isAfter(LocalDate.parse(rule.get("notAfter").asText()))) {
                    yield failed(
                            shown, shown + " is after " + rule.get("notAfter").asText());
                }
                if (has(rule, "withinDays")
                        && d.isAfter(today.plusDays(rule.get("withinDays").asLong()))) {
                    yield failed(
                            shown,
                            shown + " is more than " + rule.get("withinDays").asLong() + " days away");
                }
                yield passed(q, shown, shown + " is within the dates wanted");
            }
            case "choice" -> {
                String c = choice(q, raw.strip()).orElseThrow();
                List<String> accept = accepted(q);
                if (!accept.isEmpty() && !accept.contains(c)) {
                    yield failed(c, "\"" + c + "\" is not an accepted answer (" + String.join(", ", accept) + ")");
                }
                yield passed(q, c, accept.isEmpty() ? "any choice counts" : "\"" + c + "\" is an accepted answer");
            }
            case "multi_choice" -> {
                Set<String> picked = new LinkedHashSet<>();
                parts(raw).forEach(p -> picked.add(choice(q, p).orElseThrow()));
                String shown = String.join(", ", picked);
                List<String> accept = accepted(q);
                if (accept.isEmpty()) {
                    yield passed(q, shown, "any choice counts");
                }
                long hits = picked.stream().filter(accept::contains).count();
                long needed = has(rule, "minAccepted") ? rule.get("minAccepted").asLong() : 1;
                if (hits < needed) {
                    yield failed(
                            shown,
                            hits + " of the " + accept.size() + " wanted (" + String.join(", ", accept) + "), at least "
                                    + needed + " needed");
                }
                int points = Math.round((float) q.weight() * Math.min(hits, accept.size()) / accept.size());
                yield new Normalised(shown, true, points, hits + " of the " + accept.size() + " wanted");
            }
            default -> {
                String text = raw.strip();
                if (has(rule, "minLength")
                        && text.length() < rule.get("minLength").asInt()) {
                    yield failed(text, "shorter than " + rule.get("minLength").asInt() + " characters");
                }
                if (has(rule, "pattern")
                        && !Pattern.compile(rule.get("pattern").asText())
                                .matcher(text)
                                .find()) {
                    yield failed(text, "does not match what is asked");
                }
                yield passed(q, text, "answered");
            }
        };
    }

    /** Every question's line, in order, and the score; {@code answers} are the raw values by question id. */
    public static Explanation explain(List<Question> questions, Map<UUID, String> answers, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        List<String> failedMustHaves = new ArrayList<>();
        long weights = 0;
        long points = 0;
        boolean complete = true;
        for (Question q : questions) {
            weights += q.weight();
            String raw = answers.get(q.id());
            if (raw == null || problem(q, raw).isPresent()) {
                complete &= !q.required();
                lines.add(new Line(
                        q.qid(), q.text(), q.weight(), q.required(), q.mustHave(), null, false, 0, "not answered yet"));
                continue;
            }
            Normalised n = normalise(q, raw, today);
            points += n.points();
            if (q.mustHave() && !n.passed()) {
                failedMustHaves.add(q.qid());
            }
            String why = q.mustHave() && !n.passed() ? "must-have failed: " + n.why() : n.why();
            lines.add(new Line(
                    q.qid(), q.text(), q.weight(), q.required(), q.mustHave(), n.value(), n.passed(), n.points(), why));
        }
        int score = weights == 0 ? 0 : (int) Math.round(100.0 * points / weights);
        return new Explanation(List.copyOf(lines), score, complete, List.copyOf(failedMustHaves));
    }

    /** A question's own score, 0–100 (seed 002 question_score): its points over its weight. */
    public static int questionScore(Question q, Normalised n) {
        return q.weight() == 0 ? 0 : Math.round(100f * n.points() / q.weight());
    }

    private static Normalised passed(Question q, String value, String why) {
        return new Normalised(value, true, q.weight(), why);
    }

    private static Normalised failed(String value, String why) {
        return new Normalised(value, false, 0, why);
    }

    private static String range(JsonNode rule, String shown) {
        if (has(rule, "min") && has(rule, "max")) {
            return shown + " is within " + plain(rule.get("min")) + "–" + plain(rule.get("max"));
        }
        if (has(rule, "min")) {
            return shown + " is at least " + plain(rule.get("min"));
        }
        if (has(rule, "max")) {
            return shown + " is at most " + plain(rule.get("max"));
        }
        return "answered";
    }

    private static String plain(JsonNode n) {
        return n.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static boolean has(JsonNode rule, String key) {
        return rule != null && rule.hasNonNull(key);
    }

    private static List<String> accepted(Question q) {
        JsonNode accept = q.rule() == null ? null : q.rule().get("accept");
        List<String> result = new ArrayList<>();
        if (accept != null && accept.isArray()) {
            accept.forEach(a -> choice(q, a.asText()).ifPresent(result::add));
        }
        return result;
    }

    /** The first number in the text, thousands separators ignored: "12,000 per month" → 12000. */
    private static Optional<BigDecimal> number(String raw) {
        Matcher m = NUMBER.matcher(raw.replaceAll("(?<=\\d),(?=\\d{3})", ""));
        return m.find() ? Optional.of(new BigDecimal(m.group())) : Optional.empty();
    }

    private static Optional<LocalDate> date(String raw) {
        String text = raw.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(text, f));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** The choice {@code answer} names, as the question spells it (case and spaces ignored). */
    private static Optional<String> choice(Question q, String answer) {
        String a = answer.strip();
        return q.choices().stream().filter(c -> c.strip().equalsIgnoreCase(a)).findFirst();
    }

    private static List<String> parts(String raw) {
        List<String> result = new ArrayList<>();
        for (String p : raw.split("[,;\\n]")) {
            if (!p.isBlank()) {
                result.add(p.strip());
            }
        }
        return result;
    }
}
