package com.recruitdesk.app.interviews.data;

import com.recruitdesk.protocol.interviews.InterviewRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every interviewer's submitted scorecard for one application side by side (as amended), and for
 * each line whether they agree, disagree, or nobody rated it. Ratings agree when they are at most
 * one point apart; recommendations when they are at most one step apart on strong hire … no hire.
 */
public record WhoSaidWhat(List<String> interviewers, List<Line> lines) {
    public enum Verdict {
        AGREE,
        DISAGREE,
        ONLY_ONE,
        NOBODY
    }

    /** One criterion (or the recommendation, the overall rating, a skill) across the interviewers, in their order. */
    public record Line(String key, String label, List<String> values, Verdict verdict) {}

    /** The lines of {@code scorecards}: recommendation, overall, the four criteria, then every skill any of them rated or the job asks for. */
    public static WhoSaidWhat of(List<FeedbackItem> scorecards, List<String> jobSkills) {
        List<String> names = scorecards.stream()
                .map(f -> f.interviewerName() == null ? "An interviewer" : f.interviewerName())
                .toList();
        List<Line> lines = new ArrayList<>();
        lines.add(line("recommendation", "Recommendation", scorecards, f -> f.effective("recommendation"), true));
        lines.add(line("overall_rating", "Overall", scorecards, f -> f.effective("overall_rating"), false));
        for (var c : InterviewRules.CRITERIA.entrySet()) {
            lines.add(line(c.getKey(), c.getValue(), scorecards, f -> f.effective(c.getKey()), false));
        }
        Set<String> skills = new LinkedHashSet<>(jobSkills);
        scorecards.forEach(f -> f.skills().forEach(s -> skills.add(s.skill())));
        for (String skill : skills) {
            lines.add(line("skill:" + skill, skill, scorecards, f -> skillRating(f, skill), false));
        }
        return new WhoSaidWhat(names, lines);
    }

    /** The lines nobody rated, by label. */
    public List<String> unrated() {
        return lines.stream()
                .filter(l -> l.verdict() == Verdict.NOBODY)
                .map(Line::label)
                .toList();
    }

    private static Line line(
            String key,
            String label,
            List<FeedbackItem> cards,
            java.util.function.Function<FeedbackItem, String> value,
            boolean recommendation) {
        List<String> values = cards.stream().map(value).toList();
        List<Double> scores = values.stream()
                .filter(Objects::nonNull)
                .map(v -> recommendation ? step(v) : number(v))
                .filter(Objects::nonNull)
                .toList();
        Verdict verdict;
        if (scores.isEmpty()) {
            verdict = Verdict.NOBODY;
        } else if (scores.size() == 1) {
            verdict = Verdict.ONLY_ONE;
        } else {
            double spread = scores.stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(0)
                    - scores.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            verdict = spread <= 1 ? Verdict.AGREE : Verdict.DISAGREE;
        }
        List<String> shown = values.stream()
                .map(v -> v == null ? null : recommendation ? InterviewRules.label(v) : v)
                .toList();
        return new Line(key, label, shown, verdict);
    }

    private static String skillRating(FeedbackItem f, String skill) {
        return f.skills().stream()
                .filter(s -> s.skill().equalsIgnoreCase(skill))
                .map(s -> FeedbackItem.rating(s.rating()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static final Map<String, Double> STEPS = steps();

    private static Map<String, Double> steps() {
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> r = InterviewRules.RECOMMENDATIONS;
        for (int i = 0; i < r.size(); i++) {
            m.put(r.get(i), (double) (r.size() - i));
        }
        return m;
    }

    private static Double step(String recommendation) {
        return STEPS.get(recommendation);
    }

    private static Double number(String v) {
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
