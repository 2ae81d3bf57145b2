package com.recruitdesk.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.widgets.Widgets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every single-key shortcut of the pane acts and types nothing: pressing R used to move to the
 * composer and leave an "r" in it. The real view over a local store (headless), no server.
 */
@Tag("ui")
class ShortcutKeysTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private PaneFixture f;
    private UUID first;

    @BeforeEach
    void show() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        f = new PaneFixture(dir);
        first = f.conversation("Sipho Dlamini", f.now.minus(Duration.ofHours(1)));
        f.message(first, "inbound", "text", "Is the job still open?", f.now.minus(Duration.ofHours(1)));
        UUID second = f.conversation("Lerato Molefe", f.now.minus(Duration.ofHours(2)));
        f.message(second, "inbound", "text", "Hello", f.now.minus(Duration.ofHours(2)));
        f.pull();
        FxToolkit.setupStage(s -> {
            Scene scene = new Scene(ConversationsView.create(f.vm), 1280, 800);
            scene.getStylesheets().add(Widgets.STYLESHEET);
            s.setScene(scene);
            s.show();
        });
        robot.interact(() -> {
            f.vm.start();
            f.vm.inbox().select(first);
        });
        robot.clickOn("#" + ConversationsView.INBOX_LIST_ID);
        robot.interact(() -> f.vm.inbox().select(first));
        waitFor(
                "the composer",
                () -> robot.lookup("#" + ConversationsView.COMPOSER_TEXT_ID)
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        assertThat(stage.getScene().getFocusOwner()).isNotInstanceOf(TextInputControl.class);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        f.close();
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }

    private String text(String id) {
        return robot.lookup("#" + id).queryAs(TextInputControl.class).getText();
    }

    private boolean focused(String id) {
        return robot.lookup("#" + id).query().isFocused();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"J", "K", "N", "A", "E", "U", "R", "/", "?"})
    void aShortcutKeyActsAndTypesNothing(String key) {
        if (key.length() == 1 && Character.isLetter(key.charAt(0))) {
            robot.type(KeyCode.valueOf(key));
        } else {
            robot.write(key);
        }
        WaitForAsyncUtils.waitForFxEvents();

        switch (key) {
            case "R", "N" ->
                assertThat(focused(ConversationsView.COMPOSER_TEXT_ID))
                        .as("the composer has the focus")
                        .isTrue();
            case "/" ->
                assertThat(focused(ConversationsView.SEARCH_ID))
                        .as("the search has the focus")
                        .isTrue();
            case "?" ->
                assertThat(f.vm.helpShownProperty().get())
                        .as("the help is shown")
                        .isTrue();
            default -> {}
        }
        assertThat(text(ConversationsView.COMPOSER_TEXT_ID))
                .as("the composer's text")
                .isEmpty();
        assertThat(text(ConversationsView.SEARCH_ID)).as("the search text").isEmpty();
    }
}
