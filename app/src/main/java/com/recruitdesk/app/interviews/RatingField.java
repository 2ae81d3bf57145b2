package com.recruitdesk.app.interviews;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of the scorecard: a criterion or one of the job's skills, rated 1–5 (0 while not rated),
 * with a note.
 *
 * @param key the criterion's name ({@code technical_skills}) or the skill as the job names it
 */
public record RatingField(String key, String label, boolean skill, IntegerProperty rating, StringProperty note) {
    static RatingField of(String key, String label, boolean skill) {
        return new RatingField(key, label, skill, new SimpleIntegerProperty(0), new SimpleStringProperty(""));
    }

    Integer value() {
        return rating.get() == 0 ? null : rating.get();
    }

    String noteValue() {
        return note.get() == null || note.get().isBlank() ? null : note.get().strip();
    }
}
