package com.recruitdesk.app.admin;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The small pieces the Administration tabs' forms are built of. */
final class Forms {
    private Forms() {}

    /** A field's name above it. */
    static Label field(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    /** A muted sentence that explains something, wrapping. */
    static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** What is wrong with the form (hidden while nothing is), in the danger colour. */
    static Label problem(String id, ObservableStringValue text) {
        Label label = shown(id, text);
        label.getStyleClass().add(Styles.DANGER);
        return label;
    }

    /** A sentence shown only while there is one. */
    static Label shown(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A titled card of the tab's right side. */
    static VBox card(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(8, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("admin-card");
        card.setPadding(new Insets(16));
        return card;
    }

    /** The tab's right side, scrolling when the window is short. */
    static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }
}
