package com.recruitdesk.app.interviews;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.interviews.data.Bell;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

/** The bell with the unread count, and the list it opens: newest first, unread in bold, a click opens the interview. */
final class BellView {
    static final String BUTTON_ID = "bell";
    static final String COUNT_ID = "bell-count";
    static final String LIST_ID = "bell-list";
    /** Material Design's notifications icon (Apache License 2.0), as the shared icons are. */
    private static final String BELL =
            "M12 22c1.1 0 2-.9 2-2h-4c0 1.1.89 2 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4c0-.83"
                    + "-.67-1.5-1.5-1.5s-1.5.67-1.5 1.5v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z";

    private BellView() {}

    static Node button(BellViewModel vm) {
        SVGPath shape = new SVGPath();
        shape.setContent(BELL);
        Region icon = new Region();
        icon.setShape(shape);
        icon.setMinSize(20, 20);
        icon.setPrefSize(20, 20);
        icon.setMaxSize(20, 20);
        icon.getStyleClass().add("icon");
        Label count = new Label();
        count.setId(COUNT_ID);
        count.getStyleClass().add("bell-count");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.unreadProperty().get() > 99
                                ? "99+"
                                : String.valueOf(vm.unreadProperty().get()),
                        vm.unreadProperty()));
        count.visibleProperty().bind(vm.unreadProperty().greaterThan(0));
        StackPane graphic = new StackPane(icon, count);
        StackPane.setAlignment(count, Pos.TOP_RIGHT);
        graphic.setPadding(new Insets(2, 8, 0, 0));
        Button bell = new Button(null, graphic);
        bell.setId(BUTTON_ID);
        bell.getStyleClass().addAll(Styles.FLAT, "bell");
        bell.setAccessibleText("Notifications");
        bell.setOnAction(e -> vm.openProperty().set(!vm.openProperty().get()));
        return bell;
    }

    static Node list(BellViewModel vm, Times times) {
        Label title = new Label("Notifications");
        title.getStyleClass().add(Styles.TITLE_4);
        Button all = new Button("Mark all read");
        all.getStyleClass().add(Styles.FLAT);
        all.setOnAction(e -> vm.markAllRead());
        all.disableProperty().bind(vm.unreadProperty().isEqualTo(0));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox head = new HBox(8, title, spring, all);
        head.setAlignment(Pos.CENTER_LEFT);
        ListView<Bell.Item> items = new ListView<>(vm.items());
        items.setId(LIST_ID);
        items.setPlaceholder(new Label("Nothing yet."));
        items.setCellFactory(l -> new Cell(times, l));
        items.setOnMouseClicked(e -> {
            Bell.Item chosen = items.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                vm.choose(chosen);
                items.getSelectionModel().clearSelection();
            }
        });
        items.setPrefHeight(420);
        VBox card = new VBox(8, head, items);
        card.getStyleClass().add("bell-card");
        card.setMaxSize(420, 500);
        card.setPadding(new Insets(12));
        StackPane.setAlignment(card, Pos.TOP_RIGHT);
        StackPane.setMargin(card, new Insets(44, 12, 0, 0));
        card.visibleProperty().bind(vm.openProperty());
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private static final class Cell extends ListCell<Bell.Item> {
        private final Times times;
        private final ListView<Bell.Item> list;

        Cell(Times times, ListView<Bell.Item> list) {
            this.times = times;
            this.list = list;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Bell.Item n, boolean empty) {
            super.updateItem(n, empty);
            setText(null);
            if (empty || n == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(n.title());
            title.setWrapText(true);
            if (!n.read()) {
                title.getStyleClass().add(Styles.TEXT_BOLD);
            }
            Label when = new Label(times.inList(n.at()));
            when.getStyleClass().add(Styles.TEXT_MUTED);
            Region spring = new Region();
            HBox.setHgrow(spring, Priority.ALWAYS);
            HBox top = new HBox(6, title, spring, when);
            VBox box = new VBox(2, top);
            if (n.message() != null) {
                Label message = new Label(n.message());
                message.setWrapText(true);
                message.setMinHeight(Region.USE_PREF_SIZE); // the whole message, on as many lines as it takes
                message.getStyleClass().add(Styles.TEXT_MUTED);
                box.getChildren().add(message);
            }
            box.prefWidthProperty().bind(list.widthProperty().subtract(36));
            box.maxWidthProperty().bind(box.prefWidthProperty());
            box.getStyleClass().add(n.read() ? "notification-read" : "notification-unread");
            setGraphic(box);
        }
    }
}
