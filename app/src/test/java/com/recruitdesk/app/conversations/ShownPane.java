package com.recruitdesk.app.conversations;

import com.recruitdesk.app.widgets.Widgets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Conversations view in a headless window over a {@link PaneFixture} store (no server):
 * two conversations inside the 24-hour window, the first one open, the inbox list focused.
 */
final class ShownPane implements AutoCloseable {
    final PaneFixture f;
    final FxRobot robot = new FxRobot();
    final UUID first;

    ShownPane(Path dir) throws Exception {
        FxToolkit.registerPrimaryStage();
        f = new PaneFixture(dir);
        first = f.conversation("Sipho Dlamini", f.now.minus(Duration.ofHours(1)));
        f.message(first, "inbound", "text", "Is the job still open?", f.now.minus(Duration.ofHours(1)));
        UUID second = f.conversation("Lerato Molefe", f.now.minus(Duration.ofHours(2)));
        f.message(second, "inbound", "text", "Hello", f.now.minus(Duration.ofHours(2)));
    }

    /** Shows the pane over what the fixture holds (call after adding rows and {@code pull()}). */
    ShownPane show() throws Exception {
        f.pull();
        FxToolkit.setupStage(s -> {
            Scene scene = new Scene(ConversationsView.create(f.vm), 1280, 800);
            scene.getStylesheets().add(Widgets.STYLESHEET);
            s.setScene(scene);
            s.show();
        });
        robot.interact(f.vm::start);
        robot.clickOn("#" + ConversationsView.INBOX_LIST_ID);
        robot.interact(() -> f.vm.inbox().select(first));
        waitFor("the composer", () -> shown(ConversationsView.COMPOSER_TEXT_ID));
        return this;
    }

    static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }

    /** On screen: the node and every parent visible. */
    boolean shown(String id) {
        Node n = robot.lookup("#" + id).tryQuery().orElse(null);
        if (n == null) {
            return false;
        }
        for (; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        f.close();
    }
}
