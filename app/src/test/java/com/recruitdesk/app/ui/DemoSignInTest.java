package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.auth.SessionStore;
import com.recruitdesk.app.auth.StoredSession;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The demo command ({@code ./dev start}) opens the desktop signed in, also when this computer still
 * holds a session from an earlier run whose server data was made anew: that session ends, and the
 * demo's credentials sign in again instead of leaving the user at an empty form.
 */
@Tag("ui")
class DemoSignInTest {
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

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void aSessionLeftFromAnEarlierDemoServerEndsAndTheDemoSignsInAgain() throws Exception {
        UUID recruiter = UUID.fromString(server.text("select id::text from users where email = ?", Demo.RECRUITER));
        SessionStore sessions = new SessionStore(home.resolve("session.json"));
        sessions.save(new StoredSession(
                server.url(), Demo.RECRUITER, recruiter, "Demo Recruiter", "a-token-of-a-server-that-is-gone"));
        AppConfig config = new AppConfig(
                home,
                Optional.of(new AppConfig.AutoSignIn(server.url(), Demo.RECRUITER, Demo.PASSWORD)),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 100));

        app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));

        // The stale token can never bring the engine online: only a new sign-in can.
        waitFor(
                "online",
                () -> robot.lookup("#" + StatusBarView.STATE_ID).tryQuery().isPresent()
                        && label(robot, StatusBarView.STATE_ID).equals("Online"));
        assertThat(robot.lookup("#" + MainView.ID).tryQuery()).isPresent();
        assertThat(sessions.load().orElseThrow().refreshToken()).isNotEqualTo("a-token-of-a-server-that-is-gone");
    }
}
