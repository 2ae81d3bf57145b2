package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.UserSession;
import com.recruitdesk.app.cohorts.CohortsPane;
import com.recruitdesk.app.conversations.ConversationsPane;
import com.recruitdesk.app.interviews.InterviewsPane;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.main.SignOutDialog;
import com.recruitdesk.app.overview.OverviewView;
import com.recruitdesk.app.overview.OverviewViewModel;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.app.upcoming.UpcomingView;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Entities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The real window, headless (Monocle), against the real server with the demo data. */
@Tag("ui")
class AppWindowTest {
    private static LiveServer server;
    private static Stage stage;

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private RecruitDeskApp app;

    @BeforeAll
    static void startServer() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        server = LiveServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        server.restart();
        AppConfig config = new AppConfig(
                home,
                Optional.empty(),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 100));
        app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));
        waitFor(
                "the sign-in window",
                () -> robot.lookup("#" + SignInView.ID).tryQuery().isPresent());
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    private void fillSignIn(String password) {
        fillSignIn(Demo.RECRUITER, password);
    }

    private void fillSignIn(String email, String password) {
        robot.interact(() -> robot.lookup("#" + SignInView.SERVER_ID)
                .queryAs(ComboBox.class)
                .getEditor()
                .setText(""));
        robot.clickOn("#" + SignInView.SERVER_ID).write(server.url());
        robot.clickOn("#" + SignInView.EMAIL_ID).write(email);
        robot.clickOn("#" + SignInView.PASSWORD_ID).write(password);
        robot.clickOn("#" + SignInView.BUTTON_ID);
    }

    private List<String> recordFirstSyncProgress() {
        List<String> seen = new CopyOnWriteArrayList<>();
        robot.interact(() -> stage.getScene().rootProperty().subscribe(root -> {
            if (root != null && MainView.ID.equals(root.getId())) {
                Node label = root.lookup("#" + StatusBarView.FIRST_SYNC_TEXT_ID);
                ((Label) label).textProperty().subscribe((String t) -> seen.add(t));
            }
        }));
        return seen;
    }

    private void signInAndAwaitMainWindow() {
        signInAndAwaitMainWindow(Demo.RECRUITER);
    }

    private void signInAndAwaitMainWindow(String email) {
        fillSignIn(email, Demo.PASSWORD);
        waitFor(
                "the main window",
                () -> robot.lookup("#" + MainView.ID).tryQuery().isPresent());
        waitFor("Online", () -> label(robot, StatusBarView.STATE_ID).equals("Online"));
    }

    @Test
    void aWrongPasswordShowsTheMessage() {
        fillSignIn("not-the-password");

        waitFor("the error", () -> !label(robot, SignInView.ERROR_ID).isEmpty());
        assertThat(label(robot, SignInView.ERROR_ID)).isEqualTo("The email or password is wrong.");
        assertThat(robot.lookup("#" + MainView.ID).tryQuery()).isEmpty();
    }

    @Test
    void signInThenFirstSyncShowsProgressAndReachesTheMainWindow() {
        List<String> progress = recordFirstSyncProgress();
        signInAndAwaitMainWindow();

        assertThat(progress)
                .as("first-sync progress shown")
                .anyMatch(t -> t.matches(".*\\d+ of \\d+ rows \\(\\d+%\\)"));
        robot.clickOn("#nav-synced-data");
        @SuppressWarnings("unchecked")
        TableView<OverviewViewModel.EntityCountRow> table =
                robot.lookup("#" + OverviewView.TABLE_ID).queryAs(TableView.class);
        long conversations = server.count("select count(*) from conversations");
        waitFor(
                "the counts",
                () -> table.getItems().stream()
                        .anyMatch(r -> r.entity().equals("conversation") && r.count() == conversations));
        assertThat(table.getItems())
                .anySatisfy(
                        r -> assertThat(r).isEqualTo(new OverviewViewModel.EntityCountRow("message", "Message", (int)
                                server.count("select count(*) from messages"))));
        assertThat(label(robot, StatusBarView.LAST_SYNC_ID)).startsWith("Last sync ");
        assertThat(label(robot, MainView.USER_ID)).contains(server.url());
    }

    @Test
    void theStatusBarTurnsOfflineWhenTheServerStopsAndCountsAnOfflineChange() {
        signInAndAwaitMainWindow();
        assertThat(label(robot, StatusBarView.PENDING_ID)).isEqualTo("Nothing pending");

        server.stop();
        waitFor("Offline", () -> label(robot, StatusBarView.STATE_ID).equals("Offline"));
        assertThat(label(robot, StatusBarView.ERROR_ID)).contains("Retrying");

        UserSession session = app.session().orElseThrow();
        UUID candidate = UUID.fromString(
                session.store().rows("candidate", 1).getFirst().path("id").asText());
        session.engine()
                .submit(
                        ConversationMutations.TAG_CANDIDATE,
                        new ConversationMutations.TagCandidate(candidate, "ui-offline", true),
                        List.of());
        waitFor("1 pending", () -> label(robot, StatusBarView.PENDING_ID).equals("1 pending"));

        server.restart();
        waitFor(
                "Online again",
                () -> label(robot, StatusBarView.STATE_ID).equals("Online")
                        && label(robot, StatusBarView.PENDING_ID).equals("Nothing pending"));
        assertThat(server.count("select count(*) from candidate_tags where tag = 'ui-offline'"))
                .isEqualTo(1);
    }

    private boolean selected(String navigationId) {
        return fx(() -> robot.lookup("#" + navigationId)
                .tryQuery()
                .map(n -> ((ToggleButton) n).isSelected())
                .orElse(false));
    }

    @Test
    void anInterviewerLandsOnInterviewsWithWhatTheyHoldNotOnConversations() {
        signInAndAwaitMainWindow(Demo.INTERVIEWER);

        assertThat(selected(InterviewsPane.FACTORY.navigationId())).isTrue();
        assertThat(robot.lookup("#" + ConversationsPane.FACTORY.navigationId()).tryQuery())
                .isEmpty();
        LocalStore store = app.session().orElseThrow().store();
        waitFor("the first sync", () -> store.meta("firstSyncDone").isPresent());
        int interviews = store.countsByEntity().getOrDefault(Entities.INTERVIEW_SESSION, 0);
        assertThat(interviews)
                .as("the demo interviewer takes part in interviews")
                .isPositive();
        waitFor(
                "what this computer holds",
                () -> label(robot, UpcomingView.HELD_ID).startsWith(interviews + " interview"));
        assertThat(label(robot, UpcomingView.HELD_ID))
                .contains(store.countsByEntity().getOrDefault(Entities.CANDIDATE, 0) + " candidate");
    }

    @Test
    void anInstitutionAdminLandsOnCohorts() {
        signInAndAwaitMainWindow(Demo.INSTITUTION_ADMIN);

        assertThat(selected(CohortsPane.FACTORY.navigationId())).isTrue();
        assertThat(robot.lookup("#" + ConversationsPane.FACTORY.navigationId()).tryQuery())
                .isEmpty();
        waitFor(
                "what this computer holds",
                () -> label(robot, UpcomingView.HELD_ID).contains(" cohort"));
    }

    @Test
    void afterSigningOutTheFormOffersTheServerJustUsed() {
        signInAndAwaitMainWindow();

        robot.clickOn("#" + MainView.SIGN_OUT_ID);
        waitFor(
                "the question",
                () -> robot.lookup("#" + SignOutDialog.CONFIRM_ID).tryQuery().isPresent());
        robot.clickOn("#" + SignOutDialog.CONFIRM_ID); // keeping this computer's copy
        waitFor(
                "the sign-in window",
                () -> robot.lookup("#" + SignInView.ID).tryQuery().isPresent());

        @SuppressWarnings("unchecked")
        ComboBox<String> serverBox = robot.lookup("#" + SignInView.SERVER_ID).queryAs(ComboBox.class);
        assertThat(fx(() -> serverBox.getEditor().getText())).isEqualTo(server.url());
        assertThat(fx(() -> List.<String>copyOf(serverBox.getItems()))).containsExactly(server.url());
    }
}
