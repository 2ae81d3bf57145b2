package com.recruitdesk.app.pane;

import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.MutationType;
import javafx.scene.Node;

/** A pane the main window shows, made by its {@link PaneFactory} for one signed-in user. */
public interface Pane {
    /** The pane's root node. */
    Node view();

    /**
     * The server (or this computer, for a refused file) turned down one of the mutations of this
     * pane's feature; called on the sync engine's thread. The pane says what was undone and why.
     * Panes that own no mutations keep this default, which is never called for them.
     */
    default void rejected(LocalStore.Rejection rejection, MutationType<?> type) {}
}
