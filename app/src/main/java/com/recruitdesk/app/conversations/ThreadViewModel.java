package com.recruitdesk.app.conversations;

import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.conversations.data.Colleague;
import com.recruitdesk.app.conversations.data.ConversationCommands;
import com.recruitdesk.app.conversations.data.ConversationStatus;
import com.recruitdesk.app.conversations.data.Directory;
import com.recruitdesk.app.conversations.data.Inbox;
import com.recruitdesk.app.conversations.data.InboxRow;
import com.recruitdesk.app.conversations.data.MessageItem;
import com.recruitdesk.app.conversations.data.ThreadPage;
import com.recruitdesk.app.conversations.data.Threads;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pane.DocumentOpener;
import com.recruitdesk.protocol.whatsapp.CustomerServiceWindow;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One conversation's thread: its header (person, number, status, assignee, the 24-hour window),
 * its lines (paged from the newest back, with day separators, quoted messages and reactions
 * folded into the message they answer), and the actions on it. Everything is read from the local
 * store; actions are mutations shown at once and taken back if the server refuses them.
 */
public final class ThreadViewModel {
    /** How many lines a page adds. */
    static final int PAGE = 60;

    private record Loaded(InboxRow row, ThreadPage page, Map<UUID, MessageItem> quoted) {}

    private final ObservableList<ThreadItem> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<InboxRow> conversation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper assignee = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper windowOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper windowText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final Threads threads;
    private final Inbox inbox;
    private final ConversationCommands commands;
    private final Blobs blobs;
    private final TaskExecutor tasks;
    private final Times times;
    private final UUID me;
    private final DocumentOpener opener;
    private final Refresher<Optional<Loaded>> refresher;
    private Directory directory = Directory.EMPTY;
    private UUID conversationId;
    private int limit = PAGE;

    public ThreadViewModel(
            Threads threads,
            Inbox inbox,
            ConversationCommands commands,
            Blobs blobs,
            TaskExecutor tasks,
            Times times,
            UUID me,
            DocumentOpener opener) {
        this.threads = threads;
        this.inbox = inbox;
        this.commands = commands;
        this.blobs = blobs;
        this.tasks = tasks;
        this.times = times;
        this.me = me;
        this.opener = opener;
        this.refresher = new Refresher<>(
                tasks, this::read, this::show, e -> notice.set("Could not read this conversation: " + e.getMessage()));
    }

    /** Shows a conversation (null: none) from its newest lines; marks it read when it has unread ones. */
    public void open(UUID id) {
        boolean other = id == null || !id.equals(conversationId);
        conversationId = id;
        if (other) {
            limit = PAGE;
            items.clear();
            notice.set("");
        }
        if (id == null) {
            conversation.set(null);
            return;
        }
        refresh();
        if (other) {
            run(() -> commands.markRead(id, true));
        }
    }

    public void refresh() {
        if (conversationId != null) {
            refresher.request();
        }
    }

    /** Adds the next page of older lines above. */
    public void loadOlder() {
        if (hasOlder.get()) {
            limit += PAGE;
            refresh();
        }
    }

    void setDirectory(Directory d) {
        directory = d;
        refresh();
    }

    private Optional<Loaded> read() {
        UUID id = conversationId;
        if (id == null) {
            return Optional.empty();
        }
        Optional<InboxRow> row = inbox.row(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        ThreadPage page = threads.page(id, null, limit);
        Set<UUID> loaded = new HashSet<>();
        page.messages().forEach(m -> loaded.add(m.id()));
        Set<UUID> missing = new HashSet<>();
        for (MessageItem m : page.messages()) {
            if (m.replyToId() != null && !m.reaction() && !loaded.contains(m.replyToId())) {
                missing.add(m.replyToId());
            }
        }
        Map<UUID, MessageItem> quoted = new HashMap<>();
        threads.byIds(missing).forEach(m -> quoted.put(m.id(), m));
        return Optional.of(new Loaded(row.get(), page, quoted));
    }

    private void show(Optional<Loaded> loaded) {
        if (loaded.isEmpty() || !loaded.get().row().conversationId().equals(conversationId)) {
            if (loaded.isEmpty() && conversationId != null) {
                conversation.set(null);
                items.clear();
            }
            return;
        }
        InboxRow row = loaded.get().row();
        conversation.set(row);
        title.set(row.name());
        String number =
                directory.number(row.numberId()).map(n -> " · to " + n.name()).orElse("");
        subtitle.set((row.whatsappId() == null ? "" : row.whatsappId()) + number);
        assignee.set(assigneeName(row.assigneeId()));
        hasOlder.set(loaded.get().page().hasOlder());
        List<ThreadItem> fresh = lines(loaded.get());
        if (!fresh.equals(items)) { // a change elsewhere in the store leaves the bubbles (and their photos) as they are
            items.setAll(fresh);
        }
        tick();
    }

    /** Recomputes the 24-hour window's text from the clock (the view calls it every half minute). */
    public void tick() {
        InboxRow row = conversation.get();
        if (row == null) {
            windowOpen.set(false);
            windowText.set("");
            return;
        }
        Instant now = times.now();
        boolean open = CustomerServiceWindow.isOpen(row.lastInboundAt(), now);
        windowOpen.set(open);
        if (open) {
            Instant end = CustomerServiceWindow.endsAt(row.lastInboundAt()).orElseThrow();
            windowText.set("Reply window open · closes in " + Times.span(Times.between(now, end)));
        } else if (row.lastInboundAt() == null) {
            windowText.set("Never wrote to this number · templates only");
        } else {
            windowText.set("Reply window closed · templates only");
        }
    }

    private List<ThreadItem> lines(Loaded loaded) {
        return ThreadLines.of(loaded.page(), loaded.quoted(), times, this::sender);
    }

    /** Who wrote a line: the person, "You", a colleague's name, "Bot" or "System". */
    String sender(MessageItem m) {
        if (m.inbound()) {
            return title.get();
        }
        if ("bot".equals(m.senderType())) {
            return "Bot";
        }
        if ("system".equals(m.senderType())) {
            return "System";
        }
        if (me.equals(m.senderUserId())) {
            return "You";
        }
        return directory.colleague(m.senderUserId()).map(Colleague::displayName).orElse("A colleague");
    }

    private String assigneeName(UUID id) {
        if (id == null) {
            return "Unassigned";
        }
        if (id.equals(me)) {
            return "You";
        }
        return directory.colleague(id).map(Colleague::name).orElse("Someone");
    }

    // --- actions -------------------------------------------------------------------------------

    public void setStatus(ConversationStatus status) {
        UUID id = conversationId;
        if (id != null) {
            run(() -> commands.setStatus(id, status));
        }
    }

    /** Closes an open conversation, reopens a closed or archived one. */
    public void toggleClosed() {
        InboxRow row = conversation.get();
        if (row != null) {
            setStatus(row.status().active() ? ConversationStatus.CLOSED : ConversationStatus.OPEN);
        }
    }

    public void archive() {
        setStatus(ConversationStatus.ARCHIVED);
    }

    public void assignTo(Colleague colleague) {
        UUID id = conversationId;
        if (id != null) {
            run(() -> commands.assign(id, colleague == null ? null : colleague.id()));
        }
    }

    public void assignToMe() {
        UUID id = conversationId;
        if (id != null) {
            run(() -> commands.assignToMe(id));
        }
    }

    public void markUnread() {
        UUID id = conversationId;
        if (id != null) {
            run(() -> commands.markRead(id, false));
        }
    }

    /** Sends a failed message again as a new one. */
    public void retry(MessageItem failed) {
        run(() -> commands.retry(failed));
    }

    /** The file of a photo, video or document on this computer (downloaded first), as a URI. */
    public void media(UUID blobId, Consumer<String> ready, Consumer<String> failed) {
        tasks.run(
                () -> blobs.fetch(blobId).toUri().toString(),
                ready::accept,
                e -> failed.accept(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    /** Opens a message's file, or a location's map, with the desktop's default application. */
    public void open(MessageItem m) {
        if ("location".equals(m.type())) {
            var loc = m.payload();
            opener.open("https://www.openstreetmap.org/?mlat="
                    + loc.path("latitude").asText() + "&mlon="
                    + loc.path("longitude").asText() + "#map=16/"
                    + loc.path("latitude").asText() + "/"
                    + loc.path("longitude").asText());
            return;
        }
        if (m.mediaBlobId() != null) {
            media(m.mediaBlobId(), opener::open, error -> notice.set("Could not open the file: " + error));
        }
    }

    private void run(ThrowingRunnable action) {
        tasks.run(
                () -> {
                    action.run();
                    return Boolean.TRUE;
                },
                ok -> {},
                e -> notice.set("Not saved on this computer: " + e.getMessage()));
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    // --- properties ----------------------------------------------------------------------------

    public ObservableList<ThreadItem> items() {
        return items;
    }

    public ReadOnlyObjectProperty<InboxRow> conversationProperty() {
        return conversation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty assigneeProperty() {
        return assignee.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty windowOpenProperty() {
        return windowOpen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowTextProperty() {
        return windowText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    /** A problem this view wants the user to see (a file that would not open, say); empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }

    public Directory directory() {
        return directory;
    }

    public Times times() {
        return times;
    }

    public UUID me() {
        return me;
    }
}
