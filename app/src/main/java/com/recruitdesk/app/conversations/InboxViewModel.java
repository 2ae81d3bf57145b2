package com.recruitdesk.app.conversations;

import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.conversations.data.Colleague;
import com.recruitdesk.app.conversations.data.Directory;
import com.recruitdesk.app.conversations.data.Inbox;
import com.recruitdesk.app.conversations.data.InboxFilter;
import com.recruitdesk.app.conversations.data.InboxRow;
import com.recruitdesk.app.conversations.data.WhatsAppNumber;
import com.recruitdesk.app.format.Times;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inbox: conversations by last message, filtered by status, assignment, number and tag, and
 * searched by name, number and message text, all from the local store. Keeps the selected
 * conversation selected (by id) as the list changes under it.
 */
public final class InboxViewModel {
    /** "All", "Mine", "Unassigned" as the inbox's toggle shows them. */
    public enum Scope {
        ALL("All", InboxFilter.Assignment.ANYONE),
        MINE("Mine", InboxFilter.Assignment.MINE),
        UNASSIGNED("Unassigned", InboxFilter.Assignment.UNASSIGNED);

        private final String label;
        private final InboxFilter.Assignment assignment;

        Scope(String label, InboxFilter.Assignment assignment) {
            this.label = label;
            this.assignment = assignment;
        }

        public String label() {
            return label;
        }
    }

    private final ObservableList<InboxRow> rows = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(StatusChoice.ACTIVE);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ALL);
    private final ObjectProperty<WhatsAppNumber> number = new SimpleObjectProperty<>();
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>();
    private final ObjectProperty<InboxRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Directory> directory = new ReadOnlyObjectWrapper<>(Directory.EMPTY);
    private final Refresher<List<InboxRow>> refresher;
    private final Inbox inbox;
    private final TaskExecutor tasks;
    private final UUID me;
    private final Times times;

    public InboxViewModel(Inbox inbox, TaskExecutor tasks, UUID me, Times times) {
        this.me = me;
        this.times = times;
        this.inbox = inbox;
        this.tasks = tasks;
        this.refresher = new Refresher<>(
                tasks,
                () -> inbox.list(filter(), me),
                this::show,
                e -> summary.set("Could not read the inbox: " + e.getMessage()));
        search.subscribe(s -> refresh());
        status.subscribe(s -> refresh());
        scope.subscribe(s -> refresh());
        number.subscribe(n -> refresh());
        tag.subscribe(t -> refresh());
    }

    /** What the controls select; a search looks through every status, so an archived chat is found too. */
    InboxFilter filter() {
        StatusChoice s = status.get() == null ? StatusChoice.ACTIVE : status.get();
        boolean searching = search.get() != null && !search.get().isBlank();
        return new InboxFilter(
                searching ? java.util.Set.of() : s.statuses(),
                scope.get() == null ? InboxFilter.Assignment.ANYONE : scope.get().assignment,
                number.get() == null ? null : number.get().id(),
                tag.get(),
                search.get());
    }

    /** Reads the inbox again (after a store change or a filter change). */
    public void refresh() {
        refresher.request();
    }

    private void show(List<InboxRow> fresh) {
        UUID keep = selected.get() == null ? null : selected.get().conversationId();
        rows.setAll(fresh);
        InboxRow again = keep == null
                ? null
                : fresh.stream()
                        .filter(r -> r.conversationId().equals(keep))
                        .findFirst()
                        .orElse(null);
        if (again != null) {
            selected.set(again);
        }
        int unread = (int) fresh.stream().filter(r -> r.unread() > 0).count();
        summary.set(fresh.size()
                + (fresh.size() == 1 ? " conversation" : " conversations")
                + (unread > 0 ? " · " + unread + " unread" : ""));
    }

    void setDirectory(Directory d) {
        directory.set(d);
    }

    public ObservableList<InboxRow> rows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StatusChoice> statusProperty() {
        return status;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<WhatsAppNumber> numberProperty() {
        return number;
    }

    public ObjectProperty<String> tagProperty() {
        return tag;
    }

    /** The conversation shown in the thread. */
    public ObjectProperty<InboxRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Directory> directoryProperty() {
        return directory.getReadOnlyProperty();
    }

    /** Moves the selection down ({@code +1}) or up ({@code -1}) the list. */
    public void move(int step) {
        if (rows.isEmpty()) {
            return;
        }
        int at = selected.get() == null ? -1 : indexOf(selected.get().conversationId());
        int next = at < 0 ? (step > 0 ? 0 : rows.size() - 1) : Math.max(0, Math.min(rows.size() - 1, at + step));
        selected.set(rows.get(next));
    }

    /** Selects a conversation by id if the list shows it. */
    public boolean select(UUID conversationId) {
        int at = indexOf(conversationId);
        if (at >= 0) {
            selected.set(rows.get(at));
        }
        return at >= 0;
    }

    /**
     * Opens the candidate's conversation (another pane asked): selected in the list if the list shows
     * it, else shown in the thread all the same. Reads the store off the FX thread.
     */
    public void openConversationOf(UUID candidateId) {
        tasks.run(
                () -> inbox.ofCandidate(candidateId).orElse(null),
                row -> {
                    if (row != null && !select(row.conversationId())) {
                        selected.set(row);
                    }
                },
                e -> summary.set("Could not open the conversation: " + e.getMessage()));
    }

    private int indexOf(UUID conversationId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).conversationId().equals(conversationId)) {
                return i;
            }
        }
        return -1;
    }

    // --- what a line shows ---------------------------------------------------------------------

    public String time(InboxRow row) {
        return times.inList(row.lastMessageAt());
    }

    /** "Rita Recruiter", "You", or "Unassigned". */
    public String assignee(InboxRow row) {
        if (row.assigneeId() == null) {
            return "Unassigned";
        }
        if (row.assigneeId().equals(me)) {
            return "You";
        }
        return directory
                .get()
                .colleague(row.assigneeId())
                .map(Colleague::displayName)
                .orElse("Someone");
    }

    public String numberName(InboxRow row) {
        return directory.get().number(row.numberId()).map(WhatsAppNumber::name).orElse("");
    }

    /** The second line: the matching words when searching, else the last message. */
    public String secondLine(InboxRow row) {
        return row.snippet() != null ? row.snippet() : Objects.requireNonNullElse(row.preview(), "");
    }
}
