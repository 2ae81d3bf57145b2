package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.pipelines.data.Card;
import com.recruitdesk.app.widgets.ShortcutKeys;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The chosen job's applications shown as the board or as the sortable list, with the switch between
 * them and the actions on the applications chosen in either: move to a stage, or reject.
 *
 * @param tools the switch and the actions, for the pane's tool row
 * @param body the board or the list
 */
record BoardOrList(Node tools, Node body) {
    static final String BOARD_TOGGLE_ID = "pipelines-show-board";
    static final String LIST_TOGGLE_ID = "pipelines-show-list";
    static final String MOVE_ID = "pipelines-move-chosen";
    static final String REJECT_ID = "pipelines-reject-chosen";

    static String moveToId(String stage) {
        return "pipelines-move-chosen-" + stage;
    }

    static BoardOrList create(PipelinesViewModel vm) {
        Node board = BoardView.create(vm);
        TableView<Card> table = ApplicationTable.create(vm);
        table.setVisible(false);
        StackPane body = new StackPane(board, table);

        ToggleGroup group = new ToggleGroup();
        ToggleButton showBoard = toggle("Board", BOARD_TOGGLE_ID, group);
        ToggleButton showList = toggle("List", LIST_TOGGLE_ID, group);
        showBoard.getStyleClass().add("left-pill");
        showList.getStyleClass().add("right-pill");
        showBoard.setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always shown
                return;
            }
            table.setVisible(now == showList);
            board.setVisible(now == showBoard);
        });
        java.util.function.Supplier<List<UUID>> chosen =
                () -> table.isVisible() ? ApplicationTable.selectedIds(table) : BoardView.chosen(board);

        MenuButton move = new MenuButton("Move to");
        move.setId(MOVE_ID);
        for (String stage : PipelinesViewModel.LANES) {
            MenuItem item = new MenuItem(BoardView.label(stage));
            item.setId(moveToId(stage));
            item.setOnAction(e -> act(vm, chosen.get(), stage));
            move.getItems().add(item);
        }
        Button reject = new Button("Reject");
        reject.setId(REJECT_ID);
        reject.setOnAction(e -> act(vm, chosen.get(), "rejected"));
        reject.setTooltip(new javafx.scene.control.Tooltip("Reject the chosen applications (R on the board or list)"));
        // R rejects what is chosen; the helper swallows the letter, so it never lands in a field.
        ShortcutKeys.install(
                body,
                e -> {
                    boolean plain = e.getCode() == KeyCode.R
                            && !e.isShortcutDown()
                            && !e.isAltDown()
                            && !e.isShiftDown()
                            && !(e.getTarget() instanceof TextInputControl);
                    if (plain) {
                        act(vm, chosen.get(), "rejected");
                    }
                    return plain;
                },
                e -> false);
        showBoard.setTooltip(new javafx.scene.control.Tooltip(
                "Drag cards, or Ctrl+→ / Ctrl+← to move the chosen ones a lane; Ctrl+click to choose several;"
                        + " R rejects the chosen"));
        HBox pills = new HBox(0, showBoard, showList);
        for (javafx.scene.layout.Region r : List.of(showBoard, showList, move, reject)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox tools = new HBox(8, pills, move, reject);
        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new BoardOrList(tools, body);
    }

    private static void act(PipelinesViewModel vm, List<UUID> ids, String stage) {
        if (ids.isEmpty()) {
            vm.say("Choose one or more applications first (Ctrl or Shift and click for several).");
            return;
        }
        vm.move(ids, stage);
    }

    private static ToggleButton toggle(String text, String id, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        return b;
    }
}
