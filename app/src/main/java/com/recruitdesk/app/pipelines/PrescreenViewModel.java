package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.pipelines.data.PrescreenForm;
import com.recruitdesk.app.pipelines.data.PrescreenQuestions;
import com.recruitdesk.app.pipelines.data.PrescreenSummary;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.RejectionText;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import com.recruitdesk.protocol.sync.Entities;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The prescreen question editor's state for one job at a time: its questions in order (the store's,
 * optimistic ones included), what they add up to, the save, removal and move of one, checked before
 * anything is queued; a refusal from the server is said here as well as in the pane's notice.
 */
public final class PrescreenViewModel {
    private final PrescreenQuestions data;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> failed;
    private final ObjectProperty<UUID> job = new SimpleObjectProperty<>();
    private final ObservableList<PrescreenQuestions.Row> questions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refused = new ReadOnlyStringWrapper("");

    PrescreenViewModel(PrescreenQuestions data, TaskExecutor tasks, Consumer<Throwable> failed) {
        this.data = data;
        this.tasks = tasks;
        this.failed = failed;
        job.addListener((o, a, b) -> {
            refused.set("");
            refresh();
        });
    }

    /** The store changed: the questions are read again when theirs did. */
    public void changed(Set<String> entities) {
        if (entities.contains(Entities.PRESCREEN_QUESTION)) {
            tasks.onUi(this::refresh);
        }
    }

    private void refresh() {
        UUID j = job.get();
        if (j == null) {
            questions.clear();
            summary.set("");
            return;
        }
        tasks.run(
                () -> data.of(j),
                rows -> {
                    if (j.equals(job.get())) {
                        questions.setAll(rows);
                        summary.set(PrescreenSummary.of(rows.stream()
                                .map(PrescreenQuestions.Row::question)
                                .toList()));
                    }
                },
                failed);
    }

    /**
     * Checks the form for question {@code id} (null: a new one, asked last) and queues it when
     * nothing is wrong; returns what is wrong (empty: queued, and shown at once).
     */
    public PrescreenForm.Checked save(UUID id, PrescreenForm.Typed typed) {
        UUID j = job.get();
        int place = questions.stream()
                .filter(r -> r.id().equals(id))
                .mapToInt(PrescreenQuestions.Row::sortOrder)
                .findFirst()
                .orElseGet(() -> questions.stream()
                                .mapToInt(PrescreenQuestions.Row::sortOrder)
                                .max()
                                .orElse(0)
                        + 1);
        PrescreenForm.Checked c =
                PrescreenForm.check(id == null ? UUID.randomUUID() : id, j, place, typed, List.copyOf(questions));
        if (c.problems().isEmpty()) {
            refused.set("");
            PipelineMutations.SavePrescreenQuestion args = c.args();
            tasks.run(
                    () -> {
                        data.save(args);
                        return null;
                    },
                    ok -> {},
                    failed);
        }
        return c;
    }

    /**
     * Moves question {@code id} one place earlier ({@code by} -1) or later (+1) in the order the job's
     * questions are asked; false (nothing queued) when it is already first or last.
     */
    public boolean move(UUID id, int by) {
        List<PrescreenQuestions.Row> ordered = new ArrayList<>(questions);
        int from = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).id().equals(id)) {
                from = i;
            }
        }
        int to = from + by;
        if (from < 0 || to < 0 || to >= ordered.size()) {
            return false;
        }
        ordered.add(to, ordered.remove(from));
        refused.set("");
        UUID j = job.get();
        tasks.run(
                () -> {
                    data.reorder(j, ordered);
                    return null;
                },
                ok -> {},
                failed);
        return true;
    }

    public void delete(UUID id) {
        refused.set("");
        tasks.run(
                () -> {
                    data.delete(id);
                    return null;
                },
                ok -> {},
                failed);
    }

    /** A refusal of a question's save or removal, in the type's sentence; its rows are back already. */
    public boolean rejected(LocalStore.Rejection r) {
        if (!PipelineMutations.SAVE_PRESCREEN_QUESTION.name().equals(r.name())
                && !PipelineMutations.DELETE_PRESCREEN_QUESTION.name().equals(r.name())
                && !PipelineMutations.REORDER_PRESCREEN_QUESTIONS.name().equals(r.name())) {
            return false;
        }
        String text = RejectionText.of(r);
        tasks.onUi(() -> refused.set(text));
        return true;
    }

    /** The question's share of a perfect score, beside it in the list. */
    public String share(PrescreenScoring.Question q) {
        return PrescreenSummary.share(
                q, questions.stream().map(PrescreenQuestions.Row::question).toList());
    }

    public ObjectProperty<UUID> jobProperty() {
        return job;
    }

    public ObservableList<PrescreenQuestions.Row> questions() {
        return questions;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }
}
