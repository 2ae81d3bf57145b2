package com.recruitdesk.app.interviews;

import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.interviews.data.InterviewCommands;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.interviews.data.Kit;
import com.recruitdesk.app.interviews.data.Schedule;
import com.recruitdesk.app.pane.DocumentOpener;
import com.recruitdesk.app.store.LocalStore;
import java.nio.file.Path;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The kit of the selected interview (see {@link Kit}) and what its panel does with it: start it, end
 * it, mark a no-show, open a document.
 */
public final class KitViewModel {
    private final LocalStore store;
    private final Schedule schedule;
    private final InterviewCommands commands;
    private final TaskExecutor tasks;
    private final UUID me;
    private final Files documents;
    private final DocumentOpener opener;
    private final ReadOnlyObjectWrapper<Kit> kit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Refresher<Kit> refresher;
    private volatile UUID showing;

    /** A document's file on this computer, fetched first if it is not here yet; blocking. */
    @FunctionalInterface
    interface Files {
        Path of(UUID blob) throws Exception;
    }

    /**
     * @param documents the local file of a document's blob, fetched if this computer does not hold it
     *     yet (blocking: called off the UI thread)
     */
    KitViewModel(
            LocalStore store,
            Schedule schedule,
            InterviewCommands commands,
            TaskExecutor tasks,
            UUID me,
            Files documents,
            DocumentOpener opener) {
        this.store = store;
        this.schedule = schedule;
        this.commands = commands;
        this.tasks = tasks;
        this.me = me;
        this.documents = documents;
        this.opener = opener;
        this.refresher = new Refresher<>(
                tasks,
                this::read,
                k -> {
                    kit.set(k);
                    prefetch(k);
                },
                e -> problem.set("Could not read the kit: " + e));
    }

    void show(UUID interview) {
        showing = interview;
        if (interview == null) {
            kit.set(null);
        } else {
            refresher.request();
        }
    }

    void refresh() {
        if (showing != null) {
            refresher.request();
        }
    }

    private Kit read() {
        UUID id = showing;
        return id == null
                ? null
                : schedule.byId(id).map(i -> Kit.load(store, i, me)).orElse(null);
    }

    public void start() {
        status("in_progress");
    }

    public void end() {
        status("completed");
    }

    public void noShow() {
        status("no_show");
    }

    private void status(String status) {
        Kit k = kit.get();
        if (k == null) {
            return;
        }
        InterviewItem i = k.interview();
        tasks.run(
                () -> {
                    commands.setStatus(i, status);
                    return null;
                },
                x -> problem.set(""),
                e -> problem.set(e.getMessage()));
    }

    /** Opens a kit document, fetching its file first if this computer does not hold it. */
    public void open(Kit.Document d) {
        tasks.run(
                () -> documents.of(d.blobId()).toUri().toString(),
                opener::open,
                e -> problem.set("Could not open " + d.filename() + ": " + e.getMessage()));
    }

    /** Opens the interview's meeting link in the browser. */
    public void openLink() {
        Kit k = kit.get();
        if (k != null && k.interview().meetingLink() != null) {
            opener.open(k.interview().meetingLink());
        }
    }

    /**
     * Fetches the files of {@code kit}'s documents this computer does not hold yet, so the kit opens
     * offline later; a failure (offline now) is tried again the next time.
     */
    void prefetch(Kit k) {
        if (k == null) {
            return;
        }
        for (Kit.Document d : k.documents()) {
            tasks.run(() -> documents.of(d.blobId()), p -> {}, e -> {});
        }
    }

    public ReadOnlyObjectProperty<Kit> kitProperty() {
        return kit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
