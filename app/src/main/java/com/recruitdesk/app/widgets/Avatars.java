package com.recruitdesk.app.widgets;

import com.recruitdesk.app.format.Initials;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A round avatar with a person's initials, its colour picked from their id so it never changes. */
public final class Avatars {
    private static final String[] COLOURS = {
        "#1f6feb", "#8250df", "#bf3989", "#cf222e", "#bc4c00", "#9a6700", "#1a7f37", "#0969da", "#6639ba", "#116329"
    };

    private Avatars() {}

    public static Node of(String name, Object key, boolean large) {
        Label initials = new Label(Initials.of(name));
        StackPane circle = new StackPane(initials);
        circle.getStyleClass().add("avatar");
        if (large) {
            circle.getStyleClass().add("large");
        }
        int colour = Math.floorMod(key == null ? 0 : key.hashCode(), COLOURS.length);
        circle.setStyle("-fx-background-color: " + COLOURS[colour] + ";");
        return circle;
    }
}
