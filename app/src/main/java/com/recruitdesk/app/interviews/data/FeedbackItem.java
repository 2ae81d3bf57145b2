package com.recruitdesk.app.interviews.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scorecard as the pane shows it: the original as submitted (never altered) and its amendments in
 * order. {@link #effective} reads a field as amended.
 *
 * @param criteria each rated criterion of {@code InterviewRules.CRITERIA} by name
 */
public record FeedbackItem(
        UUID id,
        UUID interviewId,
        UUID candidateId,
        UUID jobId,
        UUID interviewerId,
        String interviewerName,
        boolean submitted,
        Instant submittedAt,
        boolean pending,
        Map<String, Double> criteria,
        Map<String, String> criterionNotes,
        List<SkillScore> skills,
        Double overall,
        String recommendation,
        String strengths,
        String weaknesses,
        String detailedNotes,
        List<String> questions,
        boolean secondRound,
        String followUpNotes,
        List<Amendment> amendments) {

    public record SkillScore(String skill, Double rating, String note) {}

    /** One field changed by an amendment, as text ("4", "hire", a note; null for empty). */
    public record Change(String from, String to) {}

    public record Amendment(UUID id, Instant at, boolean pending, Map<String, Change> changes, String reason) {}

    /** The value of an amendable field ({@code InterviewRules.AMENDABLE}) as submitted, as text. */
    public String original(String field) {
        return switch (field) {
            case "overall_rating" -> rating(overall);
            case "recommendation" -> recommendation;
            case "strengths" -> strengths;
            case "weaknesses" -> weaknesses;
            case "detailed_notes" -> detailedNotes;
            case "follow_up_notes" -> followUpNotes;
            case "requires_second_round" -> String.valueOf(secondRound);
            default -> rating(criteria.get(field));
        };
    }

    /** The value of an amendable field after every amendment. */
    public String effective(String field) {
        String value = original(field);
        for (Amendment a : amendments) {
            Change c = a.changes().get(field);
            if (c != null) {
                value = c.to();
            }
        }
        return value;
    }

    /** A rating as text: "4", "4.5"; null when not rated. */
    public static String rating(Double r) {
        if (r == null) {
            return null;
        }
        return r == Math.floor(r) ? String.valueOf(r.intValue()) : String.valueOf(r);
    }
}
