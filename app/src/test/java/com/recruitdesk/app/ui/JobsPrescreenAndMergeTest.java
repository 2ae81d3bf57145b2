package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.pipelines.PipelinesView;
import com.recruitdesk.app.pipelines.PipelinesViewModel;
import com.recruitdesk.app.pipelines.PrescreenEditor;
import com.recruitdesk.app.pipelines.data.JobItem;
import com.recruitdesk.app.pipelines.data.PrescreenQuestions;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.CuttableLink;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
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
 * A job's prescreen questions and merges of job edits in the real window against the real server
 * with the demo data: a question added, refused while something is wrong (nothing queued), saved,
 * taken back with its sentence when the server refuses it, and removed; a job edit a colleague
 * overlapped merged field by field. The tests share the server; each uses its own job.
 */
@Tag("ui")
class JobsPrescreenAndMergeTest {
    private static LiveServer server;
    private static CuttableLink link;

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private RecruitDeskApp app;

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = LiveServer.start();
        link = CuttableLink.to(server.port());
    }

    @AfterAll
    static void stopServer() {
        link.close();
        server.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        link.mend();
        AppConfig config = new AppConfig(
                home,
                Optional.of(new AppConfig.AutoSignIn(link.url(), Demo.RECRUITER, Demo.PASSWORD)),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 500));
        app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));
        waitFor(
                "the main window",
                () -> robot.lookup("#" + MainView.ID).tryQuery().isPresent());
        waitFor("online", () -> "Online".equals(label(robot, StatusBarView.STATE_ID)));
        robot.clickOn("#" + PipelinesPane.FACTORY.navigationId());
        waitFor("the jobs", () -> fx(() -> vm().jobs().size() >= 4));
    }

    @AfterEach
    void stopApp() throws Exception {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .forEach(Window::hide));
        FxToolkit.cleanupApplication(app);
    }

    private PipelinesViewModel vm() {
        return app.pane(PipelinesPane.class).orElseThrow().viewModel();
    }

    /** Chooses the job whose title starts with {@code title} and opens its prescreen questions. */
    private JobItem openEditorOf(String title) {
        JobItem job = fx(() -> vm().jobs().stream()
                .filter(j -> j.title().startsWith(title))
                .findFirst()
                .orElseThrow());
        robot.interact(() -> vm().jobProperty().set(job));
        robot.clickOn("#" + PipelinesView.PRESCREEN_ID);
        waitFor(
                "the editor with the job's questions",
                () -> robot.lookup("#" + PrescreenEditor.ID).tryQuery().isPresent()
                        && !questions().isEmpty());
        return job;
    }

    private List<PrescreenQuestions.Row> questions() {
        return fx(() -> List.copyOf(
                app.pane(PipelinesPane.class).orElseThrow().prescreen().questions()));
    }

    private boolean listed(String qid) {
        return questions().stream().anyMatch(r -> r.question().qid().equals(qid));
    }

    private void type(String id, String text) {
        robot.clickOn("#" + id).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    private void chooseType(String type) {
        robot.clickOn("#" + PrescreenEditor.TYPE_ID);
        robot.clickOn(robot.lookup(".list-cell")
                .match(n -> n instanceof ListCell<?> c && type.equals(c.getText()))
                .<Node>query());
    }

    private String problems() {
        return label(robot, PrescreenEditor.PROBLEMS_ID);
    }

    /** Save is pressed with something wrong: the sentence shows and nothing is queued or sent. */
    private void refusedWith(String sentence, String qid) {
        robot.clickOn("#" + PrescreenEditor.SAVE_ID);
        waitFor("the problem named: " + sentence, () -> problems().contains(sentence), () -> ", saw: " + problems());
        assertThat(label(robot, StatusBarView.PENDING_ID)).as("nothing queued").isEqualTo("Nothing pending");
        assertThat(server.count("select count(*) from prescreen_questions where qid = '" + qid + "'"))
                .as("nothing sent")
                .isZero();
    }

    private List<String> qids() {
        return questions().stream().map(r -> r.question().qid()).toList();
    }

    private List<String> serverOrder(JobItem job) {
        return List.of(server.text(
                        "select string_agg(qid, ',' order by sort_order, created_at) from prescreen_questions"
                                + " where job_id = ?",
                        job.id())
                .split(","));
    }

    private static List<String> swapped(List<String> qids, int a, int b) {
        List<String> l = new java.util.ArrayList<>(qids);
        java.util.Collections.swap(l, a, b);
        return l;
    }

    @Test
    void aQuestionMovesEarlierWithAltUpAndLaterWithItsArrowAndTheServerKeepsTheOrder() {
        JobItem job = openEditorOf("Runway");
        List<String> before = qids();
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);
        assertThat(serverOrder(job)).isEqualTo(before);
        String second = before.get(1);
        robot.clickOn(robot.lookup("#" + PrescreenEditor.LIST_ID + " .list-cell")
                .match(n -> n instanceof ListCell<?> c
                        && c.getItem() instanceof PrescreenQuestions.Row r
                        && r.question().qid().equals(second))
                .<Node>query());
        waitFor(
                "the question in the form",
                () -> second.equals(fx(() -> robot.lookup("#" + PrescreenEditor.QID_ID)
                        .queryAs(javafx.scene.control.TextInputControl.class)
                        .getText())));

        robot.push(KeyCode.ALT, KeyCode.UP);

        List<String> moved = swapped(before, 0, 1);
        waitFor("asked first at once", () -> qids().equals(moved), () -> ", saw " + qids());
        waitFor("the order on the server", () -> serverOrder(job).equals(moved), () -> ", saw " + serverOrder(job));
        assertThat(fx(() -> robot.lookup("#" + PrescreenEditor.LIST_ID)
                        .queryListView()
                        .getSelectionModel()
                        .getSelectedIndex()))
                .as("the moved question stays chosen")
                .isZero();
        assertThat(fx(() -> robot.lookup("#" + PrescreenEditor.UP_ID).query().isDisabled()))
                .as("the first question cannot move earlier")
                .isTrue();

        robot.clickOn("#" + PrescreenEditor.DOWN_ID);

        waitFor("back in its place", () -> qids().equals(before), () -> ", saw " + qids());
        waitFor("and on the server", () -> serverOrder(job).equals(before), () -> ", saw " + serverOrder(job));
        waitFor("sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
    }

    @Test
    void aChoiceQuestionWithAMustHaveIsRefusedWhileWrongThenSavedAndRemoved() {
        JobItem job = openEditorOf("Runway");
        String taken = questions().getFirst().question().qid();
        robot.clickOn("#" + PrescreenEditor.ADD_ID);
        type(PrescreenEditor.QID_ID, "ps_heels");
        type(PrescreenEditor.TEXT_ID, "Can you walk in 12 cm heels?");
        robot.push(KeyCode.TAB);
        assertThat(fx(() -> robot.lookup("#" + PrescreenEditor.TYPE_ID).query().isFocused()))
                .as("Tab leaves the question for the type, typing no tab")
                .isTrue();
        assertThat(fx(() -> robot.lookup("#" + PrescreenEditor.TEXT_ID)
                        .queryAs(javafx.scene.control.TextInputControl.class)
                        .getText()))
                .isEqualTo("Can you walk in 12 cm heels?");
        chooseType("choice");
        robot.clickOn("#" + PrescreenEditor.MUST_HAVE_ID);
        type(PrescreenEditor.CHOICES_ID, "Yes\nNo");
        type(PrescreenEditor.RULE_ID, "{\"accept\": [\"Yes\"]}");

        type(PrescreenEditor.WEIGHT_ID, "0");
        refusedWith("A question's weight is from 1 to 100.", "ps_heels");
        type(PrescreenEditor.WEIGHT_ID, "150");
        refusedWith("A question's weight is from 1 to 100.", "ps_heels");
        type(PrescreenEditor.WEIGHT_ID, "25");
        type(PrescreenEditor.QID_ID, "");
        refusedWith("The question id is empty", "ps_heels");
        type(PrescreenEditor.QID_ID, taken);
        refusedWith("The job has a question " + taken + " already.", "ps_heels");
        type(PrescreenEditor.QID_ID, "ps_heels");
        type(PrescreenEditor.CHOICES_ID, "");
        refusedWith("A choice question needs its choices.", "ps_heels");
        assertThat(fx(() ->
                        robot.lookup("#" + PrescreenEditor.CHOICES_ID).query().isDisabled()))
                .as("choices are for choice types")
                .isFalse();
        type(PrescreenEditor.CHOICES_ID, "Yes\nNo");

        robot.clickOn("#" + PrescreenEditor.SAVE_ID);

        assertThat(problems()).isEmpty();
        waitFor("listed at once", () -> listed("ps_heels"));
        waitFor(
                "the question on the server, as typed",
                () -> server.count("select count(*) from prescreen_questions where job_id = '" + job.id()
                                + "' and qid = 'ps_heels' and question_type = 'choice' and must_have and required"
                                + " and weight = 25 and choices = '[\"Yes\", \"No\"]'::jsonb"
                                + " and validation_rule = '{\"accept\": [\"Yes\"]}'::jsonb")
                        == 1);
        long total = server.count("select sum(weight) from prescreen_questions where job_id = '" + job.id() + "'");
        waitFor(
                "the weights' sum and what full marks need",
                () -> label(robot, PrescreenEditor.SUMMARY_ID).startsWith("Weights add up to " + total + ".")
                        && label(robot, PrescreenEditor.SUMMARY_ID).contains("ps_heels: one of Yes"));

        chooseType("number");
        assertThat(fx(() ->
                        robot.lookup("#" + PrescreenEditor.CHOICES_ID).query().isDisabled()))
                .as("a number has no choices")
                .isTrue();
        chooseType("choice");
        robot.clickOn(robot.lookup("#" + PrescreenEditor.DELETE_ID).<Node>query());
        robot.clickOn("Remove");

        waitFor("gone at once", () -> !listed("ps_heels"));
        waitFor(
                "gone from the server",
                () -> server.count("select count(*) from prescreen_questions where qid = 'ps_heels'") == 0);
    }

    @Test
    void aQuestionTheServerRefusesIsTakenBackWithTheTypesSentence() throws Exception {
        JobItem job = openEditorOf("Customer");
        try (SecondClient colleague = SecondClient.signIn(server, "manager@demo.test", home.resolve("colleague"))) {
            link.cut();
            waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
            robot.clickOn("#" + PrescreenEditor.ADD_ID);
            type(PrescreenEditor.QID_ID, "ps_headset");
            type(PrescreenEditor.TEXT_ID, "Do you have your own headset?");
            type(PrescreenEditor.WEIGHT_ID, "10");
            robot.clickOn("#" + PrescreenEditor.SAVE_ID);
            waitFor("listed at once, offline", () -> listed("ps_headset"));
            colleague.submit(
                    PipelineMutations.SAVE_PRESCREEN_QUESTION,
                    new PipelineMutations.SavePrescreenQuestion(
                            UUID.randomUUID(),
                            job.id(),
                            "ps_headset",
                            "Headset of your own?",
                            "text",
                            true,
                            false,
                            5,
                            null,
                            List.of(),
                            99));
            waitFor(
                    "the colleague's question on the server",
                    () -> server.count("select count(*) from prescreen_questions where qid = 'ps_headset'") == 1);

            link.mend();

            waitFor(
                    "the refusal said in the editor",
                    () -> label(robot, PrescreenEditor.REFUSED_ID)
                            .equals("The prescreen question was not saved: The job has a question ps_headset"
                                    + " already."));
            waitFor(
                    "mine taken back, the colleague's shown",
                    () -> questions().stream()
                            .filter(r -> r.question().qid().equals("ps_headset"))
                            .map(r -> r.question().text())
                            .toList()
                            .equals(List.of("Headset of your own?")));
        }
    }

    @Test
    void aJobEditAColleagueOverlappedIsMergedFieldByFieldAndTheChosenValuesReachTheServer() throws Exception {
        JobItem job = fx(() -> vm().jobs().stream()
                .filter(j -> j.title().startsWith("Junior Java"))
                .findFirst()
                .orElseThrow());
        robot.interact(() -> vm().jobProperty().set(job));
        try (SecondClient colleague = SecondClient.signIn(server, "manager@demo.test", home.resolve("colleague"))) {
            link.cut();
            waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
            robot.clickOn("#" + PipelinesView.EDIT_JOB_ID);
            waitFor(
                    "the editor",
                    () -> robot.lookup("#" + PipelinesView.JOB_EDITOR_ID)
                            .tryQuery()
                            .isPresent());
            type(PipelinesView.jobFieldId("department"), "Platform team");
            type(PipelinesView.jobFieldId("industry"), "Fintech");
            robot.clickOn("#job-editor-save");
            waitFor(
                    "my edit waiting",
                    () -> label(robot, StatusBarView.PENDING_ID).startsWith("1"));
            colleague.submit(
                    PipelineMutations.SAVE_JOB,
                    new PipelineMutations.SaveJob(
                            job.id(),
                            colleague.version(Entities.JOB, job.id()),
                            JsonNodeFactory.instance
                                    .objectNode()
                                    .put("department", "Payments team")
                                    .put("functionalArea", "Backend")));
            waitFor(
                    "the colleague's edit on the server",
                    () -> "Payments team".equals(server.text("select department from jobs where id = ?", job.id())));

            link.mend();

            waitFor(
                    "the merge offered",
                    () -> robot.lookup("#" + PipelinesView.MERGE_ID).tryQuery().isPresent());
            String header = fx(() -> ((DialogPane) robot.lookup("#" + PipelinesView.MERGE_ID)
                            .query()
                            .getScene()
                            .getRoot())
                    .getHeaderText());
            assertThat(header).startsWith("Someone else changed the job Junior Java Developer since you started.");
            assertThat(fx(() -> robot.lookup("#" + PipelinesView.mergeMineId("department"))
                            .queryAs(RadioButton.class)
                            .getText()))
                    .isEqualTo("Platform team");
            assertThat(fx(() -> robot.lookup("#" + PipelinesView.mergeTheirsId("department"))
                            .queryAs(RadioButton.class)
                            .getText()))
                    .startsWith("Payments team\nMorgan Manager");
            assertThat(robot.lookup("#" + PipelinesView.mergeMineId("industry")).tryQuery())
                    .as("only the field both changed is disputed")
                    .isEmpty();
            robot.clickOn("#" + PipelinesView.mergeMineId("department"));
            robot.clickOn("#" + PipelinesView.MERGE_SAVE_ID);

            waitFor(
                    "my department and industry on the server, and the colleague's functional area",
                    () -> server.count("select count(*) from jobs where id = '" + job.id()
                                    + "' and department = 'Platform team' and industry = 'Fintech'"
                                    + " and functional_area = 'Backend'")
                            == 1);
            assertThat(robot.lookup("#" + PipelinesView.MERGE_ID).tryQuery()).isEmpty();
            waitFor("sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
        }
    }
}
