package com.recruitdesk.app.interviews;

import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.RejectionText;
import com.recruitdesk.app.sync.SyncStatus;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationResult;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Interviews pane as a whole: the user's week (agenda, kit, scorecard), for the staff the
 * schedule and "who said what", the bell, kept in step with the local store; the sync state and
 * the server's refusals (a refused scorecard keeps its draft, and says so).
 */
public final class InterviewsViewModel {
    public enum Tab {
        WEEK("My week"),
        SCHEDULE("Schedule"),
        COMPARE("Who said what");

        public final String title;

        Tab(String title) {
            this.title = title;
        }
    }

    private static final Set<String> WEEK = Set.of(
            Entities.INTERVIEW_SESSION,
            Entities.INTERVIEW_PARTICIPANT,
            Entities.INTERVIEW_FEEDBACK,
            Entities.INTERVIEW_FEEDBACK_AMENDMENT,
            Entities.CANDIDATE,
            Entities.JOB,
            Entities.UPLOADED_DOCUMENT);
    private static final Set<String> SCHEDULE = Set.of(
            Entities.INTERVIEW_SESSION,
            Entities.INTERVIEW_PARTICIPANT,
            Entities.APPLICATION,
            Entities.USER,
            Entities.CANDIDATE);
    private static final Set<String> COMPARE = Set.of(
            Entities.INTERVIEW_FEEDBACK, Entities.INTERVIEW_FEEDBACK_AMENDMENT, Entities.CANDIDATE, Entities.JOB);

    private final List<Tab> tabs;
    private final AgendaViewModel agenda;
    private final KitViewModel kit;
    private final ScorecardViewModel scorecard;
    private final SchedulerViewModel scheduler;
    private final WhoSaidWhatViewModel compare;
    private final BellViewModel bell;
    private final TaskExecutor tasks;
    private final ObjectProperty<Tab> tab;
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final BooleanProperty helpShown = new SimpleBooleanProperty(false);

    InterviewsViewModel(
            List<Tab> tabs,
            AgendaViewModel agenda,
            KitViewModel kit,
            ScorecardViewModel scorecard,
            SchedulerViewModel scheduler,
            WhoSaidWhatViewModel compare,
            BellViewModel bell,
            LocalStore store,
            TaskExecutor tasks) {
        this.tabs = List.copyOf(tabs);
        this.agenda = agenda;
        this.kit = kit;
        this.scorecard = scorecard;
        this.scheduler = scheduler;
        this.compare = compare;
        this.bell = bell;
        this.tasks = tasks;
        this.tab = new SimpleObjectProperty<>(tabs.getFirst());
        agenda.selectedProperty().addListener((o, was, now) -> kit.show(now == null ? null : now.id()));
        kit.kitProperty().addListener((o, was, now) -> scorecard.show(now));
        bell.onOpen(item -> {
            if (item.interviewId() == null) {
                return;
            }
            if (agenda.select(item.interviewId())) {
                tab.set(Tab.WEEK);
            } else if (tabs.contains(Tab.SCHEDULE)) {
                scheduler.upcoming().stream()
                        .filter(i -> i.id().equals(item.interviewId()))
                        .findFirst()
                        .ifPresent(i -> {
                            tab.set(Tab.SCHEDULE);
                            scheduler.edit(i);
                        });
            }
        });
        store.addChangeListener(this::changed);
    }

    /** Reads everything once (when the pane first shows). */
    public void start() {
        agenda.refresh();
        bell.refresh();
        if (tabs.contains(Tab.SCHEDULE)) {
            scheduler.refresh();
        }
        if (tabs.contains(Tab.COMPARE)) {
            compare.refresh();
        }
    }

    /** Told by the store (on the writer's thread) which entities changed. */
    private void changed(Set<String> entities) {
        if (entities.stream().anyMatch(WEEK::contains)) {
            agenda.refresh();
            kit.refresh();
        }
        if (tabs.contains(Tab.SCHEDULE) && entities.stream().anyMatch(SCHEDULE::contains)) {
            scheduler.refresh();
        }
        if (tabs.contains(Tab.COMPARE) && entities.stream().anyMatch(COMPARE::contains)) {
            compare.refresh();
        }
        if (entities.contains(Entities.NOTIFICATION)) {
            bell.refresh();
        }
    }

    /** Told by the sync engine (on its thread) of its state. */
    public void accept(SyncStatus status) {
        tasks.onUi(() -> offline.set(status.state() == SyncStatus.State.OFFLINE));
    }

    /**
     * Told by the sync engine (on its thread) that the server refused a change. A refused scorecard
     * is never lost: its draft becomes editable again, and the message says so plainly.
     */
    public void rejected(LocalStore.Rejection r) {
        String text = RejectionText.of(r);
        if (InterviewMutations.SUBMIT_FEEDBACK.name().equals(r.name()) && scorecard.refused(r.mutationId())) {
            text = MutationResult.NOT_FOUND.equals(r.code())
                    ? "Your scorecard was not submitted: you are no longer on this interview's panel, or the interview"
                            + " was removed. Your draft is kept on this computer."
                    : text + (text.contains("draft") ? "" : " Your draft is kept on this computer.");
        }
        String shown = text;
        tasks.onUi(() -> notice.set(shown));
    }

    public void dismissNotice() {
        notice.set("");
    }

    public List<Tab> tabs() {
        return tabs;
    }

    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    public AgendaViewModel agenda() {
        return agenda;
    }

    public KitViewModel kit() {
        return kit;
    }

    public ScorecardViewModel scorecard() {
        return scorecard;
    }

    public SchedulerViewModel scheduler() {
        return scheduler;
    }

    public WhoSaidWhatViewModel compare() {
        return compare;
    }

    public BellViewModel bell() {
        return bell;
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** The last change the server took back, and why; empty when there is nothing to say. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanProperty helpShownProperty() {
        return helpShown;
    }
}
