package com.recruitdesk.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every single-key shortcut of the pane acts and types nothing: pressing R used to move to the
 * composer and leave an "r" in it. The real view over a local store (headless), no server.
 */
@Tag("ui")
class ShortcutKeysTest {
    @TempDir
    Path dir;

    private ShownPane pane;
    private FxRobot robot;
    private PaneFixture f;

    @BeforeEach
    void show() throws Exception {
        pane = new ShownPane(dir).show();
        robot = pane.robot;
        f = pane.f;
        assertThat(robot.lookup("#" + ConversationsView.INBOX_LIST_ID).query().isFocused())
                .as("the keys go to the inbox, not to a text field")
                .isTrue();
    }

    @AfterEach
    void close() throws Exception {
        pane.close();
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
