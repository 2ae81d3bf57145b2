package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.pipelines.data.Actions;
import com.recruitdesk.app.pipelines.data.JobItem;
import com.recruitdesk.app.pipelines.data.PipelineCommands;
import com.recruitdesk.protocol.sync.Entities;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pane's action queue (my items, most urgent first; one opens its application, one is
 * dismissed) and the chosen job's latest export (asked for here, built by the server, its progress
 * synced back, its ZIP opened when done).
 */
public final class QueueViewModel {
    /** Opens a synced file by its blob id (fetched first when this computer lacks it). */
    public interface FileOpener {
        void open(UUID blobId) throws Exception;
    }

    private final Actions actions;
    private final PipelineCommands commands;
    private final PipelinesViewModel pipelines;
    private final TaskExecutor tasks;
    private final FileOpener files;
    private final ObservableList<Actions.Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Actions.Export> export = new SimpleObjectProperty<>();
    private final ConversationLinkViewModel link;
    private Set<UUID> talking = Set.of();

    public QueueViewModel(
            Actions actions,
            PipelineCommands commands,
            PipelinesViewModel pipelines,
            TaskExecutor tasks,
            FileOpener files,
            ConversationLinkViewModel link) {
        this.link = link;
        this.actions = actions;
        this.commands = commands;
        this.pipelines = pipelines;
        this.tasks = tasks;
        this.files = files;
        pipelines.jobProperty().addListener((o, a, b) -> {
            if (a == null || b == null || !a.id().equals(b.id())) {
                refreshExport();
            }
        });
    }

    public void start() {
        refreshItems();
        refreshExport();
    }

    public void changed(Set<String> entities) {
        tasks.onUi(() -> {
            if (entities.contains(Entities.ACTION_QUEUE_ITEM) || entities.contains(Entities.CONVERSATION)) {
                refreshItems();
            }
            if (entities.contains(Entities.EXPORT_JOB)) {
                refreshExport();
            }
        });
    }

    private void refreshItems() {
        tasks.run(
                () -> {
                    List<Actions.Item> mine = actions.mine();
                    var with = link.withConversation(
                            mine.stream().map(Actions.Item::candidateId).toList());
                    return java.util.Map.entry(mine, with);
                },
                read -> {
                    if (!read.getValue().equals(talking)) {
                        items.clear(); // the same items drawn again: who has a conversation changed
                    }
                    talking = read.getValue();
                    items.setAll(read.getKey());
                },
                pipelines::failed);
    }

    private void refreshExport() {
        JobItem j = pipelines.jobProperty().get();
        if (j == null) {
            export.set(null);
            return;
        }
        tasks.run(() -> actions.latestExport(j.id()).orElse(null), export::set, pipelines::failed);
    }

    /** Shows the item's application (its job chosen, the application in the detail). */
    public void open(Actions.Item item) {
        if (item.jobId() != null) {
            pipelines.open(item.jobId(), item.applicationId());
        }
    }

    /** Whether the item names a person with a conversation this user can open. */
    public boolean opensConversation(Actions.Item item) {
        return item.candidateId() != null && talking.contains(item.candidateId());
    }

    /** Shows the conversation of the person the item concerns, in the Conversations pane. */
    public void openConversation(Actions.Item item) {
        if (opensConversation(item)) {
            link.open(item.candidateId());
        }
    }

    public void dismiss(Actions.Item item) {
        items.remove(item); // gone at once; the store's change follows
        tasks.run(
                () -> {
                    commands.dismiss(item.id());
                    return null;
                },
                ok -> {},
                pipelines::failed);
    }

    /** Asks for an export of the chosen job's applications. */
    public void requestExport(String format, boolean withCvs) {
        JobItem j = pipelines.jobProperty().get();
        if (j == null) {
            return;
        }
        tasks.run(() -> commands.requestExport(j.id(), format, withCvs), id -> refreshExport(), pipelines::failed);
    }

    /** Opens the finished export's ZIP. */
    public void openExport() {
        Actions.Export e = export.get();
        if (e == null || e.resultBlobId() == null) {
            return;
        }
        tasks.run(
                () -> {
                    files.open(e.resultBlobId());
                    return null;
                },
                ok -> {},
                pipelines::failed);
    }

    public ObservableList<Actions.Item> items() {
        return items;
    }

    public ObjectProperty<Actions.Export> exportProperty() {
        return export;
    }
}
