package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.PrescreenQuestionRules;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The prescreen question editor's form without its controls: what a person typed turned into the
 * {@code prescreenQuestion.save} it would send, checked by {@link PrescreenQuestionRules} (the
 * server's own rules) and against the job's other questions' ids, so nothing wrong is queued.
 */
public final class PrescreenForm {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The form's fields as typed; {@code choices} one a line (sent only for a choice type),
     * {@code rule} the validation rule's JSON (blank: none).
     */
    public record Typed(
            String qid,
            String text,
            String type,
            boolean required,
            boolean mustHave,
            String weight,
            String rule,
            String choices) {
        /** The form showing {@code q} (null: an empty form for a new question). */
        public static Typed of(PrescreenScoring.Question q) {
            if (q == null) {
                return new Typed("", "", "text", true, false, "10", "", "");
            }
            return new Typed(
                    q.qid(),
                    q.text(),
                    q.type(),
                    q.required(),
                    q.mustHave(),
                    Integer.toString(q.weight()),
                    q.rule() == null ? "" : q.rule().toString(),
                    String.join("\n", q.choices()));
        }
    }

    /** What the form would send, and everything wrong with it (empty: it may be sent). */
    public record Checked(PipelineMutations.SavePrescreenQuestion args, List<String> problems) {}

    private PrescreenForm() {}

    /**
     * The form for question {@code id} of {@code jobId} at place {@code sortOrder}, checked; the
     * qid must not be another of {@code others}' (the job's questions as this computer has them).
     */
    public static Checked check(UUID id, UUID jobId, int sortOrder, Typed t, List<PrescreenQuestions.Row> others) {
        List<String> problems = new ArrayList<>();
        Integer weight = weight(t.weight());
        ObjectNode rule = null;
        if (t.rule() != null && !t.rule().isBlank()) {
            try {
                JsonNode read = JSON.readTree(t.rule());
                if (read instanceof ObjectNode o) {
                    rule = o;
                } else {
                    problems.add(ruleForm());
                }
            } catch (JsonProcessingException e) {
                problems.add(ruleForm());
            }
        }
        List<String> choices = PrescreenQuestionRules.hasChoices(t.type())
                ? PrescreenQuestionRules.choices(Arrays.asList((t.choices() == null ? "" : t.choices()).split("\\R")))
                : List.of();
        String qid = t.qid() == null ? "" : t.qid().strip();
        var args = new PipelineMutations.SavePrescreenQuestion(
                id,
                jobId,
                qid,
                t.text() == null ? "" : t.text().strip(),
                t.type(),
                t.required(),
                t.mustHave(),
                weight == null ? 0 : weight,
                rule,
                choices,
                sortOrder);
        for (String p : PrescreenQuestionRules.problems(args)) {
            // A weight that is no whole number is said in its own words below, not as "from 1 to 100".
            if (weight != null || !p.contains("weight")) {
                problems.add(p);
            }
        }
        if (weight == null) {
            problems.add("A question's weight is a whole number from " + PrescreenQuestionRules.MIN_WEIGHT + " to "
                    + PrescreenQuestionRules.MAX_WEIGHT + ".");
        }
        PrescreenQuestionRules.qidTaken(
                        qid,
                        others.stream()
                                .filter(o -> !o.id().equals(id))
                                .map(o -> o.question().qid())
                                .toList())
                .ifPresent(problems::add);
        return new Checked(args, problems);
    }

    private static String ruleForm() {
        return "The validation rule is a JSON object, such as {\"max\": 30} (blank: no rule).";
    }

    /** The weight typed, or null when it is no whole number. */
    private static Integer weight(String typed) {
        try {
            return Integer.valueOf(typed == null ? "" : typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
