package com.recruitdesk.app.status;

import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.sync.SyncStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The sync engine's state as words: online / offline / syncing, pending count, last error, last sync. */
public final class StatusBarViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ReadOnlyObjectWrapper<SyncStatus.State> state =
            new ReadOnlyObjectWrapper<>(SyncStatus.State.STARTING);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("Starting");
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper("Nothing pending");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastSync = new ReadOnlyStringWrapper("Not synced yet");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper firstSync = new ReadOnlyBooleanWrapper(false);
    private final TaskExecutor tasks;
    private final ZoneId zone;

    public StatusBarViewModel(TaskExecutor tasks, ZoneId zone) {
        this.tasks = tasks;
        this.zone = zone;
    }

    /** Called by the sync engine on its own thread; the properties change on the UI thread. */
    public void accept(SyncStatus status) {
        tasks.onUi(() -> show(status));
    }

    /** Says a refused change that no open pane owns (on any thread): it stays until a newer error. */
    public void rejected(String sentence) {
        tasks.onUi(() -> lastError.set(sentence));
    }

    private void show(SyncStatus s) {
        state.set(s.state());
        stateText.set(
                switch (s.state()) {
                    case STARTING -> "Starting";
                    case SYNCING -> s.firstSync() ? "Syncing for the first time" : "Syncing";
                    case ONLINE -> "Online";
                    case OFFLINE -> "Offline";
                    case SIGNED_OUT -> "Signed out";
                });
        pending.set(s.pending() == 0 ? "Nothing pending" : s.pending() + " pending");
        lastError.set(s.lastError() == null ? "" : s.lastError());
        lastSync.set(s.lastSyncAt() == null ? "Not synced yet" : "Last sync " + format(s.lastSyncAt()));
        progress.set(s.firstSync() ? s.progress() : 0);
        firstSync.set(s.firstSync());
        progressText.set(s.firstSync() ? progressText(s) : "");
    }

    /** "12,000 of 100,783 rows (12%)"; before the server said how many, the rows so far. */
    private static String progressText(SyncStatus s) {
        return s.total() > 0
                ? String.format(
                        java.util.Locale.ROOT,
                        "%,d of %,d rows (%d%%)",
                        s.received(),
                        s.total(),
                        Math.round(s.progress() * 100))
                : String.format(java.util.Locale.ROOT, "%,d rows", s.received());
    }

    private String format(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    public ReadOnlyObjectProperty<SyncStatus.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    /** First-sync progress from 0 to 1 (-1 while its size is unknown); 0 when no first sync runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while the first sync of this store runs. */
    public ReadOnlyBooleanProperty firstSyncProperty() {
        return firstSync.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}
