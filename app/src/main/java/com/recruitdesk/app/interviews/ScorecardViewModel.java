package com.recruitdesk.app.interviews;

import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.interviews.data.Drafts;
import com.recruitdesk.app.interviews.data.FeedbackItem;
import com.recruitdesk.app.interviews.data.InterviewCommands;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.interviews.data.Kit;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import com.recruitdesk.protocol.interviews.InterviewRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The scorecard of the selected interview: a draft saved on this computer as it is typed, submitted
 * once (the draft stays until the server has it, and is still there if the server refuses), then
 * shown as submitted with its amendments beside it, and amended with what changed and why.
 */
public final class ScorecardViewModel {
    public enum Mode {
        /** Nothing selected. */
        NONE,
        /** A draft being filled in. */
        EDITING,
        /** Submitted here, the server has not answered (offline, say). */
        WAITING,
        /** The server has it: read-only, amendments only. */
        SUBMITTED,
        /** The interview was cancelled or was a no-show: it takes no scorecard; a draft is kept. */
        CLOSED
    }

    private final InterviewCommands commands;
    private final Drafts drafts;
    private final TaskExecutor tasks;
    private final Times times;
    private final UUID me;
    private final String myName;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NONE);
    private final ReadOnlyObjectWrapper<InterviewItem> interview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FeedbackItem> submitted = new ReadOnlyObjectWrapper<>();
    private final ScorecardForm form = new ScorecardForm(this::edited);
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keptDraft = new ReadOnlyStringWrapper("");
    private final StringProperty amendField = new SimpleStringProperty("recommendation");
    private final StringProperty amendValue = new SimpleStringProperty("");
    private final StringProperty amendReason = new SimpleStringProperty("");

    private Drafts.Draft draft;
    /** Counts {@link #show(Kit)} calls, so a draft read for an older kit is not shown. */
    private long shown;

    private final AtomicReference<Drafts.Draft> toSave = new AtomicReference<>();
    private boolean saving;

    ScorecardViewModel(InterviewCommands commands, TaskExecutor tasks, Times times, UUID me, String myName) {
        this.commands = commands;
        this.drafts = commands.drafts();
        this.tasks = tasks;
        this.times = times;
        this.me = me;
        this.myName = myName;
    }

    /**
     * Shows the scorecard of {@code kit}'s interview: the server's, else this computer's draft, else an
     * empty one. The draft is read off the UI thread; a newer kit shown meanwhile wins.
     */
    void show(Kit kit) {
        problem.set("");
        long turn = ++shown;
        if (kit == null) {
            interview.set(null);
            draft = null;
            mode.set(Mode.NONE);
            return;
        }
        tasks.run(
                () -> drafts.of(kit.interview().id()),
                local -> {
                    if (turn == shown) {
                        show(kit, local);
                    }
                },
                e -> problem.set("Could not read your draft on this computer: " + e.getMessage()));
    }

    private void show(Kit kit, Optional<Drafts.Draft> local) {
        InterviewItem i = kit.interview();
        boolean sameInterview = interview.get() != null && interview.get().id().equals(i.id());
        interview.set(i);
        Optional<FeedbackItem> mine = kit.mine().filter(FeedbackItem::submitted);
        if (mine.isPresent() && !mine.get().pending()) {
            submitted.set(mine.get());
            fill(ScorecardForm.of(mine.get()), kit);
            mode.set(Mode.SUBMITTED);
            keptDraft.set(local.filter(d -> !d.feedbackId().equals(mine.get().id()))
                    .map(ScorecardViewModel::kept)
                    .orElse(""));
            if (local.isPresent() && local.get().feedbackId().equals(mine.get().id())) {
                tasks.run(
                        () -> {
                            drafts.discard(i.id()); // the server has this draft as the scorecard now
                            return null;
                        },
                        x -> {},
                        e -> {});
            }
            return;
        }
        keptDraft.set("");
        submitted.set(mine.orElse(null));
        if (sameInterview && draft != null && mode.get() == Mode.EDITING) {
            return; // a sync while typing: keep what is on screen
        }
        draft = local.orElseGet(() -> new Drafts.Draft(
                i.id(),
                kit.mine().map(FeedbackItem::id).orElse(UUID.randomUUID()),
                kit.mine().map(ScorecardForm::of).orElse(null),
                null,
                null));
        fill(draft.scorecard(), kit);
        saved.set(draft.savedAt() == null ? "" : "Draft saved on this computer at " + times.clock(draft.savedAt()));
        if (!i.takesScorecards()) {
            mode.set(Mode.CLOSED);
        } else {
            mode.set(draft.submittedAs() != null || mine.isPresent() ? Mode.WAITING : Mode.EDITING);
        }
    }

    private void fill(Scorecard s, Kit kit) {
        form.fill(s, kit.job() == null ? List.of() : kit.job().requiredSkills());
    }

    /** The scorecard as the fields say now. */
    public Scorecard scorecard() {
        return form.read();
    }

    /** A field changed by the user: the draft is saved at once, off the UI thread, the newest edit last. */
    private void edited() {
        if (draft == null || mode.get() != Mode.EDITING) {
            return;
        }
        draft = draft.withScorecard(scorecard(), times.now());
        problem.set("");
        toSave.set(draft);
        if (!saving) {
            saveNext();
        }
    }

    private void saveNext() {
        Drafts.Draft next = toSave.getAndSet(null);
        if (next == null) {
            saving = false;
            return;
        }
        saving = true;
        tasks.run(
                () -> {
                    drafts.save(next);
                    return next;
                },
                d -> {
                    saved.set("Draft saved on this computer at " + times.clock(d.savedAt()));
                    saveNext();
                },
                e -> {
                    saved.set("The draft could not be saved: " + e.getMessage());
                    saveNext();
                });
    }

    /**
     * A draft of this computer that is not the scorecard the server holds (it was submitted from
     * elsewhere first): never dropped, shown so its words can go into an amendment.
     */
    private static String kept(Drafts.Draft d) {
        var s = d.scorecard();
        StringBuilder text = new StringBuilder("Your draft on this computer was not the one submitted, and is kept:");
        if (s != null) {
            if (s.recommendation() != null) {
                text.append(" recommendation ")
                        .append(InterviewRules.label(s.recommendation()))
                        .append(';');
            }
            if (s.overallRating() != null) {
                text.append(" overall ").append(s.overallRating()).append(';');
            }
            if (s.strengths() != null) {
                text.append(" strengths: ").append(s.strengths()).append(';');
            }
            if (s.detailedNotes() != null) {
                text.append(" notes: ").append(s.detailedNotes());
            }
        }
        return text.toString().replaceAll(";$", ".");
    }

    /** Submits the scorecard (queued at once, sent when the network allows); what is missing is said first. */
    public void submit() {
        InterviewItem i = interview.get();
        if (i == null || mode.get() != Mode.EDITING) {
            return;
        }
        Drafts.Draft current = draft.withScorecard(scorecard(), times.now());
        try {
            InterviewRules.checkScorecard(current.scorecard());
        } catch (InterviewRules.Problem p) {
            problem.set(p.getMessage());
            return;
        }
        mode.set(Mode.WAITING);
        tasks.run(() -> commands.submit(i, current, myName), mutation -> draft = current.submitted(mutation), e -> {
            mode.set(Mode.EDITING);
            problem.set(e.getMessage());
        });
    }

    /**
     * The server refused mutation {@code mutationId}: if it was this computer's submit of a draft,
     * the draft becomes editable again (it was never dropped). Returns whether it was.
     */
    boolean refused(UUID mutationId) {
        Optional<Drafts.Draft> was = drafts.submittedAs(mutationId);
        if (was.isEmpty()) {
            return false;
        }
        Drafts.Draft back = was.get().submitted(null);
        drafts.save(back);
        tasks.onUi(() -> {
            if (interview.get() != null && interview.get().id().equals(back.interviewId())) {
                draft = back;
                mode.set(interview.get().takesScorecards() ? Mode.EDITING : Mode.CLOSED);
            }
        });
        return true;
    }

    /** Amends the submitted scorecard with the field, value and reason in the amendment fields. */
    public void amend() {
        FeedbackItem f = submitted.get();
        if (f == null) {
            return;
        }
        Map<String, String> changes = Map.of(
                amendField.get(),
                amendValue.get() == null ? "" : amendValue.get().strip());
        String reason = amendReason.get();
        try {
            InterviewRules.checkAmendment(changes, reason);
        } catch (InterviewRules.Problem p) {
            problem.set(p.getMessage());
            return;
        }
        tasks.run(
                () -> commands.amend(f, changes, reason),
                id -> {
                    problem.set("");
                    amendValue.set("");
                    amendReason.set("");
                },
                e -> problem.set(e.getMessage()));
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InterviewItem> interviewProperty() {
        return interview.getReadOnlyProperty();
    }

    /** This user's submitted scorecard (with its amendments), once there is one. */
    public ReadOnlyObjectProperty<FeedbackItem> submittedProperty() {
        return submitted.getReadOnlyProperty();
    }

    /** The scorecard's fields. */
    public ScorecardForm form() {
        return form;
    }

    /** "Draft saved on this computer at 14:05". */
    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** A draft of this computer that differs from the submitted scorecard, in words; empty when there is none. */
    public ReadOnlyStringProperty keptDraftProperty() {
        return keptDraft.getReadOnlyProperty();
    }

    /** What keeps the scorecard (or an amendment) from being sent, in a sentence. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public StringProperty amendFieldProperty() {
        return amendField;
    }

    public StringProperty amendValueProperty() {
        return amendValue;
    }

    public StringProperty amendReasonProperty() {
        return amendReason;
    }
}
