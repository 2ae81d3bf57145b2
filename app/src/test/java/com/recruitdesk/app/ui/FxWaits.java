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
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + state.get(), e);
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
        return robot.lookup("#" + id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
