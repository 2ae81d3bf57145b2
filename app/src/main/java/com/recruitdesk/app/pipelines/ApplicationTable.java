package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.pipelines.data.Card;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The chosen job's applications as one list beside the board: the same cards, sorted by any column
 * (name, stage, days in stage, match score, next follow-up date; a click on the header), several chosen
 * with Shift or Ctrl to move or reject together.
 */
final class ApplicationTable {
    static final String ID = "pipelines-list";

    private ApplicationTable() {}

    static String columnId(String name) {
        return "pipelines-list-" + name;
    }

    static TableView<Card> create(PipelinesViewModel vm) {
        ObservableList<Card> all = FXCollections.observableArrayList();
        ListChangeListener<Card> refill = c -> {
            List<Card> cards = new ArrayList<>();
            PipelinesViewModel.LANES.forEach(l -> cards.addAll(vm.lane(l)));
            all.setAll(cards);
        };
        PipelinesViewModel.LANES.forEach(l -> vm.lane(l).addListener(refill));
        refill.onChanged(null);
        TableView<Card> table = new TableView<>();
        table.setId(ID);
        SortedList<Card> sorted = new SortedList<>(all);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new javafx.scene.control.Label("No applications for this job yet."));

        TableColumn<Card, String> name = column("name", "Name", Card::name);
        name.setMinWidth(130);
        name.setPrefWidth(220);
        TableColumn<Card, Integer> stage = column("stage", "Stage", c -> PipelinesViewModel.LANES.indexOf(c.stage()));
        // Sorted in the board's order of lanes, shown by name.
        stage.setCellFactory(col -> text(i -> i < 0 ? "" : BoardView.label(PipelinesViewModel.LANES.get(i)), ""));
        TableColumn<Card, Long> days =
                column("days", "Days", c -> daysIn(c, vm.clock().instant()));
        days.setCellFactory(col -> text(d -> d == 1 ? "1 day" : d + " days", "just moved"));
        TableColumn<Card, Integer> score = column("score", "Score", Card::score);
        score.setCellFactory(col -> text(s -> s + "%", "–"));
        TableColumn<Card, LocalDate> next = column("followUp", "Follow-up", Card::nextFollowUp);
        next.setCellFactory(col -> text(com.recruitdesk.app.widgets.DateFields::format, ""));
        TableColumn<Card, String> flag = column("flag", "", c -> c.mustHaveFailed() ? "Must-have failed" : "");
        flag.setSortable(false);
        fixed(stage, 90);
        fixed(days, 80);
        fixed(score, 80);
        fixed(next, 100);
        fixed(flag, 90);
        flag.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                javafx.scene.control.Label pill = new javafx.scene.control.Label("Must-have");
                pill.getStyleClass().add("card-flag");
                pill.setTooltip(new javafx.scene.control.Tooltip(value));
                setGraphic(empty || value == null || value.isEmpty() ? null : pill);
            }
        });
        table.getColumns().setAll(List.of(name, stage, days, score, next, flag));

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b.id());
            }
        });
        return table;
    }

    /** A column as wide as its title needs, whatever the window's width. */
    private static void fixed(TableColumn<Card, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
    }

    static List<UUID> selectedIds(TableView<Card> table) {
        return table.getSelectionModel().getSelectedItems().stream()
                .filter(java.util.Objects::nonNull)
                .map(Card::id)
                .toList();
    }

    /** Whole days in the stage; null for a card just moved here (no time from the server yet). */
    static Long daysIn(Card c, Instant now) {
        return c.inStageSince() == null
                ? null
                : Math.max(0, Duration.between(c.inStageSince(), now).toDays());
    }

    private static <T extends Comparable<? super T>> TableColumn<Card, T> column(
            String id, String title, java.util.function.Function<Card, T> value) {
        TableColumn<Card, T> col = new TableColumn<>(title);
        col.setId(columnId(id));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        return col;
    }

    private static <T> TableCell<Card, T> text(java.util.function.Function<T, String> shown, String none) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value == null ? none : shown.apply(value));
            }
        };
    }
}
