package com.recruitdesk.app.interviews;

import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.interviews.data.Bell;
import com.recruitdesk.app.interviews.data.InterviewCommands;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The bell: the user's latest notifications, how many are unread, and marking them read. */
public final class BellViewModel {
    static final int SHOWN = 30;

    record Read(List<Bell.Item> items, int unread) {}

    private final InterviewCommands commands;
    private final TaskExecutor tasks;
    private final ObservableList<Bell.Item> items = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final Refresher<Read> refresher;
    private Consumer<Bell.Item> onOpen = i -> {};

    BellViewModel(Bell bell, InterviewCommands commands, TaskExecutor tasks) {
        this.commands = commands;
        this.tasks = tasks;
        this.refresher = new Refresher<>(
                tasks,
                () -> new Read(bell.latest(SHOWN), bell.unread()),
                r -> {
                    items.setAll(r.items());
                    unread.set(r.unread());
                },
                e -> {});
    }

    public void refresh() {
        refresher.request();
    }

    /** Opens what a notification is about (its interview) and marks it read. */
    public void choose(Bell.Item item) {
        markRead(item);
        open.set(false);
        onOpen.accept(item);
    }

    public void markRead(Bell.Item item) {
        if (item.read()) {
            return;
        }
        tasks.run(
                () -> {
                    commands.markRead(item.id());
                    return null;
                },
                x -> {},
                e -> {});
    }

    public void markAllRead() {
        List<Bell.Item> unreadNow = items.stream().filter(i -> !i.read()).toList();
        tasks.run(
                () -> {
                    unreadNow.forEach(i -> commands.markRead(i.id()));
                    return null;
                },
                x -> {},
                e -> {});
    }

    void onOpen(Consumer<Bell.Item> action) {
        this.onOpen = action;
    }

    public ObservableList<Bell.Item> items() {
        return items;
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    /** Whether the list under the bell is shown. */
    public BooleanProperty openProperty() {
        return open;
    }
}
