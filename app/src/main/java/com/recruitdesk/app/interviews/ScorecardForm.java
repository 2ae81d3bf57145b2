package com.recruitdesk.app.interviews;

import com.recruitdesk.app.interviews.data.FeedbackItem;
import com.recruitdesk.protocol.interviews.InterviewMutations.Rating;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import com.recruitdesk.protocol.interviews.InterviewMutations.SkillRating;
import com.recruitdesk.protocol.interviews.InterviewRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scorecard's fields as properties the view binds to: the four criteria and the job's skills
 * (each 1–5 and a note), the overall rating, the recommendation, the texts, the questions (one a
 * line) and the second round. It reads a {@link Scorecard} in and writes one out, and tells its
 * listener of every edit the user makes (not of its own filling in).
 */
public final class ScorecardForm {
    private final ObservableList<RatingField> criteria = FXCollections.observableArrayList();
    private final ObservableList<RatingField> skills = FXCollections.observableArrayList();
    private final IntegerProperty overall = new SimpleIntegerProperty(0);
    private final StringProperty recommendation = new SimpleStringProperty();
    private final StringProperty strengths = new SimpleStringProperty("");
    private final StringProperty weaknesses = new SimpleStringProperty("");
    private final StringProperty detailedNotes = new SimpleStringProperty("");
    private final StringProperty questions = new SimpleStringProperty("");
    private final BooleanProperty secondRound = new SimpleBooleanProperty(false);
    private final StringProperty followUp = new SimpleStringProperty("");
    private final Runnable edited;
    private boolean filling;

    ScorecardForm(Runnable edited) {
        this.edited = edited;
        for (var c : InterviewRules.CRITERIA.entrySet()) {
            criteria.add(RatingField.of(c.getKey(), c.getValue(), false));
        }
        criteria.forEach(this::watch);
        for (ObservableValue<?> field : List.of(
                overall, recommendation, strengths, weaknesses, detailedNotes, questions, secondRound, followUp)) {
            field.addListener((o, was, now) -> changed());
        }
    }

    private void watch(RatingField f) {
        f.rating().addListener((o, was, now) -> changed());
        f.note().addListener((o, was, now) -> changed());
    }

    private void changed() {
        if (!filling) {
            edited.run();
        }
    }

    /** Fills the fields from {@code s} (null: empty), with a line for each of {@code jobSkills} and of the skills it rated. */
    void fill(Scorecard s, List<String> jobSkills) {
        filling = true;
        try {
            Set<String> names = new LinkedHashSet<>(jobSkills);
            if (s != null) {
                s.skills().forEach(k -> names.add(k.skill()));
            }
            skills.setAll(names.stream().map(n -> RatingField.of(n, n, true)).toList());
            skills.forEach(this::watch);
            for (RatingField c : criteria) {
                Rating r = s == null ? null : s.criteria().get(c.key());
                set(c, r == null ? null : r.rating(), r == null ? null : r.note());
            }
            for (RatingField k : skills) {
                SkillRating r = s == null
                        ? null
                        : s.skills().stream()
                                .filter(x -> x.skill().equals(k.key()))
                                .findFirst()
                                .orElse(null);
                set(k, r == null ? null : r.rating(), r == null ? null : r.note());
            }
            overall.set(s == null || s.overallRating() == null ? 0 : s.overallRating());
            recommendation.set(s == null ? null : s.recommendation());
            strengths.set(s == null || s.strengths() == null ? "" : s.strengths());
            weaknesses.set(s == null || s.weaknesses() == null ? "" : s.weaknesses());
            detailedNotes.set(s == null || s.detailedNotes() == null ? "" : s.detailedNotes());
            questions.set(s == null ? "" : String.join("\n", s.questionsAsked()));
            secondRound.set(s != null && s.requiresSecondRound());
            followUp.set(s == null || s.followUpNotes() == null ? "" : s.followUpNotes());
        } finally {
            filling = false;
        }
    }

    private static void set(RatingField f, Integer rating, String note) {
        f.rating().set(rating == null ? 0 : rating);
        f.note().set(note == null ? "" : note);
    }

    /** The scorecard as the fields say now. */
    Scorecard read() {
        Map<String, Rating> byCriterion = new LinkedHashMap<>();
        for (RatingField c : criteria) {
            if (c.value() != null || c.noteValue() != null) {
                byCriterion.put(c.key(), new Rating(c.value(), c.noteValue()));
            }
        }
        List<SkillRating> rated = new ArrayList<>();
        for (RatingField k : skills) {
            if (k.value() != null || k.noteValue() != null) {
                rated.add(new SkillRating(k.key(), k.value(), k.noteValue()));
            }
        }
        return new Scorecard(
                byCriterion,
                rated,
                overall.get() == 0 ? null : overall.get(),
                recommendation.get(),
                blankToNull(strengths.get()),
                blankToNull(weaknesses.get()),
                blankToNull(detailedNotes.get()),
                Arrays.stream(questions.get().split("\n"))
                        .map(String::strip)
                        .filter(q -> !q.isEmpty())
                        .toList(),
                secondRound.get(),
                blankToNull(followUp.get()));
    }

    /** A submitted scorecard (as the server holds it) as the fields read it. */
    static Scorecard of(FeedbackItem f) {
        Map<String, Rating> byCriterion = new LinkedHashMap<>();
        f.criteria()
                .forEach((k, v) -> byCriterion.put(
                        k, new Rating(v.intValue(), f.criterionNotes().get(k))));
        f.criterionNotes().forEach((k, v) -> byCriterion.putIfAbsent(k, new Rating(null, v)));
        return new Scorecard(
                byCriterion,
                f.skills().stream()
                        .map(s -> new SkillRating(
                                s.skill(),
                                s.rating() == null ? null : s.rating().intValue(),
                                s.note()))
                        .toList(),
                f.overall() == null ? null : (int) Math.round(f.overall()),
                f.recommendation(),
                f.strengths(),
                f.weaknesses(),
                f.detailedNotes(),
                f.questions(),
                f.secondRound(),
                f.followUpNotes());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObservableList<RatingField> criteria() {
        return criteria;
    }

    public ObservableList<RatingField> skills() {
        return skills;
    }

    public IntegerProperty overallProperty() {
        return overall;
    }

    public StringProperty recommendationProperty() {
        return recommendation;
    }

    public StringProperty strengthsProperty() {
        return strengths;
    }

    public StringProperty weaknessesProperty() {
        return weaknesses;
    }

    public StringProperty detailedNotesProperty() {
        return detailedNotes;
    }

    /** The questions asked, one a line. */
    public StringProperty questionsProperty() {
        return questions;
    }

    public BooleanProperty secondRoundProperty() {
        return secondRound;
    }

    public StringProperty followUpProperty() {
        return followUp;
    }
}
