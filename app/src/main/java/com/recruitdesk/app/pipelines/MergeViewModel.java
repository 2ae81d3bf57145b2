package com.recruitdesk.app.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.pipelines.data.KeptMerges;
import com.recruitdesk.app.pipelines.data.Merge;
import com.recruitdesk.app.pipelines.data.PipelineCommands;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The merge of an edit (an application's, a job's, a profile's: {@link Merge#KINDS}) the server refused as a
 * conflict (decisions 0037, 0042): offered when the rejection carries both sides, one at a time, and
 * sent again on the server's version with what the user chose per field. Conflicts kept from an
 * earlier session and never settled are offered again when the pane starts.
 */
public final class MergeViewModel {
    private final PipelineCommands commands;
    private final KeptMerges kept;
    private final TaskExecutor tasks;
    private final Consumer<String> say;
    private final Consumer<Throwable> failed;
    private final ReadOnlyObjectWrapper<Merge> offered = new ReadOnlyObjectWrapper<>();
    private final Deque<Merge> waiting = new ArrayDeque<>(); // on the FX thread only
    private final Map<String, String> names = new HashMap<>(); // reference fields' rows, by id

    MergeViewModel(
            PipelineCommands commands,
            KeptMerges kept,
            TaskExecutor tasks,
            Consumer<String> say,
            Consumer<Throwable> failed) {
        this.commands = commands;
        this.kept = kept;
        this.tasks = tasks;
        this.say = say;
        this.failed = failed;
    }

    /** Offers again the conflicts this computer kept that were neither merged nor discarded. */
    public void start() {
        tasks.run(
                () -> kept.unsettled().stream()
                        .map(m -> Map.entry(m, kept.names(m)))
                        .toList(),
                found -> found.forEach(e -> queue(e.getKey(), e.getValue())),
                failed);
    }

    /** Offers the merge {@code r} calls for; false when it is no conflict a merge can settle. */
    public boolean offer(LocalStore.Rejection r) {
        return Merge.of(r)
                .map(m -> {
                    tasks.run(() -> kept.names(m), found -> queue(m, found), failed);
                    return true;
                })
                .orElse(false);
    }

    private void queue(Merge m, Map<String, String> found) {
        names.putAll(found);
        boolean known = (offered.get() != null && offered.get().mutationId().equals(m.mutationId()))
                || waiting.stream().anyMatch(w -> w.mutationId().equals(m.mutationId()));
        if (known) {
            return;
        }
        if (offered.get() == null) {
            offered.set(m);
        } else {
            waiting.add(m);
        }
    }

    /**
     * The user chose: their value of each field in {@code keepMine} and the fields nobody disputed
     * go again on the server's version; where they kept the colleague's value nothing is sent.
     */
    public void resolve(Merge m, Set<String> keepMine) {
        ObjectNode changes = m.resubmit(keepMine);
        settle(m, () -> {
            if (!changes.isEmpty()) {
                m.resend(commands, changes);
            }
        });
    }

    /** The user closed the merge without choosing: the edit stays refused, and the pane says so. */
    public void discard(Merge m) {
        if (offered.get() == m) {
            say.accept("Your edit was not saved; the " + m.kind().noun() + " shows the values on the server.");
        }
        settle(m, () -> {});
    }

    private void settle(Merge m, Runnable then) {
        tasks.run(
                () -> {
                    kept.settle(m.mutationId());
                    then.run();
                    return null;
                },
                ok -> {},
                failed);
        if (offered.get() == m) {
            offered.set(waiting.poll());
        }
    }

    /** A disputed field's value as the dialog shows it: a reference by the name of its row. */
    public String text(Merge.Field f, JsonNode value) {
        String text = Merge.Field.text(f.spec(), value);
        return f.spec().kind() == FieldSpec.Kind.ID ? names.getOrDefault(text, text) : text;
    }

    /** The merge on offer, or null. */
    public ReadOnlyObjectProperty<Merge> offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    /** The merges waiting behind the one on offer. */
    List<Merge> waiting() {
        return List.copyOf(waiting);
    }
}
