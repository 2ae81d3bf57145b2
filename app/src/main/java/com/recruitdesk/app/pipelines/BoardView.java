package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.pipelines.data.Card;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The board: a lane per stage (the closed lanes last and narrower), a card per application. Cards
 * move by drag and drop or from the keyboard (Ctrl+→ / Ctrl+← one lane on or back, ← → between
 * lanes); several selected with Shift or Ctrl move together.
 */
final class BoardView {
    static final String ID = "pipelines-board";

    private BoardView() {}

    static String laneId(String stage) {
        return "lane-" + stage;
    }

    static Node create(PipelinesViewModel vm) {
        HBox lanes = new HBox(8);
        lanes.setId(ID);
        lanes.getStyleClass().add("board");
        List<ListView<Card>> lists = new ArrayList<>();
        for (String stage : PipelinesViewModel.LANES) {
            ListView<Card> list = new ListView<>(vm.lane(stage));
            list.setId(laneId(stage));
            list.getStyleClass().add("lane-list");
            list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
            list.setCellFactory(l -> new CardCell(vm, (x, y) -> laneAt(lists, x, y)));
            list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
                if (b != null) {
                    vm.selectedProperty().set(b.id());
                }
            });
            // A plain click chooses in one lane; with Ctrl or Shift the other lanes' cards stay chosen.
            list.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
                if (!e.isShortcutDown() && !e.isShiftDown()) {
                    lists.stream()
                            .filter(other -> other != list)
                            .forEach(other -> other.getSelectionModel().clearSelection());
                }
            });
            lists.add(list);
            Label title = new Label();
            title.getStyleClass().add("lane-title");
            title.textProperty()
                    .bind(javafx.beans.binding.Bindings.size(vm.lane(stage)).asString(label(stage) + "  %d"));
            VBox lane = new VBox(6, title, list);
            lane.getStyleClass().add("lane");
            boolean closed = stage.equals("rejected") || stage.equals("withdrawn");
            if (closed) {
                lane.getStyleClass().add("closed");
            }
            lane.setMinWidth(closed ? 130 : 160);
            lane.setPrefWidth(closed ? 140 : 180);
            VBox.setVgrow(list, Priority.ALWAYS);
            lanes.getChildren().add(lane);
        }
        for (int i = 0; i < lists.size(); i++) {
            keyboard(lists, i, vm);
        }
        // Wider than the window when the detail is open: the board scrolls sideways, lanes keep their height.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(lanes);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("board-scroll");
        scroll.getProperties().put(ID, lists);
        return scroll;
    }

    private static void keyboard(List<ListView<Card>> lists, int i, PipelinesViewModel vm) {
        ListView<Card> list = lists.get(i);
        String stage = PipelinesViewModel.LANES.get(i);
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean sideways = e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT;
            if (!sideways) {
                return;
            }
            int step = e.getCode() == KeyCode.RIGHT ? 1 : -1;
            if (e.isShortcutDown()) {
                List<UUID> ids = selectedIds(list);
                vm.moveBy(ids, stage, step);
                focusLane(lists, i + step, ids);
            } else {
                focusLane(lists, i + step, List.of());
            }
            e.consume();
        });
    }

    /** Focuses lane {@code i} (if there is one), selecting {@code ids} in it once they arrive, or its first card. */
    private static void focusLane(List<ListView<Card>> lists, int i, List<UUID> ids) {
        if (i < 0 || i >= lists.size()) {
            return;
        }
        ListView<Card> target = lists.get(i);
        target.requestFocus();
        target.getSelectionModel().clearSelection();
        for (int k = 0; k < target.getItems().size(); k++) {
            if (ids.isEmpty() ? k == 0 : ids.contains(target.getItems().get(k).id())) {
                target.getSelectionModel().select(k);
            }
        }
    }

    /** The cards chosen on {@code board} (made by {@link #create}), lane by lane. */
    @SuppressWarnings("unchecked")
    static List<UUID> chosen(Node board) {
        return ((List<ListView<Card>>) board.getProperties().get(ID))
                .stream().flatMap(l -> selectedIds(l).stream()).toList();
    }

    static List<UUID> selectedIds(ListView<Card> list) {
        return list.getSelectionModel().getSelectedItems().stream()
                .filter(java.util.Objects::nonNull)
                .map(Card::id)
                .toList();
    }

    /** The stage of the lane under the scene point, if any. */
    private static String laneAt(List<ListView<Card>> lists, double sceneX, double sceneY) {
        for (int i = 0; i < lists.size(); i++) {
            ListView<Card> list = lists.get(i);
            if (list.localToScene(list.getBoundsInLocal()).contains(sceneX, sceneY)) {
                return PipelinesViewModel.LANES.get(i);
            }
        }
        return null;
    }

    static String label(String stage) {
        return switch (stage) {
            case "new" -> "New";
            case "screening" -> "Screening";
            case "interview" -> "Interview";
            case "offer" -> "Offer";
            case "hired" -> "Hired";
            case "rejected" -> "Rejected";
            case "withdrawn" -> "Withdrawn";
            default -> stage;
        };
    }

    /** A card: the person, days in the stage, the score, a must-have flag, the next follow-up. */
    static final class CardCell extends ListCell<Card> {
        private final PipelinesViewModel vm;

        /**
         * Dragging is done with the mouse events themselves rather than the platform's drag and drop,
         * so it behaves the same on every desktop: the cards pressed (the selection, if the card is in
         * it) go to the lane the mouse is released over.
         */
        CardCell(PipelinesViewModel vm, java.util.function.BiFunction<Double, Double, String> laneAt) {
            this.vm = vm;
            setPrefWidth(0); // as wide as the lane, never wider: long names end in "..."
            boolean[] dragging = {false};
            setOnMouseDragged(e -> {
                if (getItem() != null) {
                    dragging[0] = true;
                    setCursor(javafx.scene.Cursor.CLOSED_HAND);
                }
            });
            setOnMouseReleased(e -> {
                setCursor(null);
                if (!dragging[0] || getItem() == null) {
                    return;
                }
                dragging[0] = false;
                String target = laneAt.apply(e.getSceneX(), e.getSceneY());
                if (target != null && !target.equals(getItem().stage())) {
                    List<UUID> ids =
                            getListView().getSelectionModel().getSelectedItems().contains(getItem())
                                    ? selectedIds(getListView())
                                    : List.of(getItem().id());
                    vm.move(ids, target);
                }
                e.consume();
            });
        }

        @Override
        protected void updateItem(Card card, boolean empty) {
            super.updateItem(card, empty);
            if (empty || card == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            // The name has the card's whole width (a lane is ~170 px; beside the score, names of
            // ten letters ended in "..."); the full name is in the tooltip.
            Label name = new Label(card.name());
            name.getStyleClass().add("card-name");
            name.setTooltip(new javafx.scene.control.Tooltip(card.name()));
            Label score = new Label(card.score() == null ? "–" : card.score() + "%");
            score.getStyleClass().add("card-score");
            score.setMinWidth(Region.USE_PREF_SIZE);
            String inStage = inStage(card.inStageSince(), vm.clock().instant());
            Label days = new Label(inStage);
            days.setMinWidth(0);
            days.setTooltip(new javafx.scene.control.Tooltip(
                    card.inStageSince() == null ? "Just moved" : "In " + label(card.stage()) + " for " + inStage));
            days.getStyleClass().add("card-meta");
            HBox meta = new HBox(6, score, days);
            meta.setAlignment(Pos.BASELINE_LEFT);
            VBox box = new VBox(3, name, meta);
            if (card.nextFollowUp() != null) {
                // A line of its own: beside the score and the days it cut them to "6 d...".
                Label follow = new Label("↻ Follow up " + FOLLOW_UP.format(card.nextFollowUp()));
                follow.getStyleClass().add("card-meta");
                follow.setTooltip(new javafx.scene.control.Tooltip(
                        "Next follow-up " + com.recruitdesk.app.widgets.DateFields.format(card.nextFollowUp())));
                box.getChildren().add(follow);
            }
            if (card.mustHaveFailed()) {
                Label flag = new Label("Must-have failed");
                flag.getStyleClass().addAll("card-flag");
                box.getChildren().add(flag);
            }
            box.getStyleClass().add("card");
            if (card.pending()) {
                box.getStyleClass().add("pending");
            }
            setText(null);
            setGraphic(box);
        }
    }

    private static final java.time.format.DateTimeFormatter FOLLOW_UP =
            java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH);

    /** How long the card has been in its lane: "today", "1 day", "12 days" (the lane says which stage). */
    static String inStage(Instant since, Instant now) {
        if (since == null) {
            return "just moved";
        }
        long days = Duration.between(since, now).toDays();
        return days <= 0 ? "today" : days == 1 ? "1 day" : days + " days";
    }
}
