package com.recruitdesk.app.widgets;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A band across the pane that says something went wrong, or that it is offline; shown while there is something to say. */
public final class Banners {
    private Banners() {}

    /** Shows {@code message} (hidden while empty) with a button that calls {@code dismiss}. */
    public static Node notice(String textId, ObservableStringValue message, Icons icon, Runnable dismiss) {
        Label text = new Label();
        text.setId(textId);
        text.textProperty().bind(message);
        text.setWrapText(true);
        Button close = new Button(null, Icons.CLOSE.node(10));
        close.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_CIRCLE);
        close.setAccessibleText("Dismiss");
        close.setOnAction(e -> dismiss.run());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox banner = new HBox(8, icon.node(16), text, spring, close);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("banner", "notice");
        banner.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(message));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /**
     * Shows what {@code notice} says (hidden while empty): a problem with {@code problemIcon} in the
     * danger colours, something done with a tick in the success colours; dismissing clears it.
     */
    public static Node notice(String textId, Notice notice, Icons problemIcon) {
        HBox banner = (HBox) notice(textId, notice.textProperty(), problemIcon, notice::clear);
        Node problem = banner.getChildren().getFirst();
        Node done = Icons.CHECK.node(16);
        banner.getChildren().add(1, done);
        problem.visibleProperty().bind(notice.doneProperty().not());
        problem.managedProperty().bind(problem.visibleProperty());
        done.visibleProperty().bind(notice.doneProperty());
        done.managedProperty().bind(done.visibleProperty());
        notice.doneProperty().subscribe(d -> {
            banner.getStyleClass().removeAll("notice", "done");
            banner.getStyleClass().add(d ? "done" : "notice");
        });
        return banner;
    }

    /** The offline band (id {@code id}): {@code text}, shown while {@code offline} is true. */
    public static Node offline(String id, String text, ObservableBooleanValue offline) {
        Label label = new Label(text);
        label.setWrapText(true);
        HBox banner = new HBox(8, Icons.CLOUD_OFF.node(16), label);
        banner.setId(id);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("banner", "offline");
        banner.visibleProperty().bind(offline);
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
