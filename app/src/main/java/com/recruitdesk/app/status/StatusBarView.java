package com.recruitdesk.app.status;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.sync.SyncStatus;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.StatusBar;

/** The status bar at the bottom of the main window (ControlsFX {@link StatusBar}). */
public final class StatusBarView {
    public static final String ID = "status-bar";
    public static final String STATE_ID = "sync-state";
    public static final String PENDING_ID = "pending-count";
    public static final String ERROR_ID = "last-error";
    public static final String LAST_SYNC_ID = "last-sync";
    public static final String FIRST_SYNC_ID = "first-sync";
    public static final String FIRST_SYNC_TEXT_ID = "first-sync-progress-text";
    private static final String DOT = "status-dot";

    private StatusBarView() {}

    /** A band over every pane while the first sync runs: what is being fetched, and how far along it is. */
    public static Node firstSync(StatusBarViewModel vm) {
        Label text = new Label();
        text.setId(FIRST_SYNC_TEXT_ID);
        text.textProperty().bind(vm.progressTextProperty().map(t -> "Getting your data: " + t));
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox box = new HBox(12, text, bar);
        box.setId(FIRST_SYNC_ID);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 16, 8, 16));
        box.getStyleClass().add("first-sync");
        box.visibleProperty().bind(vm.firstSyncProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public static Node create(StatusBarViewModel vm) {
        StatusBar bar = new StatusBar();
        bar.setId(ID);
        bar.setText("");

        Label state = new Label();
        state.setId(STATE_ID);
        state.textProperty().bind(vm.stateTextProperty());
        state.getStyleClass().addAll(DOT, Styles.TEXT_BOLD);
        vm.stateProperty().subscribe(s -> {
            state.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.ACCENT, Styles.WARNING);
            state.getStyleClass()
                    .add(
                            switch (s) {
                                case ONLINE -> Styles.SUCCESS;
                                case OFFLINE -> Styles.DANGER;
                                case SIGNED_OUT -> Styles.WARNING;
                                case SYNCING, STARTING -> Styles.ACCENT;
                            });
        });

        Label error = new Label();
        error.setId(ERROR_ID);
        error.textProperty().bind(vm.lastErrorProperty());
        error.getStyleClass().addAll(Styles.TEXT_MUTED);

        Label pending = new Label();
        pending.setId(PENDING_ID);
        pending.textProperty().bind(vm.pendingProperty());

        Label lastSync = new Label();
        lastSync.setId(LAST_SYNC_ID);
        lastSync.textProperty().bind(vm.lastSyncProperty());
        lastSync.getStyleClass().add(Styles.TEXT_MUTED);

        bar.getLeftItems().addAll(state, new Separator(Orientation.VERTICAL), error);
        bar.getRightItems().addAll(pending, new Separator(Orientation.VERTICAL), lastSync);
        bar.progressProperty()
                .bind(javafx.beans.binding.Bindings.when(vm.stateProperty()
                                .isEqualTo(SyncStatus.State.SYNCING)
                                .and(vm.progressProperty().isNotEqualTo(0)))
                        .then(vm.progressProperty())
                        .otherwise(0.0));
        return bar;
    }
}
