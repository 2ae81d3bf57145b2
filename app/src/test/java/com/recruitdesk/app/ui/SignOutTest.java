package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.main.SignOutDialog;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.store.StoreFiles;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Leaving a computer: signing out offers to remove its copy of the data; a deactivated account's goes by itself. */
@Tag("ui")
class SignOutTest {
    private static final String USER = "recruiter2@demo.test";
    private static LiveServer server;

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private RecruitDeskApp app;

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = LiveServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        AppConfig config = new AppConfig(
                home,
                Optional.empty(),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 100));
        app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));
        waitFor(
                "the sign-in window",
                () -> robot.lookup("#" + SignInView.ID).tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#" + SignInView.SERVER_ID)
                .queryAs(ComboBox.class)
                .getEditor()
                .setText(""));
        robot.clickOn("#" + SignInView.SERVER_ID).write(server.url());
        robot.clickOn("#" + SignInView.EMAIL_ID).write(USER);
        robot.clickOn("#" + SignInView.PASSWORD_ID).write(Demo.PASSWORD);
        robot.clickOn("#" + SignInView.BUTTON_ID);
        waitFor(
                "the main window",
                () -> robot.lookup("#" + MainView.ID).tryQuery().isPresent());
        waitFor("Online", () -> label(robot, StatusBarView.STATE_ID).equals("Online"));
    }

    @AfterEach
    void stopApp() throws Exception {
        server.execute("update users set status = 'active' where email = ?", USER);
        FxToolkit.cleanupApplication(app);
    }

    private Path storeFile() {
        UUID user = UUID.fromString(server.text("select id::text from users where email = ?", USER));
        return StoreFiles.forUser(home, server.url(), user);
    }

    @Test
    void signingOutCanRemoveThisComputersCopyOfTheData() {
        Path store = storeFile();
        assertThat(store).exists();

        robot.clickOn("#" + MainView.SIGN_OUT_ID);
        waitFor(
                "the question",
                () -> robot.lookup("#" + SignOutDialog.REMOVE_ID).tryQuery().isPresent());
        robot.clickOn("#" + SignOutDialog.REMOVE_ID);
        robot.clickOn("#" + SignOutDialog.CONFIRM_ID);

        waitFor(
                "the sign-in window",
                () -> robot.lookup("#" + SignInView.ID).tryQuery().isPresent());
        waitFor("the copy removed", () -> !Files.exists(store));
        assertThat(store.resolveSibling(store.getFileName() + "-wal")).doesNotExist();
        assertThat(home.resolve("session.json")).doesNotExist();
    }

    @Test
    void aDeactivatedAccountsCopyIsRemovedAndTheFormSaysWhy() {
        Path store = storeFile();

        server.execute("update users set status = 'inactive' where email = ?", USER);

        waitFor(
                "the sign-in window",
                () -> robot.lookup("#" + SignInView.ID).tryQuery().isPresent());
        waitFor("the reason", () -> label(robot, SignInView.ERROR_ID).contains("deactivated"));
        waitFor("the copy removed", () -> !Files.exists(store));
    }
}
