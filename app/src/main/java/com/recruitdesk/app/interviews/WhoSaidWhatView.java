package com.recruitdesk.app.interviews;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.interviews.data.Scorecards;
import com.recruitdesk.app.interviews.data.WhoSaidWhat;
import com.recruitdesk.app.widgets.Pills;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Who said what: the applications with scorecards, and for the chosen one each interviewer's verdict side by side. */
final class WhoSaidWhatView {
    static final String LIST_ID = "compare-list";
    static final String TABLE_ID = "compare-table";
    static final String UNRATED_ID = "compare-unrated";

    private WhoSaidWhatView() {}

    static Node create(WhoSaidWhatViewModel vm) {
        ListView<Scorecards.Subject> list = new ListView<>(vm.subjects());
        list.setId(LIST_ID);
        list.setCellFactory(l -> {
            javafx.scene.control.ListCell<Scorecards.Subject> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(Scorecards.Subject s, boolean empty) {
                    super.updateItem(s, empty);
                    setText(empty || s == null ? null : s.toString());
                }
            };
            cell.setPrefWidth(0);
            return cell;
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().subscribe(s -> {
            if (s != null && list.getSelectionModel().getSelectedItem() != s) {
                list.getSelectionModel().select(s);
            }
        });
        Label hint = new Label("Applications with submitted scorecards");
        hint.getStyleClass().add("section-title");
        VBox left = new VBox(6, hint, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(10, 8, 8, 10));
        left.setMinWidth(280);

        VBox right = new VBox(12);
        right.setPadding(new Insets(14, 18, 18, 18));
        vm.tableProperty().subscribe(t -> right.getChildren().setAll(t == null ? empty() : table(vm, t)));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(left, false);
        return split;
    }

    private static Node empty() {
        Label l = new Label("No submitted scorecards yet.");
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Node table(WhoSaidWhatViewModel vm, WhoSaidWhat t) {
        Label title = new Label(
                vm.selectedProperty().get() == null
                        ? ""
                        : vm.selectedProperty().get().toString());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setId(TABLE_ID);
        grid.getStyleClass().add("compare");
        grid.setHgap(0);
        grid.setVgap(0);
        grid.add(cell("", "compare-corner"), 0, 0);
        for (int c = 0; c < t.interviewers().size(); c++) {
            grid.add(cell(t.interviewers().get(c), "compare-head"), c + 1, 0);
        }
        grid.add(cell("", "compare-head"), t.interviewers().size() + 1, 0);
        int r = 1;
        for (WhoSaidWhat.Line line : t.lines()) {
            String rowClass = "verdict-"
                    + line.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            grid.add(cell(line.label(), "compare-label", rowClass), 0, r);
            for (int c = 0; c < line.values().size(); c++) {
                String v = line.values().get(c);
                grid.add(
                        cell(
                                v == null ? "–" : v,
                                "compare-value",
                                rowClass,
                                v == null ? "compare-empty" : "compare-given"),
                        c + 1,
                        r);
            }
            grid.add(verdict(line.verdict()), t.interviewers().size() + 1, r);
            r++;
        }
        Label unrated = new Label(
                t.unrated().isEmpty()
                        ? "Every criterion was rated by someone."
                        : "Nobody rated: " + String.join(", ", t.unrated()) + ".");
        unrated.setId(UNRATED_ID);
        unrated.setWrapText(true);
        long disagree = t.lines().stream()
                .filter(l -> l.verdict() == WhoSaidWhat.Verdict.DISAGREE)
                .count();
        Label summary = new Label(
                disagree == 0
                        ? "The panel agrees on everything two or more of them rated."
                        : "They disagree on " + disagree + (disagree == 1 ? " line" : " lines")
                                + ": talk it through before deciding.");
        summary.setWrapText(true);
        VBox box = new VBox(10, title, summary, grid, unrated);
        return box;
    }

    private static Node verdict(WhoSaidWhat.Verdict v) {
        Label pill = switch (v) {
            case AGREE -> Pills.of("Agree", "pill-agree");
            case DISAGREE -> Pills.of("Disagree", "pill-disagree");
            case ONLY_ONE -> Pills.of("One rating", "pill-one");
            case NOBODY -> Pills.of("Nobody rated", "pill-nobody");
        };
        VBox box = new VBox(pill);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("compare-verdict");
        return box;
    }

    private static Label cell(String text, String... classes) {
        Label l = new Label(text);
        l.getStyleClass().addAll(classes);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        return l;
    }
}
