package com.recruitdesk.protocol.interviews;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Interviews rules both sides apply: the desktop says what is wrong before it queues a change,
 * the server checks again because it decides. A broken rule is a {@link Problem} whose message is
 * the sentence shown to the user.
 */
public final class InterviewRules {
    /** A rule broken, in a sentence for the user. */
    public static final class Problem extends IllegalArgumentException {
        public Problem(String sentence) {
            super(sentence);
        }
    }

    public static final List<String> TYPES = List.of("technical", "behavioral", "cultural", "panel");
    public static final List<String> MODES = List.of("video", "phone", "in_person", "ai");
    public static final List<String> STATUSES =
            List.of("scheduled", "in_progress", "completed", "cancelled", "no_show");
    /** Seed 003's recommendations, strongest first. */
    public static final List<String> RECOMMENDATIONS = List.of("strong_hire", "hire", "maybe", "no_hire");

    /** The scorecard's criteria (seed 003's four ratings), by the name the scorecard and its column use. */
    public static final Map<String, String> CRITERIA = criteria();

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;
    public static final int MAX_DURATION_MINUTES = 8 * 60;
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_NOTE = 2_000;
    public static final int MAX_REASON = 2_000;
    public static final int MAX_LINK = 2_000;
    public static final int MAX_QUESTIONS = 50;
    public static final int MAX_SKILLS = 30;
    public static final int MAX_PANEL = 10;

    /** The organization's setting (a {@code system_settings} row) that says when interviewers see each other's scorecards. */
    public static final String VISIBILITY_SETTING = "INTERVIEW_FEEDBACK_VISIBILITY";
    /** Never; after submitting their own (the default); always (once submitted). */
    public static final List<String> VISIBILITIES = List.of("never", "after_own", "always");

    public static final String DEFAULT_VISIBILITY = "after_own";

    /** What an amendment may change: the overall rating, the recommendation, each criterion, the texts, the second round. */
    public static final Set<String> AMENDABLE = Set.of(
            "overall_rating",
            "recommendation",
            "technical_skills",
            "communication",
            "problem_solving",
            "culture_fit",
            "strengths",
            "weaknesses",
            "detailed_notes",
            "requires_second_round",
            "follow_up_notes");

    private InterviewRules() {}

    private static Map<String, String> criteria() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("technical_skills", "Technical skills");
        m.put("communication", "Communication");
        m.put("problem_solving", "Problem solving");
        m.put("culture_fit", "Culture fit");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** "strong_hire" → "Strong hire", "in_person" → "In person". */
    public static String label(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String words = value.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The instant of {@code startsAt} (a local date-time) in {@code timezone}; a time skipped by a clock change moves forward. */
    public static Instant resolve(String startsAt, String timezone) {
        ZoneId zone = zone(timezone);
        if (startsAt == null || startsAt.isBlank()) {
            throw new Problem("Say when the interview starts.");
        }
        try {
            return LocalDateTime.parse(startsAt.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new Problem("'" + startsAt + "' is not a date and time such as 2026-12-03T10:00.");
        }
    }

    /** The zone named {@code timezone}, an IANA name such as Africa/Johannesburg. */
    public static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            throw new Problem("Say which time zone the interview time is in.");
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new Problem("'" + timezone + "' is not a time zone this system knows (such as Africa/Johannesburg).");
        }
    }

    public static int duration(Integer minutes) {
        if (minutes == null) {
            return 60;
        }
        if (minutes < 5 || minutes > MAX_DURATION_MINUTES) {
            throw new Problem("An interview lasts from 5 minutes to " + MAX_DURATION_MINUTES / 60 + " hours.");
        }
        return minutes;
    }

    /** Whether two interviews overlap in time (one ending as the other starts does not). */
    public static boolean overlaps(Instant aStart, int aMinutes, Instant bStart, int bMinutes) {
        Instant aEnd = aStart.plus(Duration.ofMinutes(aMinutes));
        Instant bEnd = bStart.plus(Duration.ofMinutes(bMinutes));
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    /** Whether an interview that is {@code from} may become {@code to}: cancelled, completed and no-shows are final. */
    public static boolean canMove(String from, String to) {
        return switch (from) {
            case "scheduled" ->
                Set.of("in_progress", "completed", "no_show", "cancelled").contains(to);
            case "in_progress" -> Set.of("completed", "cancelled").contains(to);
            default -> false;
        };
    }

    /** Checks the type, mode and the texts of an interview's details; returns the checked duration. */
    public static void checkDetails(InterviewMutations.Details d) {
        if (d == null) {
            throw new Problem("Say what the interview is (its details are missing).");
        }
        oneOf(d.interviewType(), TYPES, "An interview's type");
        oneOf(d.interviewMode(), MODES, "An interview's mode");
        duration(d.durationMinutes());
        if (d.leadInterviewerId() == null) {
            throw new Problem("Say who leads the interview.");
        }
        if (d.panelistIds().size() > MAX_PANEL) {
            throw new Problem("A panel has at most " + MAX_PANEL + " interviewers besides the lead.");
        }
        text(d.meetingLink(), "meeting link", MAX_LINK);
        text(d.meetingRoom(), "meeting room", MAX_LINK);
        text(d.preparationNotes(), "preparation notes", MAX_TEXT);
        text(d.questionGuide(), "question guide", MAX_TEXT);
    }

    /** A rating of 1 to 5, or null for "not rated". */
    public static void rating(Integer rating, String what) {
        if (rating != null && (rating < MIN_RATING || rating > MAX_RATING)) {
            throw new Problem(what + " is rated from " + MIN_RATING + " to " + MAX_RATING + ", not " + rating + ".");
        }
    }

    /** Everything a scorecard needs to be submitted. */
    public static void checkScorecard(InterviewMutations.Scorecard s) {
        if (s == null) {
            throw new Problem("The scorecard is missing.");
        }
        for (var e : s.criteria().entrySet()) {
            String label = CRITERIA.get(e.getKey());
            if (label == null) {
                throw new Problem("'" + e.getKey() + "' is not a criterion of the scorecard; they are "
                        + String.join(", ", CRITERIA.keySet()) + ".");
            }
            if (e.getValue() != null) {
                rating(e.getValue().rating(), label);
                text(e.getValue().note(), "note on " + label.toLowerCase(java.util.Locale.ROOT), MAX_NOTE);
            }
        }
        if (s.skills().size() > MAX_SKILLS) {
            throw new Problem("A scorecard rates at most " + MAX_SKILLS + " skills.");
        }
        for (var skill : s.skills()) {
            if (skill == null || skill.skill() == null || skill.skill().isBlank()) {
                throw new Problem("A rated skill needs its name.");
            }
            rating(skill.rating(), skill.skill());
            text(skill.note(), "note on " + skill.skill(), MAX_NOTE);
        }
        if (s.overallRating() == null) {
            throw new Problem("Give an overall rating from " + MIN_RATING + " to " + MAX_RATING + ".");
        }
        rating(s.overallRating(), "The overall rating");
        if (s.recommendation() == null || s.recommendation().isBlank()) {
            throw new Problem("Choose a recommendation: " + String.join(", ", RECOMMENDATIONS) + ".");
        }
        oneOf(s.recommendation(), RECOMMENDATIONS, "A recommendation");
        text(s.strengths(), "strengths", MAX_TEXT);
        text(s.weaknesses(), "weaknesses", MAX_TEXT);
        text(s.detailedNotes(), "detailed notes", MAX_TEXT);
        text(s.followUpNotes(), "follow-up notes", MAX_TEXT);
        if (s.questionsAsked().size() > MAX_QUESTIONS) {
            throw new Problem("A scorecard lists at most " + MAX_QUESTIONS + " questions.");
        }
        for (String q : s.questionsAsked()) {
            text(q, "question", MAX_NOTE);
        }
    }

    /** An amendment changes at least one amendable field, to a valid value, and says why. */
    public static void checkAmendment(Map<String, String> changes, String reason) {
        if (changes == null || changes.isEmpty()) {
            throw new Problem("Say what the amendment changes.");
        }
        for (var e : changes.entrySet()) {
            String field = e.getKey();
            String value = e.getValue();
            if (!AMENDABLE.contains(field)) {
                throw new Problem("'" + field + "' cannot be amended; what can: "
                        + String.join(", ", AMENDABLE.stream().sorted().toList()) + ".");
            }
            switch (field) {
                case "overall_rating", "technical_skills", "communication", "problem_solving", "culture_fit" ->
                    rating(
                            wholeNumber(value, field),
                            field.equals("overall_rating") ? "The overall rating" : CRITERIA.get(field));
                case "recommendation" -> oneOf(value, RECOMMENDATIONS, "A recommendation");
                case "requires_second_round" -> {
                    if (!"true".equals(value) && !"false".equals(value)) {
                        throw new Problem("Whether a second round is needed is true or false.");
                    }
                }
                default -> text(value, label(field).toLowerCase(java.util.Locale.ROOT), MAX_TEXT);
            }
        }
        if (reason == null || reason.isBlank()) {
            throw new Problem("Say why you amend the scorecard.");
        }
        text(reason, "reason", MAX_REASON);
    }

    private static Integer wholeNumber(String value, String field) {
        try {
            return Integer.valueOf(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new Problem(
                    "A rating is a whole number from " + MIN_RATING + " to " + MAX_RATING + ", not '" + value + "'.");
        }
    }

    /** The organization's visibility setting as stored, or the default for a missing or unknown value. */
    public static String visibility(String stored) {
        return stored != null && VISIBILITIES.contains(stored) ? stored : DEFAULT_VISIBILITY;
    }

    private static void oneOf(String value, List<String> allowed, String what) {
        if (value == null || !allowed.contains(value)) {
            throw new Problem(what + " is one of " + String.join(", ", allowed)
                    + (value == null ? "." : ", not '" + value + "'."));
        }
    }

    private static void text(String value, String what, int max) {
        if (value != null && value.length() > max) {
            throw new Problem("The " + what + " is longer than " + max + " characters.");
        }
    }
}
