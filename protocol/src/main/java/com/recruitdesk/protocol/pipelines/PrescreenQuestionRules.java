package com.recruitdesk.protocol.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a prescreen question (seed 002 job_prescreen_questions) must be, checked by the desktop's
 * editor before it queues {@code prescreenQuestion.save} and by the server before it stores one,
 * with the same sentences (decision 0042). Only whether another question of the job already has the
 * qid needs the job's other questions: {@link #qidTaken} says it, the server asks it of its table and
 * the desktop of the questions it holds.
 */
public final class PrescreenQuestionRules {
    public static final int MAX_QUESTION = 1_000;
    public static final int MIN_WEIGHT = 1;
    public static final int MAX_WEIGHT = 100;

    private static final Pattern QID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private PrescreenQuestionRules() {}

    /** Whether questions of {@code type} offer choices (and only they may have any). */
    public static boolean hasChoices(String type) {
        return "choice".equals(type) || "multi_choice".equals(type);
    }

    /** The choices as stored: stripped, blanks left out. */
    public static List<String> choices(List<String> choices) {
        return choices == null
                ? List.of()
                : choices.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    /** Everything wrong with {@code q} on its own, in the order of the editor's fields; empty when it may be saved. */
    public static List<String> problems(PipelineMutations.SavePrescreenQuestion q) {
        List<String> problems = new ArrayList<>();
        if (q.qid() == null || q.qid().isBlank()) {
            problems.add("The question id is empty (such as ps_notice_period).");
        } else if (!QID.matcher(q.qid()).matches()) {
            problems.add("A question id is lowercase letters, digits and '_', starting with a letter"
                    + " (such as ps_notice_period).");
        }
        if (q.questionText() == null || q.questionText().isBlank()) {
            problems.add("The question is empty.");
        } else if (q.questionText().length() > MAX_QUESTION) {
            problems.add("The question is longer than " + MAX_QUESTION + " characters.");
        }
        boolean knownType = q.questionType() != null && PrescreenScoring.TYPES.contains(q.questionType());
        if (!knownType) {
            problems.add("A question's type is one of " + String.join(", ", PrescreenScoring.TYPES) + ".");
        }
        if (q.weight() < MIN_WEIGHT || q.weight() > MAX_WEIGHT) {
            problems.add("A question's weight is from " + MIN_WEIGHT + " to " + MAX_WEIGHT + ".");
        }
        List<String> choices = choices(q.choices());
        if (knownType && hasChoices(q.questionType()) && choices.isEmpty()) {
            problems.add("A choice question needs its choices.");
        }
        if (knownType && !hasChoices(q.questionType()) && !choices.isEmpty()) {
            problems.add("Only a choice question has choices.");
        }
        Set<String> seen = new HashSet<>();
        if (choices.stream().anyMatch(c -> !seen.add(c.toLowerCase(Locale.ROOT)))) {
            problems.add("Each choice is offered once.");
        }
        if (knownType) {
            ruleProblem(q.questionType(), q.validationRule(), choices).ifPresent(problems::add);
        }
        return problems;
    }

    /** The sentence for a qid another question of the job has; empty when none of {@code others} has it. */
    public static Optional<String> qidTaken(String qid, Collection<String> others) {
        return qid != null && others.contains(qid)
                ? Optional.of("The job has a question " + qid + " already.")
                : Optional.empty();
    }

    /** What is wrong with the validation rule (as {@link PrescreenScoring} reads it) of a question of {@code type}. */
    static Optional<String> ruleProblem(String type, ObjectNode rule, List<String> choices) {
        if (rule == null) {
            return Optional.empty();
        }
        List<String> numeric = switch (type) {
            case "number" -> List.of("min", "max");
            case "date" -> List.of("withinDays");
            case "text" -> List.of("minLength");
            case "multi_choice" -> List.of("minAccepted");
            default -> List.of();
        };
        for (String key : numeric) {
            if (rule.has(key) && !rule.get(key).isNumber()) {
                return Optional.of("The rule's " + key + " must be a number.");
            }
        }
        if (rule.path("min").isNumber()
                && rule.path("max").isNumber()
                && rule.get("min").decimalValue().compareTo(rule.get("max").decimalValue()) > 0) {
            return Optional.of("The rule's minimum is more than its maximum.");
        }
        if (rule.has("accept")) {
            if (!rule.get("accept").isArray()) {
                return Optional.of("The rule's accepted answers are a list of the choices.");
            }
            for (JsonNode a : rule.get("accept")) {
                if (choices.stream()
                        .noneMatch(c -> c.equalsIgnoreCase(a.asText().strip()))) {
                    return Optional.of("The accepted answer \"" + a.asText() + "\" is not one of the choices.");
                }
            }
        }
        if (rule.has("pattern")) {
            try {
                Pattern.compile(rule.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                return Optional.of("The rule's pattern is not a valid regular expression.");
            }
        }
        return Optional.empty();
    }
}
