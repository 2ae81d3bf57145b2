package com.recruitdesk.app.widgets;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A pane's keyboard help: a card over the pane listing its shortcuts; a click or Esc closes it. */
public final class HelpOverlay {
    private HelpOverlay() {}

    /** Shown while {@code shown} is true; {@code id} names the overlay for tests and CSS. */
    public static Node create(String id, List<Shortcut> shortcuts, BooleanProperty shown) {
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setGraphic(Icons.KEYBOARD.node(20));
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(8);
        int row = 0;
        for (Shortcut s : shortcuts) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("key");
            grid.addRow(row++, keys, new Label(s.what()));
        }
        Label close = new Label("Press Esc or click anywhere to close.");
        close.getStyleClass().add(Styles.TEXT_MUTED);
        VBox card = new VBox(14, title, grid, close);
        card.getStyleClass().add("help-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane scrim = new StackPane(card);
        scrim.setId(id);
        scrim.getStyleClass().add("help-scrim");
        scrim.setAlignment(Pos.CENTER);
        scrim.visibleProperty().bind(shown);
        scrim.setOnMouseClicked(e -> shown.set(false));
        return scrim;
    }
}
