package com.recruitdesk.app.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.pipelines.data.Merge;
import com.recruitdesk.app.pipelines.data.PipelineCommands;
import com.recruitdesk.app.store.LocalStore;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The merge of an edit (an application's, a job's: {@link Merge#KINDS}) the server refused as a
 * conflict (decisions 0037, 0042): offered when the rejection carries both sides, and sent again on
 * the server's version with what the user chose per field.
 */
public final class MergeViewModel {
    private final PipelineCommands commands;
    private final TaskExecutor tasks;
    private final Consumer<String> say;
    private final Consumer<Throwable> failed;
    private final ReadOnlyObjectWrapper<Merge> offered = new ReadOnlyObjectWrapper<>();

    MergeViewModel(PipelineCommands commands, TaskExecutor tasks, Consumer<String> say, Consumer<Throwable> failed) {
        this.commands = commands;
        this.tasks = tasks;
        this.say = say;
        this.failed = failed;
    }

    /** Offers the merge {@code r} calls for; false when it is no conflict a merge can settle. */
    public boolean offer(LocalStore.Rejection r) {
        return Merge.of(r)
                .map(m -> {
                    tasks.onUi(() -> offered.set(m));
                    return true;
                })
                .orElse(false);
    }

    /**
     * The user chose: their value of each field in {@code keepMine} and the fields nobody disputed
     * go again on the server's version; where they kept the colleague's value nothing is sent.
     */
    public void resolve(Merge m, Set<String> keepMine) {
        if (offered.get() == m) {
            offered.set(null);
        }
        ObjectNode changes = m.resubmit(keepMine);
        if (changes.isEmpty()) {
            return;
        }
        tasks.run(
                () -> {
                    m.resend(commands, changes);
                    return null;
                },
                ok -> {},
                failed);
    }

    /** The user closed the merge without choosing: the edit stays refused, and the pane says so. */
    public void discard(Merge m) {
        if (offered.get() == m) {
            offered.set(null);
            say.accept("Your edit was not saved; the " + m.kind().noun() + " shows the values on the server.");
        }
    }

    /** The merge on offer, or null. */
    public ReadOnlyObjectProperty<Merge> offeredProperty() {
        return offered.getReadOnlyProperty();
    }
}
