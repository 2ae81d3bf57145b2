package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Opens the real app with its files in {@code home} and signs in through its form, as a user would. */
final class WindowSignIn {
    private WindowSignIn() {}

    static RecruitDeskApp open(FxRobot robot, Path home, String serverUrl, String email) throws Exception {
        AppConfig config = new AppConfig(
                home,
                Optional.empty(),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 100));
        var app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));
        waitFor(
                "the sign-in window",
                () -> robot.lookup("#" + SignInView.ID).tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#" + SignInView.SERVER_ID)
                .queryAs(ComboBox.class)
                .getEditor()
                .setText(""));
        robot.clickOn("#" + SignInView.SERVER_ID).write(serverUrl);
        robot.clickOn("#" + SignInView.EMAIL_ID).write(email);
        robot.clickOn("#" + SignInView.PASSWORD_ID).write("demo-password");
        robot.clickOn("#" + SignInView.BUTTON_ID);
        waitFor(
                "the main window",
                () -> robot.lookup("#" + MainView.ID).tryQuery().isPresent());
        waitFor("Online", () -> label(robot, StatusBarView.STATE_ID).equals("Online"));
        return app;
    }
}
