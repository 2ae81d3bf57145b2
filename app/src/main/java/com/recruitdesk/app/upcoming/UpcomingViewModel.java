package com.recruitdesk.app.upcoming;

import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.RejectionText;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A pane still to come: what it will do, how many of its rows this computer holds (kept up to date
 * as they sync: "3 interviews, 2 candidates"), and the rejections of its feature's mutations.
 */
public final class UpcomingViewModel {
    private final Upcoming upcoming;
    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper held = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final Refresher<Map<String, Integer>> counts;

    public UpcomingViewModel(Upcoming upcoming, LocalStore store, TaskExecutor tasks) {
        this.upcoming = upcoming;
        this.tasks = tasks;
        this.counts = new Refresher<>(
                tasks,
                store::countsByEntity,
                this::show,
                e -> held.set("Could not read this computer's data: " + e.getMessage()));
        Set<String> entities =
                upcoming.holdings().stream().map(Upcoming.Holding::entity).collect(Collectors.toSet());
        store.addChangeListener(changed -> {
            if (changed.stream().anyMatch(entities::contains)) {
                counts.request();
            }
        });
    }

    /** Reads the counts once (when the pane is made); store changes read them again. */
    public void start() {
        counts.request();
    }

    private void show(Map<String, Integer> byEntity) {
        held.set(upcoming.holdings().stream()
                .map(h -> h.count(byEntity.getOrDefault(h.entity(), 0)))
                .collect(Collectors.joining(", ")));
    }

    /** Told by the sync engine (on its thread) that one of this feature's changes was refused. */
    public void rejected(LocalStore.Rejection r) {
        String text = RejectionText.of(r);
        tasks.onUi(() -> notice.set(text));
    }

    public void dismissNotice() {
        notice.set("");
    }

    public String title() {
        return upcoming.title();
    }

    public String coming() {
        return upcoming.coming();
    }

    /** "3 interviews, 2 candidates": what this computer holds of the pane's rows. */
    public ReadOnlyStringProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
