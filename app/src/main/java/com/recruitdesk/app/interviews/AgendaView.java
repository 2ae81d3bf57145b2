package com.recruitdesk.app.interviews;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.widgets.Pills;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The agenda: headings for "To score", today and the days ahead, and an interview under each. */
final class AgendaView {
    static final String LIST_ID = "interviews-agenda";
    static final String SUMMARY_ID = "interviews-agenda-summary";

    private AgendaView() {}

    static Node create(AgendaViewModel vm) {
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setWrapText(true);
        ListView<AgendaEntry> list = new ListView<>(vm.entries());
        list.setId(LIST_ID);
        list.getStyleClass().add("agenda");
        list.setCellFactory(l -> new Cell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now instanceof AgendaEntry.Entry e) {
                vm.selectedProperty().set(e.interview());
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> select(list, now));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(6, summary, list);
        box.setPadding(new Insets(10, 8, 8, 10));
        box.setMinWidth(260);
        return box;
    }

    private static void select(ListView<AgendaEntry> list, InterviewItem i) {
        for (int k = 0; k < list.getItems().size(); k++) {
            if (list.getItems().get(k) instanceof AgendaEntry.Entry e
                    && i != null
                    && e.interview().id().equals(i.id())) {
                if (list.getSelectionModel().getSelectedIndex() != k) {
                    list.getSelectionModel().select(k);
                    list.scrollTo(Math.max(0, k - 1));
                }
                return;
            }
        }
    }

    private static final class Cell extends ListCell<AgendaEntry> {
        Cell() {
            setPrefWidth(0); // as wide as the list, never wider: long lines end in "…"
        }

        @Override
        protected void updateItem(AgendaEntry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("agenda-heading", "agenda-entry");
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setDisable(false);
                return;
            }
            switch (item) {
                case AgendaEntry.Heading h -> {
                    Label l = new Label(h.text());
                    l.getStyleClass().add("section-title");
                    setGraphic(l);
                    setDisable(true); // a heading is not a choice
                    getStyleClass().add("agenda-heading");
                }
                case AgendaEntry.Entry e -> {
                    setDisable(false);
                    getStyleClass().add("agenda-entry");
                    setGraphic(entry(e));
                }
            }
        }

        private static Node entry(AgendaEntry.Entry e) {
            InterviewItem i = e.interview();
            Label when = new Label(e.when());
            when.getStyleClass().add("agenda-time");
            Label who = new Label(i.candidateName());
            who.getStyleClass().add(Styles.TEXT_BOLD);
            Region spring = new Region();
            HBox.setHgrow(spring, Priority.ALWAYS);
            HBox top = new HBox(8, when, spring);
            if (e.toScore()) {
                top.getChildren().add(Pills.of(e.draft() ? "Draft" : "Scorecard due", "pill-due"));
            } else if (!"scheduled".equals(i.status())) {
                top.getChildren().add(Pills.of(Labels.status(i.status()), "pill-" + i.status()));
            }
            if (i.pending()) {
                top.getChildren().add(Pills.of("Waiting to send", "pill-pending"));
            }
            Label what = new Label(Labels.what(i));
            what.getStyleClass().add(Styles.TEXT_MUTED);
            VBox box = new VBox(2, top, who, what);
            box.setPadding(new Insets(2, 0, 2, 0));
            return box;
        }
    }
}
