package com.recruitdesk.app.main;

import com.recruitdesk.app.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The main window's frame: who is signed in, to which server, and the sign-out command. */
public final class MainViewModel {
    /**
     * Ends the session: the app's implementation stops sync, tells the server and forgets the token,
     * and with {@code removeCopy} deletes this computer's copy of the data.
     */
    @FunctionalInterface
    public interface SignOut {
        void signOut(boolean removeCopy) throws Exception;
    }

    private final ReadOnlyStringWrapper user;
    private final ReadOnlyStringWrapper server;
    private final ReadOnlyBooleanWrapper signingOut = new ReadOnlyBooleanWrapper();
    private final TaskExecutor tasks;
    private final SignOut signOut;
    private final Runnable onSignedOut;
    private final java.util.function.IntSupplier pending;

    public MainViewModel(String user, String server, TaskExecutor tasks, SignOut signOut, Runnable onSignedOut) {
        this(user, server, tasks, signOut, onSignedOut, () -> 0);
    }

    /** {@code pending}: how many changes wait to be sent, which the sign-out question mentions. */
    public MainViewModel(
            String user,
            String server,
            TaskExecutor tasks,
            SignOut signOut,
            Runnable onSignedOut,
            java.util.function.IntSupplier pending) {
        this.pending = pending;
        this.user = new ReadOnlyStringWrapper(user);
        this.server = new ReadOnlyStringWrapper(server);
        this.tasks = tasks;
        this.signOut = signOut;
        this.onSignedOut = onSignedOut;
    }

    public ReadOnlyStringProperty userProperty() {
        return user.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** Changes made here that the server has not answered yet. */
    public int pendingChanges() {
        return pending.getAsInt();
    }

    public ReadOnlyBooleanProperty signingOutProperty() {
        return signingOut.getReadOnlyProperty();
    }

    public void signOut(boolean removeCopy) {
        if (signingOut.get()) {
            return;
        }
        signingOut.set(true);
        tasks.run(
                () -> {
                    signOut.signOut(removeCopy);
                    return Boolean.TRUE;
                },
                ok -> onSignedOut.run(),
                failure -> onSignedOut.run()); // the token is forgotten locally either way
    }
}
