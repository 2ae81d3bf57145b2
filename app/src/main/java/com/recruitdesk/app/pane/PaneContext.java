package com.recruitdesk.app.pane;

import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.app.sync.SyncEngine;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Everything a pane may use, for one signed-in user: the local store it reads, the sync engine its
 * commands go through ({@link #commands()}) and whose state it may show, the API and the files of
 * this computer (photos and documents), who is signed in, where background work runs, the clock
 * and zone times are shown in, how a document is opened, and how to take the user to another pane
 * ({@link Navigator}). A pane gets nothing else: no static state, no other pane.
 */
public record PaneContext(
        LocalStore store,
        SyncEngine engine,
        ApiClient api,
        BlobFiles files,
        SignedInUser user,
        TaskExecutor tasks,
        Clock clock,
        ZoneId zone,
        DocumentOpener opener,
        Navigator navigator) {

    /** Where the pane's mutations go: {@code commands().submit(type, args, optimisticRows)}. */
    public Submitter commands() {
        return engine;
    }
}
