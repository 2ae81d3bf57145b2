package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.pipelines.data.Actions;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.Pills;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The action queue under the jobs, and the export button with its progress above the board. */
final class QueueView {
    static final String ACTIONS_ID = "pipelines-actions";
    static final String EXPORT_ID = "pipelines-export";
    static final String EXPORT_STATE_ID = "pipelines-export-state";
    static final String EXPORT_OPEN_ID = "pipelines-export-open";
    static final String OPEN_CONVERSATION_CLASS = "action-conversation";

    private QueueView() {}

    /** My items by priority: a click opens the application, "Open conversation" the person's chat, × dismisses. */
    static Node actions(QueueViewModel vm) {
        Label title = new Label("My actions");
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.setText("nothing to do");
        ListView<Actions.Item> list = new ListView<>(vm.items());
        vm.items().addListener((javafx.collections.ListChangeListener<Actions.Item>) c -> count.setText(
                vm.items().isEmpty() ? "nothing to do" : vm.items().size() + " to do"));
        list.setId(ACTIONS_ID);
        list.getStyleClass().add("job-list");
        list.setPrefHeight(230);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Actions.Item item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label what = new Label(item.title());
                what.getStyleClass().add("action-title");
                what.setWrapText(true);
                what.setMinHeight(Region.USE_PREF_SIZE);
                Label why = new Label(item.description() == null ? "" : item.description());
                why.getStyleClass().add("muted");
                why.setWrapText(true);
                why.setMinHeight(Region.USE_PREF_SIZE);
                Label pill = Pills.of(item.priority(), "priority-" + item.priority());
                pill.setMinWidth(Region.USE_PREF_SIZE);
                Button dismiss = new Button(null, Icons.CLOSE.node(12));
                dismiss.getStyleClass().addAll("flat", "dismiss");
                dismiss.setAccessibleText("Dismiss");
                dismiss.setOnAction(e -> vm.dismiss(item));
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                HBox top = new HBox(6, pill, gap, dismiss);
                top.setAlignment(Pos.CENTER_LEFT);
                VBox box = new VBox(2, top, what, why);
                if (vm.opensConversation(item)) {
                    // Under the text, not beside the priority: in the narrow column the two squeezed
                    // each other to "...".
                    Button talk = new Button("Open conversation");
                    talk.getStyleClass().addAll("flat", OPEN_CONVERSATION_CLASS);
                    talk.setMinWidth(Region.USE_PREF_SIZE);
                    talk.setOnAction(e -> vm.openConversation(item));
                    box.getChildren().add(talk);
                }
                box.getStyleClass().add("job-row");
                box.setMaxWidth(190);
                box.setOnMouseClicked(e -> vm.open(item));
                setGraphic(box);
            }
        });
        HBox head = new HBox(6, title, count);
        head.setAlignment(Pos.BASELINE_LEFT);
        return new VBox(6, head, list);
    }

    /** "Export" (Excel, CSV or JSON; with the CVs or not), then the latest export's progress and its file. */
    static Node export(QueueViewModel vm) {
        MenuButton ask = new MenuButton("Export");
        ask.setId(EXPORT_ID);
        CheckMenuItem withCvs = new CheckMenuItem("With the CVs");
        withCvs.setSelected(true);
        for (String[] f : new String[][] {{"excel", "Excel (.xlsx)"}, {"csv", "CSV"}, {"json", "JSON"}}) {
            MenuItem item = new MenuItem(f[1]);
            item.setId("pipelines-export-" + f[0]);
            item.setOnAction(e -> vm.requestExport(f[0], withCvs.isSelected()));
            ask.getItems().add(item);
        }
        ask.getItems().addAll(new SeparatorMenuItem(), withCvs);
        ask.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(110);
        Label state = new Label();
        state.setId(EXPORT_STATE_ID);
        state.setMinWidth(0);
        state.setTooltip(new javafx.scene.control.Tooltip());
        state.getTooltip().textProperty().bind(state.textProperty());
        state.getStyleClass().add("muted");
        Button open = new Button("Open");
        open.setId(EXPORT_OPEN_ID);
        open.setOnAction(e -> vm.openExport());
        open.setMinWidth(Region.USE_PREF_SIZE);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        Runnable show = () -> {
            Actions.Export x = vm.exportProperty().get();
            bar.setVisible(x != null && !x.done());
            bar.setManaged(bar.isVisible());
            bar.setProgress(x == null ? 0 : x.percent() / 100.0);
            open.setVisible(x != null && x.resultBlobId() != null);
            open.setManaged(open.isVisible());
            state.setText(x == null ? "" : describe(x));
            state.getStyleClass().remove("problem");
            if (x != null && "failed".equals(x.status())) {
                state.getStyleClass().add("problem");
            }
        };
        vm.exportProperty().addListener((o, a, b) -> show.run());
        show.run();
        HBox box = new HBox(8, ask, bar, state, open);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    static String describe(Actions.Export x) {
        String what = switch (x.format()) {
                    case "excel" -> "Excel";
                    case "csv" -> "CSV";
                    default -> "JSON";
                }
                + (x.withCvs() ? " with CVs" : "");
        return switch (x.status()) {
            case "queued" -> what + ": waiting for the server";
            case "processing" -> what + ": " + x.percent() + "%";
            case "completed" -> what + ": ready" + (x.error() == null ? "" : " (" + x.error() + ")");
            case "failed" -> x.error() == null ? what + ": failed" : x.error();
            default -> what + ": " + x.status();
        };
    }
}
