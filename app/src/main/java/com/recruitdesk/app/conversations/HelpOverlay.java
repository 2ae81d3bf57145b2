package com.recruitdesk.app.conversations;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard help: a card over the pane listing every shortcut; a click or Esc closes it. */
final class HelpOverlay {
    static final String ID = "keyboard-help";

    private HelpOverlay() {}

    static Node create(ConversationsViewModel vm) {
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setGraphic(Icons.KEYBOARD.node(20));
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(8);
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
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
        scrim.setId(ID);
        scrim.getStyleClass().add("help-scrim");
        scrim.setAlignment(Pos.CENTER);
        scrim.visibleProperty().bind(vm.helpShownProperty());
        scrim.setOnMouseClicked(e -> vm.helpShownProperty().set(false));
        return scrim;
    }
}
