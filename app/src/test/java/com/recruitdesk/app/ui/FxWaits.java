package com.recruitdesk.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting on the real window's conditions, and reading its state on the FX thread. */
final class FxWaits {
    /** Long enough for a loaded CI machine; a condition that holds returns at once. */
    static final int WAIT_SECONDS = 30;

    private FxWaits() {}

    static void waitFor(String what, Callable<Boolean> condition) {
        waitFor(what, condition, () -> "");
    }

    static void waitFor(String what, Callable<Boolean> condition, java.util.function.Supplier<String> state) {
        Throwable[] raced = {null};
        // A TestFX lookup walks the scene graph from the test's thread; when the window changes under
        // it, it throws instead of answering (a child list shorter than it was a moment before). That
        // is "not yet", so look again; a timeout still carries the last such failure.
        Callable<Boolean> again = () -> {
            try {
                return condition.call();
            } catch (IndexOutOfBoundsException | NullPointerException | java.util.ConcurrentModificationException e) {
                raced[0] = e;
                return false;
            }
        };
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, again);
        } catch (TimeoutException e) {
            AssertionError timedOut = new AssertionError("Timed out waiting for " + what + state.get(), e);
            if (raced[0] != null) {
                timedOut.addSuppressed(raced[0]);
            }
            throw timedOut;
        }
    }

    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The text of the label with this id, "" while there is none. */
    static String label(FxRobot robot, String id) {
        Callable<String> read = () -> robot.lookup("#" + id)
                .tryQuery()
                .map(n -> ((Label) n).getText())
                .orElse("");
        try {
            // On the FX thread, so the lookup never walks a scene that is changing under it.
            return javafx.application.Platform.isFxApplicationThread() ? read.call() : fx(read);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The node {@code query} finds in a window that is showing, once there is one. A menu's items
     * exist before their popup has a scene: clicking one found too early fails inside TestFX.
     */
    static javafx.scene.Node shown(FxRobot robot, String query) {
        javafx.scene.Node[] found = {null};
        waitFor(
                query + " on screen",
                () -> fx(() -> {
                    found[0] = robot.lookup(query).queryAll().stream()
                            .filter(n -> n.isVisible()
                                    && n.getScene() != null
                                    && n.getScene().getWindow() != null
                                    && n.getScene().getWindow().isShowing())
                            .findFirst()
                            .orElse(null);
                    return found[0] != null;
                }));
        return found[0];
    }
}
