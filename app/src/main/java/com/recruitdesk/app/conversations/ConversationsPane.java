package com.recruitdesk.app.conversations;

import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.conversations.data.ConversationCommands;
import com.recruitdesk.app.conversations.data.Inbox;
import com.recruitdesk.app.conversations.data.People;
import com.recruitdesk.app.conversations.data.Threads;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.SyncEngine;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import javafx.scene.Parent;

/** Wires the Conversations pane by hand for one signed-in user: its data, view models and view. */
public final class ConversationsPane {
    private final ConversationsViewModel viewModel;
    private final Parent view;

    private ConversationsPane(ConversationsViewModel viewModel, Parent view) {
        this.viewModel = viewModel;
        this.view = view;
    }

    public static ConversationsPane create(
            LocalStore store,
            SyncEngine engine,
            ApiClient api,
            BlobFiles files,
            UUID me,
            TaskExecutor tasks,
            ThreadViewModel.Opener opener,
            Clock clock,
            ZoneId zone) {
        Times times = new Times(clock, zone);
        Blobs blobs = new Blobs(api, store, files);
        ConversationCommands commands = new ConversationCommands(store, engine::submit, blobs, me, clock);
        Inbox inbox = new Inbox(store);
        ConversationsViewModel vm = new ConversationsViewModel(
                store,
                new InboxViewModel(inbox, tasks, me, times),
                new ThreadViewModel(new Threads(store), inbox, commands, blobs, tasks, times, me, opener),
                new ComposerViewModel(commands, blobs, tasks),
                new CandidateViewModel(new People(store), commands, tasks),
                tasks);
        engine.addListener(vm::accept);
        engine.addRejectionListener(vm::rejected);
        Parent view = ConversationsView.create(vm);
        vm.start();
        return new ConversationsPane(vm, view);
    }

    public ConversationsViewModel viewModel() {
        return viewModel;
    }

    public Parent view() {
        return view;
    }
}
