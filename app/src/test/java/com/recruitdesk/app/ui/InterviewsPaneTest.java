package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.interviews.InterviewsPane;
import com.recruitdesk.app.interviews.InterviewsView;
import com.recruitdesk.app.interviews.InterviewsViewModel;
import com.recruitdesk.app.interviews.ScorecardViewModel;
import com.recruitdesk.app.interviews.data.Directory;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
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
 * The Interviews pane in the real window (headless, Monocle) against the real server with the demo
 * data: a scorecard typed offline survives the app being killed and arrives when the network is back,
 * a second submit is refused with a sentence and the draft kept, an amendment sits beside the
 * original, and a recruiter is warned of a clash before scheduling.
 */
@Tag("ui")
class InterviewsPaneTest {
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
    void serverUp() {
        server.restart();
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    private static SyncSettings fastSync() {
        return new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 500);
    }

    /** The app on {@link #home}, signed in as {@code email} (or with the session it kept), showing the Interviews pane. */
    private InterviewsViewModel launch(String email) throws Exception {
        AppConfig config = new AppConfig(
                home, Optional.of(new AppConfig.AutoSignIn(server.url(), email, Demo.PASSWORD)), fastSync());
        app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));
        waitFor(
                "the main window",
                () -> robot.lookup("#" + MainView.ID).tryQuery().isPresent());
        waitFor("the Interviews pane", () -> app.pane(InterviewsPane.class).isPresent());
        robot.interact(() -> ((ToggleButton) robot.lookup("#" + InterviewsPane.FACTORY.navigationId())
                        .query())
                .setSelected(true));
        return app.pane(InterviewsPane.class).orElseThrow().viewModel();
    }

    /** A completed interview yesterday of a demo application, led by the demo interviewer alone. */
    private static UUID completedInterview(boolean withScorecard) {
        UUID id = UUID.randomUUID();
        server.execute("""
                insert into interview_sessions (id, organization_id, candidate_id, job_id, application_id, interview_type,
                    interview_mode, scheduled_at, duration_minutes, timezone, status, started_at, ended_at, actual_duration_minutes)
                select ?, a.organization_id, a.candidate_id, a.job_id, a.id, 'behavioral', 'phone',
                       now() - interval '1 day', 30, 'Africa/Johannesburg', 'completed',
                       now() - interval '1 day', now() - interval '1 day' + interval '32 minutes', 32
                  from applications a where a.stage = 'screening' order by a.id limit 1
                """, id);
        server.execute(
                "insert into interview_participants (organization_id, interview_session_id, user_id, participant_role)"
                        + " select organization_id, ?, (select id from users where email = ?), 'lead'"
                        + " from interview_sessions where id = ?",
                id,
                Demo.INTERVIEWER,
                id);
        if (withScorecard) {
            server.execute(
                    "insert into interview_feedback (organization_id, interview_session_id, interviewer_user_id,"
                            + " interviewer_name, overall_rating, recommendation, strengths, is_final, submitted_at)"
                            + " select organization_id, ?, (select id from users where email = ?), 'Ivy Interviewer', 4,"
                            + " 'hire', 'Listens well', true, now() - interval '20 hours' from interview_sessions where id = ?",
                    id,
                    Demo.INTERVIEWER,
                    id);
        }
        return id;
    }

    @Test
    void aScorecardTypedOfflineSurvivesAKillIsSubmittedOfflineAndArrivesOnReconnect() throws Exception {
        // The demo's panel where the two others have scored and the interviewer has not.
        UUID interview = UUID.fromString(server.text("""
                select s.id from interview_sessions s where s.status = 'completed' and s.feedback_submitted_count = 2
                   and exists (select 1 from interview_participants p join users u on u.id = p.user_id
                                where p.interview_session_id = s.id and u.email = ?)
                   and not exists (select 1 from interview_feedback f join users u on u.id = f.interviewer_user_id
                                    where f.interview_session_id = s.id and u.email = ?)
                 limit 1""", Demo.INTERVIEWER, Demo.INTERVIEWER));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow"));
        for (String p :
                List.of("testfx.robot", "testfx.headless", "prism.order", "glass.platform", "monocle.platform")) {
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                DraftingInterviewer.class.getName(),
                home.toString(),
                server.url(),
                Demo.INTERVIEWER,
                Demo.PASSWORD));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(until(out, "online")).as("the child app came online").isTrue();
            server.stop();
            in.write(interview + "\n");
            in.flush();
            assertThat(until(out, "typed")).as("the child typed its draft").isTrue();
            child.destroyForcibly(); // SIGKILL mid-draft: nothing closed, nothing flushed
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        // Started again on the same computer, still offline: the draft is there as it was typed.
        InterviewsViewModel vm = launch(Demo.INTERVIEWER);
        waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
        waitFor("the interview in the week", () -> fx(() -> vm.agenda().select(interview)));
        waitFor(
                "the draft in the scorecard",
                () -> fx(() -> DraftingInterviewer.STRENGTHS.equals(((TextArea)
                                robot.lookup("#" + InterviewsView.STRENGTHS_ID).query())
                        .getText())));
        assertThat(fx(() ->
                        ((TextArea) robot.lookup("#" + InterviewsView.NOTES_ID).query()).getText()))
                .isEqualTo(DraftingInterviewer.NOTES);
        assertThat(robot.lookup("#" + InterviewsView.SEALED_ID).tryQuery())
                .as("still sealed")
                .isPresent();

        click("rating-overall-4");
        click("recommend-hire");
        click(InterviewsView.SUBMIT_ID);
        waitFor(
                "submitted on this computer",
                () -> fx(() -> vm.scorecard().modeProperty().get() == ScorecardViewModel.Mode.WAITING));
        assertThat(label(robot, InterviewsView.SCORECARD_STATE_ID)).startsWith("Submitted on this computer");
        assertThat(server.count("select count(*) from interview_feedback f join users u on u.id = f.interviewer_user_id"
                        + " where u.email = 'interviewer@demo.test' and f.interview_session_id = '" + interview + "'"))
                .isZero();

        server.restart();
        waitFor(
                "the scorecard on the server",
                () -> server.count(
                                "select count(*) from interview_feedback f join users u on u.id = f.interviewer_user_id"
                                        + " where u.email = 'interviewer@demo.test' and f.is_final and f.recommendation = 'hire'"
                                        + " and f.overall_rating = 4 and f.interview_session_id = '" + interview + "'"
                                        + " and f.detailed_notes = '" + DraftingInterviewer.NOTES + "'")
                        == 1);
        waitFor(
                "the scorecard submitted, the others unsealed",
                () -> fx(() -> vm.scorecard().modeProperty().get() == ScorecardViewModel.Mode.SUBMITTED
                        && robot.lookup("#" + InterviewsView.SEALED_ID)
                                .tryQuery()
                                .isEmpty()
                        && vm.kit().kitProperty().get().others().size() == 2));
    }

    @Test
    void aSecondSubmitIsRefusedWithASentenceAndTheDraftIsKept() throws Exception {
        UUID interview = completedInterview(false);
        InterviewsViewModel vm = launch(Demo.INTERVIEWER);
        waitFor("online", () -> "Online".equals(label(robot, StatusBarView.STATE_ID)));
        waitFor("the interview in the week", () -> fx(() -> vm.agenda().select(interview)));
        waitFor(
                "its scorecard",
                () -> fx(() -> vm.scorecard().modeProperty().get() == ScorecardViewModel.Mode.EDITING));
        server.stop();
        click(InterviewsView.STRENGTHS_ID);
        robot.write("Warm with customers");
        click("rating-overall-3");
        click("recommend-maybe");
        click(InterviewsView.SUBMIT_ID);
        waitFor("queued", () -> fx(() -> vm.scorecard().modeProperty().get() == ScorecardViewModel.Mode.WAITING));

        // Meanwhile the scorecard came in from the interviewer's other computer.
        server.execute(
                "insert into interview_feedback (organization_id, interview_session_id, interviewer_user_id, interviewer_name,"
                        + " overall_rating, recommendation, is_final, submitted_at)"
                        + " select organization_id, ?, (select id from users where email = ?), 'Ivy Interviewer', 4, 'hire',"
                        + " true, now() from interview_sessions where id = ?",
                interview,
                Demo.INTERVIEWER,
                interview);
        server.restart();

        waitFor(
                "the refusal",
                () -> label(robot, InterviewsView.NOTICE_ID)
                        .startsWith("Your scorecard was not submitted: You submitted"
                                + " your scorecard for this interview on "));
        assertThat(label(robot, InterviewsView.NOTICE_ID))
                .contains("it cannot be submitted again. Add an amendment to change it.")
                .endsWith("Your draft is kept on this computer.");
        waitFor(
                "the server's scorecard, and the draft beside it",
                () -> fx(() -> vm.scorecard().modeProperty().get() == ScorecardViewModel.Mode.SUBMITTED)
                        && label(robot, InterviewsView.KEPT_DRAFT_ID).contains("strengths: Warm with customers"));
        assertThat(server.count("select count(*) from interview_feedback where interview_session_id = '" + interview
                        + "' and recommendation = 'hire'"))
                .isEqualTo(1);
    }

    @Test
    void anAmendmentIsShownBesideTheOriginalWhichStaysAsSubmitted() throws Exception {
        UUID interview = completedInterview(true);
        InterviewsViewModel vm = launch(Demo.INTERVIEWER);
        waitFor("the scored interview in the week", () -> fx(() -> vm.agenda().select(interview)));
        waitFor(
                "the submitted scorecard",
                () -> fx(() -> vm.scorecard().modeProperty().get() == ScorecardViewModel.Mode.SUBMITTED));

        click(InterviewsView.AMEND_VALUE_ID);
        robot.write("strong_hire");
        click(InterviewsView.AMEND_REASON_ID);
        robot.write("Both references were excellent");
        click(InterviewsView.AMEND_ID);

        waitFor(
                "the amendment on the server",
                () -> server.count(
                                "select count(*) from interview_feedback_amendments a join interview_feedback f on f.id ="
                                        + " a.feedback_id where f.interview_session_id = '" + interview + "'"
                                        + " and a.changes -> 'recommendation' ->> 'to' = 'strong_hire'")
                        == 1);
        waitFor(
                "the amendment beside the original",
                () -> fx(() -> robot
                        .lookup("#" + InterviewsView.AMENDMENTS_ID)
                        .queryAs(javafx.scene.layout.VBox.class)
                        .getChildren()
                        .stream()
                        .anyMatch(card -> ((javafx.scene.layout.VBox) card)
                                .getChildren().stream()
                                        .anyMatch(n -> n instanceof javafx.scene.control.Label l
                                                && l.getText().equals("Recommendation: Hire  →  Strong hire")))));
        assertThat(fx(() -> ((ToggleButton) robot.lookup("#recommend-hire").query()).isSelected()))
                .as("the original still says hire")
                .isTrue();
        assertThat(server.count("select count(*) from interview_feedback where interview_session_id = '" + interview
                        + "' and recommendation = 'hire'"))
                .isEqualTo(1);
    }

    @Test
    void aRecruiterIsWarnedOfAClashBeforeSavingAndThenSchedules() throws Exception {
        InterviewsViewModel vm = launch(Demo.RECRUITER);
        waitFor(
                "the schedule",
                () -> fx(() -> vm.scheduler().upcoming().stream()
                                .anyMatch(i -> i.status().equals("scheduled")
                                        && i.scheduledAt().isAfter(Instant.now()))
                        && vm.scheduler().openings().size() > 2));
        var busy = fx(() -> vm.scheduler().upcoming().stream()
                .filter(i -> i.status().equals("scheduled") && i.scheduledAt().isAfter(Instant.now()))
                .findFirst()
                .orElseThrow());
        ZoneId zone = ZoneId.of(busy.timezone());
        Directory.Opening other = fx(() -> vm.scheduler().openings().stream()
                .filter(o -> !o.candidateId().equals(busy.candidateId()))
                .findFirst()
                .orElseThrow());
        long before = server.count(
                "select count(*) from interview_sessions where application_id = '" + other.applicationId() + "'");
        robot.interact(() -> {
            vm.scheduler().newInterview();
            vm.scheduler().openingProperty().set(other);
            vm.scheduler().timezoneProperty().set(zone.getId());
            vm.scheduler().dateProperty().set(LocalDate.ofInstant(busy.scheduledAt(), zone));
            vm.scheduler()
                    .leadProperty()
                    .set(vm.scheduler().colleagues().stream()
                            .filter(c -> c.id().equals(busy.lead().userId()))
                            .findFirst()
                            .orElseThrow());
        });
        String clashing = DateTimeFormatter.ofPattern("HH:mm")
                .format(busy.scheduledAt().plus(Duration.ofMinutes(10)).atZone(zone));
        robot.clickOn("#" + InterviewsView.SCHEDULE_TIME_ID)
                .press(KeyCode.CONTROL)
                .press(KeyCode.A)
                .release(KeyCode.A)
                .release(KeyCode.CONTROL)
                .write(clashing);

        waitFor(
                "the clash warning",
                () -> robot.lookup("#" + InterviewsView.CLASH_ID)
                        .tryQuery()
                        .map(n -> n.isVisible())
                        .orElse(false));
        assertThat(fx(() -> vm.scheduler().clashProperty().get()))
                .startsWith("Clash: " + busy.lead().name() + " has a " + busy.type() + " interview with "
                        + busy.candidateName());
        assertThat(server.count("select count(*) from interview_sessions where application_id = '"
                        + other.applicationId() + "'"))
                .as("nothing saved yet")
                .isEqualTo(before);

        click(InterviewsView.SCHEDULE_SAVE_ID);

        waitFor("scheduled", () -> label(robot, InterviewsView.SCHEDULE_DONE_ID).startsWith("Scheduled."));
        waitFor(
                "the server's answer",
                () -> server.count("select count(*) from applied_mutations where name = 'interview.schedule'") > 0);
        assertThat(server.text(
                        "select coalesce(message, status) from applied_mutations where name = 'interview.schedule'"
                                + " order by applied_at desc limit 1"))
                .isEqualTo("applied");
        waitFor(
                "the interview on the server, in the activity log",
                () -> server.count("select count(*) from interview_sessions where application_id = '"
                                        + other.applicationId() + "'")
                                == before + 1
                        && server.count(
                                        "select count(*) from interview_sessions s join activity_logs l on l.entity_id = s.id"
                                                + " and l.action_type = 'interview.schedule' where s.application_id = '"
                                                + other.applicationId() + "'")
                                == 1);
    }

    @Test
    void keysMoveThroughTheWeekFocusTheScorecardWithoutTypingTheirLetterAndOpenTheBell() throws Exception {
        InterviewsViewModel vm = launch(Demo.INTERVIEWER);
        waitFor(
                "the week",
                () -> fx(() -> vm.agenda().entries().stream()
                                .filter(com.recruitdesk.app.interviews.AgendaEntry.Entry.class::isInstance)
                                .count()
                        > 2));
        List<UUID> week = fx(() -> vm.agenda().entries().stream()
                .filter(com.recruitdesk.app.interviews.AgendaEntry.Entry.class::isInstance)
                .map(e -> ((com.recruitdesk.app.interviews.AgendaEntry.Entry) e)
                        .interview()
                        .id())
                .toList());
        robot.interact(() -> {
            vm.agenda().select(week.get(0));
            robot.lookup("#" + InterviewsView.AGENDA_ID).query().requestFocus();
        });
        robot.type(KeyCode.J);
        waitFor("J: the next interview", () -> fx(() -> selected(vm).equals(week.get(1))));
        robot.type(KeyCode.K);
        waitFor("K: back to the first", () -> fx(() -> selected(vm).equals(week.get(0))));
        waitFor(
                "its scorecard",
                () -> fx(() -> vm.scorecard().modeProperty().get() == ScorecardViewModel.Mode.EDITING));

        robot.type(KeyCode.S);
        TextArea strengths = robot.lookup("#" + InterviewsView.STRENGTHS_ID).queryAs(TextArea.class);
        waitFor("S: the scorecard's first field has the focus", () -> fx(strengths::isFocused));
        robot.write("jks");
        waitFor(
                "the letters typed into the field, not taken as keys",
                () -> fx(() -> "jks".equals(strengths.getText())));
        assertThat(fx(() -> selected(vm)))
                .as("J and K typed in a field move nothing")
                .isEqualTo(week.get(0));

        robot.interact(
                () -> robot.lookup("#" + InterviewsView.AGENDA_ID).query().requestFocus());
        robot.type(KeyCode.B);
        waitFor(
                "B: the bell open",
                () -> robot.lookup("#" + InterviewsView.BELL_LIST_ID)
                        .tryQuery()
                        .map(javafx.scene.Node::isVisible)
                        .orElse(false));
        robot.type(KeyCode.ESCAPE);
        waitFor("Esc: the bell closed", () -> fx(() -> !vm.bell().openProperty().get()));

        long unread = server.count("select count(*) from notifications n join users u on u.id = n.user_id"
                + " where u.email = 'interviewer@demo.test' and not n.is_read");
        assertThat(unread).as("the demo interviewer has unread notifications").isPositive();
        waitFor(
                "the bell counts them",
                () -> label(robot, InterviewsView.BELL_COUNT_ID).equals(String.valueOf(unread)));
        click(InterviewsView.BELL_ID);
        robot.clickOn("Mark all read");
        waitFor(
                "all read on the server",
                () -> server.count("select count(*) from notifications n join users u on u.id = n.user_id"
                                + " where u.email = 'interviewer@demo.test' and not n.is_read")
                        == 0);
        waitFor("the count gone", () -> fx(() -> vm.bell().unreadProperty().get() == 0));
    }

    private static UUID selected(InterviewsViewModel vm) {
        var s = vm.agenda().selectedProperty().get();
        return s == null ? null : s.id();
    }

    /** Clicks the node {@code id}, scrolling its scroll pane first so it is in view. */
    private void click(String id) {
        robot.interact(() -> {
            javafx.scene.Node node = robot.lookup("#" + id).query();
            for (javafx.scene.Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane scroll) {
                    javafx.scene.Node content = scroll.getContent();
                    double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()))
                            .getMinY();
                    double room = content.getBoundsInLocal().getHeight()
                            - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
                    break;
                }
            }
        });
        robot.clickOn("#" + id);
    }

    /** Reads the child's output until {@code line}; false if it ended first. */
    private static boolean until(BufferedReader out, String line) throws java.io.IOException {
        String l;
        while ((l = out.readLine()) != null) {
            if (l.equals(line)) {
                return true;
            }
        }
        return false;
    }
}
