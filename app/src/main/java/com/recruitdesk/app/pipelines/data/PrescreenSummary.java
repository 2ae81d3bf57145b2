package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import java.util.ArrayList;
import java.util.List;

/**
 * What a job's questions add up to, in the editor's words: the sum of the weights, each question's
 * share of the score, and what full marks on each need ({@link PrescreenScoring}'s rules read
 * aloud), so a recruiter sees what a perfect score asks before anyone is scored.
 */
public final class PrescreenSummary {
    private PrescreenSummary() {}

    public static int totalWeight(List<PrescreenScoring.Question> questions) {
        return questions.stream().mapToInt(PrescreenScoring.Question::weight).sum();
    }

    /** The question's share of a score of 100, rounded: "25%". */
    public static String share(PrescreenScoring.Question q, List<PrescreenScoring.Question> all) {
        int total = totalWeight(all);
        return total == 0 ? "" : Math.round(100f * q.weight() / total) + "%";
    }

    /** The lines under the list: the weights' sum, then what a perfect score needs. */
    public static String of(List<PrescreenScoring.Question> questions) {
        if (questions.isEmpty()) {
            return "No questions yet: applications to this job get no prescreen score.";
        }
        List<String> mustHaves = questions.stream()
                .filter(PrescreenScoring.Question::mustHave)
                .map(PrescreenScoring.Question::qid)
                .toList();
        StringBuilder out = new StringBuilder("Weights add up to " + totalWeight(questions) + ". A perfect score (100)"
                + " needs every question answered and passing its rule:");
        for (PrescreenScoring.Question q : questions) {
            out.append("\n• ").append(q.qid()).append(": ").append(fullMarks(q));
        }
        if (!mustHaves.isEmpty()) {
            out.append("\nA must-have answered and failed (")
                    .append(String.join(", ", mustHaves))
                    .append(") marks the application whatever its score.");
        }
        return out.toString();
    }

    /** What an answer must be to earn the question's whole weight. */
    public static String fullMarks(PrescreenScoring.Question q) {
        JsonNode r = q.rule();
        List<String> accept = new ArrayList<>();
        if (r != null && r.path("accept").isArray()) {
            r.get("accept").forEach(a -> accept.add(a.asText()));
        }
        return switch (q.type()) {
            case "number" -> {
                boolean min = r != null && r.path("min").isNumber();
                boolean max = r != null && r.path("max").isNumber();
                yield min && max
                        ? "a number from " + plain(r.get("min")) + " to " + plain(r.get("max"))
                        : min
                                ? "a number of at least " + plain(r.get("min"))
                                : max ? "a number of at most " + plain(r.get("max")) : "any number";
            }
            case "date" -> {
                List<String> parts = new ArrayList<>();
                if (r != null && r.hasNonNull("notBefore")) {
                    parts.add("not before " + r.get("notBefore").asText());
                }
                if (r != null && r.hasNonNull("notAfter")) {
                    parts.add("not after " + r.get("notAfter").asText());
                }
                if (r != null && r.path("withinDays").isNumber()) {
                    parts.add("within " + r.get("withinDays").asInt() + " days");
                }
                yield parts.isEmpty() ? "any date" : "a date " + String.join(" and ", parts);
            }
            case "choice" -> accept.isEmpty() ? "any of the choices" : "one of " + String.join(", ", accept);
            case "multi_choice" -> accept.isEmpty() ? "any of the choices" : "all of " + String.join(", ", accept);
            default -> {
                List<String> parts = new ArrayList<>();
                if (r != null && r.path("minLength").isNumber()) {
                    parts.add("at least " + r.get("minLength").asInt() + " characters");
                }
                if (r != null && r.hasNonNull("pattern")) {
                    parts.add("matching " + r.get("pattern").asText());
                }
                yield parts.isEmpty() ? "any answer" : "an answer of " + String.join(", ", parts);
            }
        };
    }

    private static String plain(JsonNode n) {
        return n.decimalValue().stripTrailingZeros().toPlainString();
    }
}
