package com.recruitdesk.app.widgets;

import javafx.scene.control.Label;

/** Small labels in a rounded box: a conversation's status, an application's stage. */
public final class Pills {
    public static final String STYLE = "pill";

    private Pills() {}

    /** A pill saying {@code text}; {@code styleClasses} colour it (the feature's CSS names them). */
    public static Label of(String text, String... styleClasses) {
        Label pill = new Label(text);
        pill.getStyleClass().add(STYLE);
        pill.getStyleClass().addAll(styleClasses);
        return pill;
    }
}
