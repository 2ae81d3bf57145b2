package com.recruitdesk.app.overview;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.recruitdesk.app.status.StatusBarViewModel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The stand-in pane: first-sync progress, then the synced rows per entity. */
public final class OverviewView {
    public static final String ID = "overview";
    public static final String TABLE_ID = "entity-counts";
    public static final String PROGRESS_ID = "first-sync-progress";
    public static final String PROGRESS_TEXT_ID = "first-sync-progress-text";

    private OverviewView() {}

    public static Parent create(OverviewViewModel vm, StatusBarViewModel sync) {
        Label title = new Label("Synced data");
        title.getStyleClass().add(Styles.TITLE_3);
        Label note = new Label("What this computer holds, by kind. The Conversations, Pipelines, Interviews and Cohorts"
                + " panes come next; until then this list shows that sync works.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);

        ProgressBar progress = new ProgressBar();
        progress.setId(PROGRESS_ID);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(sync.progressProperty());
        Label progressText = new Label();
        progressText.setId(PROGRESS_TEXT_ID);
        progressText.textProperty().bind(sync.progressTextProperty().map(t -> "Getting your data: " + t));
        VBox firstSync = new VBox(6, progressText, progress);
        firstSync.visibleProperty().bind(sync.firstSyncProperty());
        firstSync.managedProperty().bind(firstSync.visibleProperty());

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

        VBox root = new VBox(10, title, note, firstSync, table, total);
        root.setId(ID);
        root.setPadding(new Insets(20, 24, 16, 24));
        return root;
    }
}
