package com.recruitdesk.app.overview;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The synced rows per entity: what this computer holds. */
public final class OverviewView {
    public static final String ID = "overview";
    public static final String TABLE_ID = "entity-counts";

    private OverviewView() {}

    public static Parent create(OverviewViewModel vm) {
        Label title = new Label("Synced data");
        title.getStyleClass().add(Styles.TITLE_3);
        Label note = new Label("What this computer holds, by kind: everything here works offline, and each pane"
                + " reads its rows from here.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);

        TableView<OverviewViewModel.EntityCountRow> table = new TableView<>(vm.rows());
        table.setId(TABLE_ID);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<OverviewViewModel.EntityCountRow, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        TableColumn<OverviewViewModel.EntityCountRow, Integer> count = new TableColumn<>("Rows");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        count.setMaxWidth(140);
        count.setMinWidth(100);
        table.getColumns().add(kind);
        table.getColumns().add(count);
        table.setPlaceholder(new Label("Nothing synced yet."));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label total = new Label();
        total.textProperty().bind(vm.totalProperty().map(n -> n + " rows in total"));
        total.getStyleClass().add(Styles.TEXT_MUTED);

        VBox root = new VBox(10, title, note, table, total);
        root.setId(ID);
        root.setPadding(new Insets(20, 24, 16, 24));
        return root;
    }
}
