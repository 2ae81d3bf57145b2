package com.recruitdesk.app.overview;

import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.store.LocalStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * How many rows of each kind this computer holds. A stand-in until the Conversations, Pipelines,
 * Interviews and Cohorts panes exist; it reads the local store only and refreshes when it changes.
 */
public final class OverviewViewModel {
    /** One line of the table: an entity name as people read it and how many rows are here. */
    public record EntityCountRow(String entity, String label, int count) {}

    private final ObservableList<EntityCountRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final LocalStore store;
    private final TaskExecutor tasks;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    public OverviewViewModel(LocalStore store, TaskExecutor tasks) {
        this.store = store;
        this.tasks = tasks;
        store.addChangeListener(entities -> refresh());
    }

    public ObservableList<EntityCountRow> rows() {
        return rows;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Reads the counts off the UI thread; bursts of changes (a first sync) coalesce into one read. */
    public void refresh() {
        if (!refreshQueued.compareAndSet(false, true)) {
            return;
        }
        tasks.run(
                () -> {
                    refreshQueued.set(false);
                    return store.countsByEntity();
                },
                this::show,
                failure -> refreshQueued.set(false));
    }

    private void show(Map<String, Integer> counts) {
        rows.setAll(counts.entrySet().stream()
                .filter(e -> !e.getKey().equals("outbox"))
                .map(e -> new EntityCountRow(e.getKey(), label(e.getKey()), e.getValue()))
                .toList());
        total.set(counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** {@code whatsappAccount} → "Whatsapp account". */
    static String label(String entity) {
        String spaced = entity.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
