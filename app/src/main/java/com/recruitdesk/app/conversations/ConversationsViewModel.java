package com.recruitdesk.app.conversations;

import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.conversations.data.Directory;
import com.recruitdesk.app.conversations.data.InboxRow;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.RejectionText;
import com.recruitdesk.app.sync.SyncStatus;
import com.recruitdesk.protocol.sync.Entities;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The pane as a whole: the inbox, the thread of the selected conversation, its composer and its
 * candidate panel, kept in step with the local store (each part re-reads what a change touched),
 * the sync state (offline banner) and the server's rejections (a message saying what was taken
 * back and why).
 */
public final class ConversationsViewModel {
    private static final Set<String> INBOX =
            Set.of(Entities.CONVERSATION, Entities.CANDIDATE, Entities.CANDIDATE_TAG, Entities.MESSAGE);
    private static final Set<String> THREAD = Set.of(Entities.CONVERSATION, Entities.MESSAGE, Entities.CANDIDATE);
    private static final Set<String> CANDIDATE = Set.of(
            Entities.CANDIDATE,
            Entities.CANDIDATE_TAG,
            Entities.APPLICATION,
            Entities.APPLICATION_NOTE,
            Entities.JOB,
            Entities.MESSAGE);
    private static final Set<String> DIRECTORY = Set.of(
            Entities.USER,
            Entities.WHATSAPP_ACCOUNT,
            Entities.MESSAGE_TEMPLATE,
            Entities.CANNED_RESPONSE,
            Entities.CANDIDATE_TAG);

    private final InboxViewModel inbox;
    private final ThreadViewModel thread;
    private final ComposerViewModel composer;
    private final CandidateViewModel candidate;
    private final CannedResponsesViewModel canned;
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final BooleanProperty helpShown = new SimpleBooleanProperty(false);
    private final Refresher<Directory> directory;
    private final TaskExecutor tasks;

    public ConversationsViewModel(
            LocalStore store,
            InboxViewModel inbox,
            ThreadViewModel thread,
            ComposerViewModel composer,
            CandidateViewModel candidate,
            CannedResponsesViewModel canned,
            TaskExecutor tasks) {
        this.inbox = inbox;
        this.thread = thread;
        this.composer = composer;
        this.candidate = candidate;
        this.canned = canned;
        this.tasks = tasks;
        this.directory = new Refresher<>(
                tasks,
                () -> Directory.load(store),
                this::setDirectory,
                e -> notice.set("Could not read your colleagues and templates: " + e.getMessage()));
        inbox.selectedProperty().subscribe(this::select);
        thread.conversationProperty()
                .subscribe(row -> composer.setConversation(
                        row, thread.windowOpenProperty().get()));
        thread.windowOpenProperty().subscribe(composer::setWindowOpen);
        store.addChangeListener(this::changed);
    }

    /** Reads everything once (when the pane first shows). */
    public void start() {
        directory.request();
        inbox.refresh();
    }

    private void select(InboxRow row) {
        thread.open(row == null ? null : row.conversationId());
        candidate.show(row == null ? null : row.candidateId());
    }

    private void setDirectory(Directory d) {
        inbox.setDirectory(d);
        thread.setDirectory(d);
        composer.setDirectory(d);
        candidate.setDirectory(d);
        canned.setDirectory(d);
        inbox.refresh();
    }

    /** Told by the store (on the writer's thread) which entities changed. */
    private void changed(Set<String> entities) {
        if (entities.stream().anyMatch(DIRECTORY::contains)) {
            directory.request();
        }
        if (entities.stream().anyMatch(INBOX::contains)) {
            inbox.refresh();
        }
        if (entities.stream().anyMatch(THREAD::contains)) {
            thread.refresh();
        }
        if (entities.stream().anyMatch(CANDIDATE::contains)) {
            candidate.refresh();
        }
    }

    /** Told by the sync engine (on its thread) of its state. */
    public void accept(SyncStatus status) {
        tasks.onUi(() -> offline.set(status.state() == SyncStatus.State.OFFLINE));
    }

    /** Told by the sync engine (on its thread) that the server refused a change: say what and why. */
    public void rejected(LocalStore.Rejection r) {
        String text = RejectionText.of(r);
        tasks.onUi(() -> notice.set(text));
    }

    public void dismissNotice() {
        notice.set("");
    }

    public InboxViewModel inbox() {
        return inbox;
    }

    public ThreadViewModel thread() {
        return thread;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    public CandidateViewModel candidate() {
        return candidate;
    }

    /** The canned responses dialog. */
    public CannedResponsesViewModel canned() {
        return canned;
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** The last change the server took back, and why; empty when there is nothing to say. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether the keyboard help is shown. */
    public BooleanProperty helpShownProperty() {
        return helpShown;
    }
}
