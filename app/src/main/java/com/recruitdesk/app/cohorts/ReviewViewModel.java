package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.cohorts.data.Pages;
import com.recruitdesk.app.cohorts.data.ReviewCommands;
import com.recruitdesk.app.cohorts.data.ReviewItem;
import com.recruitdesk.app.cohorts.data.ReviewQueue;
import com.recruitdesk.app.cohorts.data.TrailEntry;
import com.recruitdesk.app.cohorts.data.ViewedFile;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.RejectionText;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review station: the queue of documents waiting for a decision (oldest first), the one on screen
 * with its pages, zoom and rotation, its checklist, and the keyboard's decisions — approve, reject
 * with a reason picked by digit, undo the last one while it has not been sent. A decision names the
 * SHA-256 of the bytes shown; the next document is on screen as soon as one is decided (it was
 * prepared while the reviewer looked at this one).
 */
final class ReviewViewModel {
    static final List<String> REASONS = List.copyOf(CohortRules.REASON_CODES.keySet());
    private static final Set<String> WATCHED = Set.of(
            Entities.UPLOADED_DOCUMENT,
            Entities.DOCUMENT_VERIFICATION,
            Entities.COHORT_ENROLLMENT,
            Entities.COHORT,
            Entities.CANDIDATE);

    /** One item of the checklist and whether the reviewer ticked it. */
    record Check(String label, BooleanProperty ticked) {}

    private final ReviewQueue queue;
    private final ReviewCommands commands;
    private final Viewer viewer;
    private final TaskExecutor tasks;
    private final Decider lines;

    final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
    final IntegerProperty selected = new SimpleIntegerProperty(-1);
    final ObjectProperty<ReviewItem> current = new SimpleObjectProperty<>();
    final ObjectProperty<Pages.Page> page = new SimpleObjectProperty<>();
    final StringProperty viewerMessage = new SimpleStringProperty("");
    final DoubleProperty zoom = new SimpleDoubleProperty(1);
    final IntegerProperty rotation = new SimpleIntegerProperty(0);
    final ObservableList<Check> checklist = FXCollections.observableArrayList();
    final BooleanProperty pickingReason = new SimpleBooleanProperty(false);
    final BooleanProperty typingOther = new SimpleBooleanProperty(false);
    final StringProperty otherReason = new SimpleStringProperty("");
    final StringProperty notice = new SimpleStringProperty("");
    final StringProperty lastDecision = new SimpleStringProperty("");
    final BooleanProperty canUndo = new SimpleBooleanProperty(false);
    final ObservableList<TrailEntry> trail = FXCollections.observableArrayList();
    final StringProperty summary = new SimpleStringProperty("");

    private final Deque<ReviewCommands.Made> undoable = new ArrayDeque<>();
    private UUID selectWhenBack;
    private Consumer<ReviewItem> onShown = item -> {};

    ReviewViewModel(ReviewQueue queue, ReviewCommands commands, Blobs blobs, TaskExecutor tasks, Decider lines) {
        this.queue = queue;
        this.commands = commands;
        this.tasks = tasks;
        this.lines = lines;
        this.viewer = new Viewer(blobs, lines.renders, tasks, this::shown, viewerMessage::set);
    }

    /** Told each time a document's first page is on screen (the benchmark times decision → next document). */
    void onShown(Consumer<ReviewItem> listener) {
        this.onShown = listener;
    }

    void start() {
        reload();
    }

    /** The store changed: re-read the queue if it touched what the station shows. */
    void changed(Set<String> entities) {
        if (entities.stream().anyMatch(WATCHED::contains)) {
            reload();
        }
    }

    private void reload() {
        tasks.run(queue::waiting, this::setItems, e -> notice.set("The queue could not be read: " + e.getMessage()));
    }

    private void setItems(List<ReviewItem> fresh) {
        ReviewItem was = current.get();
        items.setAll(fresh);
        int index = -1;
        UUID wanted = selectWhenBack != null ? selectWhenBack : was == null ? null : was.documentId();
        for (int i = 0; wanted != null && i < fresh.size(); i++) {
            if (fresh.get(i).documentId().equals(wanted)) {
                index = i;
            }
        }
        if (index >= 0) {
            selectWhenBack = null;
        } else if (!fresh.isEmpty()) {
            index = Math.min(Math.max(selected.get(), 0), fresh.size() - 1);
        }
        select(index);
        summary.set(fresh.size() + (fresh.size() == 1 ? " document waits" : " documents wait") + " for a decision");
    }

    void select(int index) {
        ReviewItem item = index < 0 || index >= items.size() ? null : items.get(index);
        selected.set(index);
        if (item != null
                && current.get() != null
                && item.documentId().equals(current.get().documentId())) {
            // The same document: keep its page, zoom and ticks; its trail may have grown (a link sent).
            tasks.run(() -> queue.trail(item.enrollmentId()), trail::setAll, e -> {});
            return;
        }
        current.set(item);
        pickingReason.set(false);
        typingOther.set(false);
        otherReason.set("");
        rotation.set(0);
        checklist.setAll(
                item == null
                        ? List.of()
                        : CohortRules.checklist(item.type()).stream()
                                .map(c -> new Check(c, new SimpleBooleanProperty(false)))
                                .toList());
        page.set(null);
        trail.clear();
        if (item == null) {
            viewerMessage.set(items.isEmpty() ? "Nothing waits for a decision." : "");
            viewer.show(null, 1, List.of());
            return;
        }
        tasks.run(() -> queue.trail(item.enrollmentId()), trail::setAll, e -> {});
        viewer.show(item, zoom.get(), upcoming(index));
    }

    private List<ReviewItem> upcoming(int index) {
        return items.subList(Math.min(index + 1, items.size()), Math.min(index + 3, items.size()));
    }

    private void shown(ReviewItem item, Pages.Page shownPage) {
        if (current.get() != null && current.get().documentId().equals(item.documentId())) {
            page.set(shownPage);
            viewerMessage.set("");
            onShown.accept(item);
        }
    }

    void next() {
        if (selected.get() + 1 < items.size()) {
            select(selected.get() + 1);
        }
    }

    void previous() {
        if (selected.get() > 0) {
            select(selected.get() - 1);
        }
    }

    void nextPage() {
        turn(+1);
    }

    void previousPage() {
        turn(-1);
    }

    private void turn(int by) {
        Pages.Page p = page.get();
        if (p != null && p.index() + by >= 0 && p.index() + by < p.count()) {
            viewer.render(current.get(), p.index() + by, zoom.get());
        }
    }

    void zoomIn() {
        setZoom(Math.min(4, zoom.get() * 1.25));
    }

    void zoomOut() {
        setZoom(Math.max(0.25, zoom.get() / 1.25));
    }

    private void setZoom(double z) {
        zoom.set(z);
        Pages.Page p = page.get();
        if (p != null && current.get() != null && current.get().isPdf()) {
            viewer.render(current.get(), p.index(), z); // sharp at every zoom; photos are scaled on screen
        }
    }

    void rotate() {
        rotation.set((rotation.get() + 90) % 360);
    }

    void approve() {
        decide(CohortRules.APPROVED, null, null);
    }

    /** R: the reasons are offered; a digit picks one (6, other, asks for words first). */
    void startReject() {
        if (current.get() != null) {
            pickingReason.set(true);
        }
    }

    void cancelReject() {
        pickingReason.set(false);
        typingOther.set(false);
    }

    /** Digit {@code n} (1–6) while the reasons are offered. */
    void pickReason(int n) {
        if (!pickingReason.get() || n < 1 || n > REASONS.size()) {
            return;
        }
        String code = REASONS.get(n - 1);
        if (code.equals("other")) {
            typingOther.set(true);
            return;
        }
        decide(CohortRules.REJECTED, code, null);
    }

    /** Enter in the "other" reason's field. */
    void confirmOther() {
        if (otherReason.get() == null || otherReason.get().isBlank()) {
            notice.set("Say in a few words why the document is rejected.");
            return;
        }
        decide(CohortRules.REJECTED, "other", otherReason.get());
    }

    private void decide(String action, String code, String text) {
        ReviewItem item = current.get();
        ViewedFile viewed = viewer.viewed(item);
        if (item == null) {
            return;
        }
        if (viewed == null) {
            notice.set("Wait until the document is shown: a decision names the file you looked at.");
            return;
        }
        List<String> ticked = checklist.stream()
                .filter(c -> c.ticked().get())
                .map(Check::label)
                .toList();
        int index = selected.get();
        // Off the queue at once; the store's change confirms it a moment later.
        items.remove(index);
        current.set(null);
        select(Math.min(index, items.size() - 1));
        lastDecision.set((action.equals(CohortRules.APPROVED) ? "Approved " : "Rejected ")
                + item.label().toLowerCase(Locale.ROOT) + " of " + item.student()
                + (code == null ? "" : " (" + CohortRules.REASON_CODES.get(code).toLowerCase(Locale.ROOT) + ")"));
        summary.set(items.size() + (items.size() == 1 ? " document waits" : " documents wait") + " for a decision");
        lines.writes.execute(() -> {
            try {
                ReviewCommands.Made made = commands.decide(item, viewed.sha256(), action, code, text, ticked);
                tasks.onUi(() -> {
                    undoable.push(made);
                    canUndo.set(true);
                });
            } catch (RuntimeException e) {
                tasks.onUi(() -> notice.set("The decision was not saved on this computer: " + e.getMessage()));
            }
        });
    }

    /** U: takes back the last decision if it has not left this computer. */
    void undo() {
        ReviewCommands.Made made = undoable.peek();
        if (made == null) {
            return;
        }
        lines.writes.execute(() -> {
            boolean undone = commands.undo(made);
            tasks.onUi(() -> {
                undoable.remove(made);
                canUndo.set(!undoable.isEmpty());
                if (undone) {
                    selectWhenBack = made.documentId();
                    lastDecision.set("Undone: the document is back in the queue.");
                    reload();
                } else {
                    lastDecision.set("That decision has reached the server already; it can no longer be undone here.");
                }
            });
        });
    }

    /** The server (or a check here) refused a decision: say why; the document is back in the queue by now. */
    void rejected(LocalStore.Rejection rejection) {
        tasks.onUi(() -> {
            undoable.removeIf(m -> m.mutationId().equals(rejection.mutationId()));
            canUndo.set(!undoable.isEmpty());
            notice.set(RejectionText.of(rejection));
            reload();
        });
    }

    void dismissNotice() {
        notice.set("");
    }

    void close() {
        viewer.close();
        lines.close();
    }
}
