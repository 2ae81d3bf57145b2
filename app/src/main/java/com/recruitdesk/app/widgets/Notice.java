package com.recruitdesk.app.widgets;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What a pane's banner says ({@link Banners#notice(String, Notice, Icons)}): a problem, or that
 * something was done — shown differently, so "Saved" does not look like an error.
 */
public final class Notice {
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty done = new SimpleBooleanProperty();

    public void problem(String sentence) {
        done.set(false);
        text.set(sentence);
    }

    public void done(String sentence) {
        done.set(true);
        text.set(sentence);
    }

    public void clear() {
        text.set("");
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }
}
