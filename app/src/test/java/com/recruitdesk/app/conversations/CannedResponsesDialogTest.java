package com.recruitdesk.app.conversations;

import static com.recruitdesk.app.conversations.ShownPane.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The canned responses the composer offers can be made, changed and deleted: from the '/' picker
 * when nothing matches, and from the composer's canned responses menu. Headless, no server.
 */
@Tag("ui")
class CannedResponsesDialogTest {
    @TempDir
    Path dir;

    private ShownPane pane;
    private FxRobot robot;

    @BeforeEach
    void show() throws Exception {
        pane = new ShownPane(dir);
        pane.f.row(
                "cannedResponse",
                UUID.randomUUID(),
                PaneFixture.JSON.objectNode().put("shortcut", "form").put("body", "Please fill in the form."));
        pane.show();
        robot = pane.robot;
    }

    @AfterEach
    void close() throws Exception {
        pane.close();
    }

    private String text(String id) {
        return robot.lookup("#" + id).queryAs(TextInputControl.class).getText();
    }

    private String label(String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void aShortcutThatMatchesNothingIsMadeFromThePickerAndThenUsed() {
        robot.clickOn("#" + ConversationsView.COMPOSER_TEXT_ID).write("/welc");
        waitFor("the way to the dialog", () -> pane.shown(ConversationsView.MANAGE_CANNED_ID));

        robot.clickOn("#" + ConversationsView.MANAGE_CANNED_ID);
        waitFor("the dialog", () -> pane.shown(ConversationsView.CANNED_ID));
        assertThat(text(CannedResponsesView.SHORTCUT_ID)).isEqualTo("welc");
        robot.clickOn("#" + CannedResponsesView.SHORTCUT_ID).type(KeyCode.END).write("ome");
        robot.clickOn("#" + CannedResponsesView.BODY_ID).write("Welcome!");
        robot.type(KeyCode.TAB);
        assertThat(text(CannedResponsesView.BODY_ID)).as("Tab leaves the text").isEqualTo("Welcome!");
        assertThat(robot.lookup("#" + CannedResponsesView.SAVE_ID).query().isFocused())
                .isTrue();
        robot.type(KeyCode.SPACE); // presses Save

        waitFor(
                "the new response in the list",
                () -> robot.lookup("#" + CannedResponsesView.LIST_ID)
                                .queryListView()
                                .getItems()
                                .size()
                        == 2);
        assertThat(pane.f.store.pending(10).getLast().args().path("shortcut").asText())
                .isEqualTo("welcome");
        robot.type(KeyCode.ESCAPE);
        waitFor("the dialog closed", () -> !pane.shown(ConversationsView.CANNED_ID));

        robot.interact(() -> pane.f.vm.composer().textProperty().set(""));
        robot.clickOn("#" + ConversationsView.COMPOSER_TEXT_ID).write("/welc").type(KeyCode.ENTER);
        waitFor(
                "the text put in",
                () -> text(ConversationsView.COMPOSER_TEXT_ID).equals("Welcome!"));
    }

    @Test
    void aResponseIsEditedAndDeletedFromTheComposersMenu() {
        robot.clickOn("#" + ComposerView.CANNED_MENU_ID);
        waitFor(
                "the menu",
                () -> robot.lookup("#" + ComposerView.MANAGE_CANNED_MENU_ID)
                        .tryQuery()
                        .isPresent());
        robot.clickOn("#" + ComposerView.MANAGE_CANNED_MENU_ID);
        waitFor("the dialog", () -> pane.shown(ConversationsView.CANNED_ID));

        ListView<?> list = robot.lookup("#" + CannedResponsesView.LIST_ID).queryListView();
        robot.interact(() -> list.getSelectionModel().select(0));
        assertThat(text(CannedResponsesView.SHORTCUT_ID)).isEqualTo("form");
        robot.interact(() -> robot.lookup("#" + CannedResponsesView.SHORTCUT_ID)
                .queryAs(TextInputControl.class)
                .setText("Form please!"));
        assertThat(label(CannedResponsesView.PROBLEM_ID)).startsWith("A shortcut is 1 to 32 lowercase letters");
        assertThat(robot.lookup("#" + CannedResponsesView.SAVE_ID)
                        .queryAs(Button.class)
                        .isDisabled())
                .isTrue();

        robot.interact(() -> robot.lookup("#" + CannedResponsesView.SHORTCUT_ID)
                .queryAs(TextInputControl.class)
                .setText("registration"));
        robot.clickOn("#" + CannedResponsesView.SAVE_ID);
        waitFor(
                "the new shortcut",
                () -> pane.f.vm.composer().cannedResponses().stream()
                        .anyMatch(c -> c.shortcut().equals("registration")));

        robot.clickOn("#" + CannedResponsesView.DELETE_ID);
        waitFor("deleted", () -> pane.f.vm.composer().cannedResponses().isEmpty());
        assertThat(pane.f.store.pending(10).getLast().name()).isEqualTo("cannedResponse.delete");
        robot.clickOn("#" + CannedResponsesView.CLOSE_ID);
        waitFor("the dialog closed", () -> !pane.shown(ConversationsView.CANNED_ID));
    }
}
