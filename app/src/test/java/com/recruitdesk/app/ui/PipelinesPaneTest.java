package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.pipelines.PipelinesView;
import com.recruitdesk.app.pipelines.PipelinesViewModel;
import com.recruitdesk.app.pipelines.data.Card;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The Pipelines board in the real window (headless, Monocle) against the real server with the demo
 * data: cards moved from the keyboard and by drag and drop, online and offline, shown at once and
 * sent; the detail's prescreen explanation and its timeline's chain.
 */
@Tag("ui")
class PipelinesPaneTest {
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
        server.restart();
        AppConfig config = new AppConfig(
                home,
                Optional.of(new AppConfig.AutoSignIn(server.url(), Demo.RECRUITER, Demo.PASSWORD)),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 500));
        app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));
        waitFor(
                "the main window",
                () -> robot.lookup("#" + MainView.ID).tryQuery().isPresent());
        waitFor("online", () -> "Online".equals(label(robot, StatusBarView.STATE_ID)));
        robot.clickOn("#" + PipelinesPane.FACTORY.navigationId());
        waitFor("the jobs", () -> fx(() -> vm().jobs().size() >= 4));
        robot.interact(() -> vm().jobProperty()
                .set(vm().jobs().stream()
                        .filter(j -> j.title().startsWith("Runway"))
                        .findFirst()
                        .orElseThrow()));
        // The tests share the server's data: each takes the cards it finds (at least one new, one in screening).
        waitFor(
                "the board",
                () -> fx(() ->
                        !vm().lane("new").isEmpty() && !vm().lane("screening").isEmpty()));
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    private PipelinesViewModel vm() {
        return app.pane(PipelinesPane.class).orElseThrow().viewModel();
    }

    private Card first(String lane) {
        return fx(() -> vm().lane(lane).getFirst());
    }

    private boolean inLane(String lane, UUID id) {
        return fx(() -> vm().lane(lane).stream().anyMatch(c -> c.id().equals(id)));
    }

    private String stage(UUID id) {
        return server.text("select stage from applications where id = ?", id);
    }

    private Node cardOnScreen(Card card) {
        return robot.lookup(".card-name")
                .match(n -> n instanceof Label l && l.getText().equals(card.name()))
                .query();
    }

    @Test
    void ctrlRightMovesTheSelectedCardOneLaneOnAtOnceAndTheServerFollows() {
        Card card = first("new");
        robot.clickOn(cardOnScreen(card));

        robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);

        assertThat(inLane("screening", card.id())).as("shown at once").isTrue();
        assertThat(inLane("new", card.id())).isFalse();
        waitFor("the server's stage", () -> "screening".equals(stage(card.id())));
        waitFor("sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
        assertThat(server.count("select count(*) from application_timeline where application_id = '" + card.id()
                        + "' and field = 'stage' and new_status = 'screening' and changed_by_user_id is not null"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCardDraggedToAnotherLaneMovesThere() {
        Card card = first("screening");

        robot.drag(cardOnScreen(card)).dropTo("#" + PipelinesView.laneId("interview"));

        waitFor("the card in the interview lane", () -> inLane("interview", card.id()));
        waitFor("the server's stage", () -> "interview".equals(stage(card.id())));
    }

    @Test
    void aMoveMadeOfflineShowsAtOnceAndReachesTheServerOnReconnect() {
        Card card = first("new");
        server.stop();
        waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
        robot.clickOn(cardOnScreen(card));

        robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);

        waitFor("the card in screening while offline", () -> inLane("screening", card.id()));
        waitFor(
                "one change waiting",
                () -> label(robot, StatusBarView.PENDING_ID).startsWith("1"));
        assertThat(stage(card.id())).as("the server has not heard of it").isEqualTo("new");
        server.restart();
        waitFor("the server's stage", () -> "screening".equals(stage(card.id())));
        waitFor("still in screening after the pull", () -> inLane("screening", card.id()));
    }

    @Test
    void theDetailExplainsTheScoreAndShowsTheTimelineVerifies() {
        Card flagged = fx(() -> PipelinesViewModel.LANES.stream()
                .flatMap(l -> vm().lane(l).stream())
                .filter(Card::mustHaveFailed)
                .findFirst()
                .orElseThrow());

        robot.interact(() -> vm().selectedProperty().set(flagged.id()));

        waitFor("the score", () -> label(robot, PipelinesView.SCORE_ID).startsWith("Score "));
        assertThat(label(robot, "prescreen-must-have")).startsWith("Must-have failed: ps_");
        assertThat(label(robot, PipelinesView.CHAIN_ID)).startsWith("✔ The timeline verifies: ");
    }
}
