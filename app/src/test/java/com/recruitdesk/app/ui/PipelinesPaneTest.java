package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.conversations.ConversationsPane;
import com.recruitdesk.app.conversations.ConversationsView;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.pipelines.PipelinesView;
import com.recruitdesk.app.pipelines.PipelinesViewModel;
import com.recruitdesk.app.pipelines.QueueViewModel;
import com.recruitdesk.app.pipelines.data.Actions;
import com.recruitdesk.app.pipelines.data.Card;
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
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
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
 * The Pipelines board in the real window (headless, Monocle) against the real server with the demo
 * data: cards moved from the keyboard and by drag and drop, online and offline, shown at once and
 * sent; the detail's prescreen explanation and its timeline's chain.
 */
@Tag("ui")
class PipelinesPaneTest {
    private static LiveServer server;
    private static CuttableLink link; // this window's cable, cut while a colleague works on

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
        server.restart();
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
        robot.interact(() -> vm().jobProperty()
                .set(vm().jobs().stream()
                        .filter(j -> j.title().startsWith("Runway"))
                        .findFirst()
                        .orElseThrow()));
        // The tests share the server's data (their moves stay): each takes a card where it finds one.
        waitFor(
                "the board",
                () -> fx(() -> OPEN_LANES.stream().anyMatch(l -> !vm().lane(l).isEmpty())));
    }

    @AfterEach
    void stopApp() throws Exception {
        // A dialog a failed test left open would cover the next test's window.
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .forEach(Window::hide));
        FxToolkit.cleanupApplication(app);
    }

    private PipelinesViewModel vm() {
        return app.pane(PipelinesPane.class).orElseThrow().viewModel();
    }

    private static final List<String> OPEN_LANES = List.of("new", "screening", "interview", "offer");

    /** The first card of the first of {@code lanes} that has one. */
    private Card firstIn(List<String> lanes) {
        return fx(() ->
                lanes.stream().flatMap(l -> vm().lane(l).stream()).findFirst().orElseThrow());
    }

    /** The card named {@code name} in {@code lane}, or null. */
    private Card named(String lane, String name) {
        return fx(() -> vm().lane(lane).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElse(null));
    }

    private static String nextLane(Card card) {
        return PipelinesViewModel.LANES.get(PipelinesViewModel.LANES.indexOf(card.stage()) + 1);
    }

    private boolean inLane(String lane, UUID id) {
        return fx(() -> vm().lane(lane).stream().anyMatch(c -> c.id().equals(id)));
    }

    private String stage(UUID id) {
        return server.text("select stage from applications where id = ?", id);
    }

    /**
     * The card's name on the board, scrolled into sight first: the board scrolls sideways, and a card
     * in a lane off to the right would take the click somewhere else.
     */
    private Node cardOnScreen(Card card) {
        Node name = robot.lookup(".card-name")
                .match(n -> n instanceof Label l && l.getText().equals(card.name()))
                .query();
        robot.interact(() -> {
            javafx.scene.control.ScrollPane board =
                    robot.lookup(".board-scroll").queryAs(javafx.scene.control.ScrollPane.class);
            Node lanes = board.getContent();
            double x = lanes.sceneToLocal(name.localToScene(name.getBoundsInLocal()))
                    .getMinX();
            double hidden = lanes.getLayoutBounds().getWidth()
                    - board.getViewportBounds().getWidth();
            if (hidden > 0) {
                board.setHvalue(Math.max(0, Math.min(1, (x - 8) / hidden)));
            }
        });
        return name;
    }

    @Test
    void ctrlRightMovesTheSelectedCardOneLaneOnAtOnceAndTheServerFollows() {
        Card card = firstIn(OPEN_LANES.subList(0, 3));
        String next = nextLane(card);
        robot.clickOn(cardOnScreen(card));

        robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);

        assertThat(inLane(next, card.id())).as("shown at once").isTrue();
        assertThat(inLane(card.stage(), card.id())).isFalse();
        waitFor("the server's stage", () -> next.equals(stage(card.id())));
        waitFor("sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
        assertThat(server.count("select count(*) from application_timeline where application_id = '" + card.id()
                        + "' and field = 'stage' and new_status = '" + next + "' and changed_by_user_id is not null"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCardDraggedToAnotherLaneMovesThere() {
        Card card = firstIn(List.of("new", "screening", "offer"));

        robot.drag(cardOnScreen(card)).dropTo("#" + PipelinesView.laneId("interview"));

        waitFor("the card in the interview lane", () -> inLane("interview", card.id()));
        waitFor("the server's stage", () -> "interview".equals(stage(card.id())));
    }

    @Test
    void aMoveMadeOfflineShowsAtOnceAndReachesTheServerOnReconnect() {
        Card card = firstIn(OPEN_LANES.subList(0, 3));
        String next = nextLane(card);
        server.stop();
        waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
        robot.clickOn(cardOnScreen(card));

        robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);

        waitFor("the card in the next lane while offline", () -> inLane(next, card.id()));
        waitFor(
                "one change waiting",
                () -> label(robot, StatusBarView.PENDING_ID).startsWith("1"));
        assertThat(stage(card.id())).as("the server has not heard of it").isEqualTo(card.stage());
        server.restart();
        waitFor("the server's stage", () -> next.equals(stage(card.id())));
        waitFor("still in the next lane after the pull", () -> inLane(next, card.id()));
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

    @Test
    void theJobEditorRefusesWhatIsWrongAndSavesANewJobAsADraft() {
        robot.clickOn("#" + PipelinesView.NEW_JOB_ID);
        waitFor(
                "the editor",
                () -> robot.lookup("#" + PipelinesView.JOB_EDITOR_ID).tryQuery().isPresent());
        robot.clickOn("#" + PipelinesView.jobFieldId("title")).write("Night shift welder");
        robot.clickOn("Place and pay");
        robot.clickOn("#" + PipelinesView.jobFieldId("minSalary")).write("5000");
        robot.clickOn("#" + PipelinesView.jobFieldId("maxSalary")).write("-3");

        waitFor(
                "the problems named",
                () -> label(robot, PipelinesView.JOB_EDITOR_PROBLEMS_ID)
                        .contains("The maximum salary cannot be negative."));
        robot.clickOn("#job-editor-save");
        assertThat(robot.lookup("#" + PipelinesView.JOB_EDITOR_ID).tryQuery())
                .as("the editor stays open while something is wrong")
                .isPresent();
        robot.clickOn("#" + PipelinesView.jobFieldId("maxSalary"))
                .push(KeyCode.CONTROL, KeyCode.A)
                .write("3000");
        waitFor(
                "the order of the salaries named",
                () -> label(robot, PipelinesView.JOB_EDITOR_PROBLEMS_ID)
                        .equals("The minimum salary is more than the maximum."));
        robot.clickOn("#" + PipelinesView.jobFieldId("maxSalary"))
                .push(KeyCode.CONTROL, KeyCode.A)
                .write("7000");
        waitFor(
                "nothing wrong",
                () -> label(robot, PipelinesView.JOB_EDITOR_PROBLEMS_ID).isEmpty());
        robot.clickOn("#job-editor-save");

        waitFor(
                "the editor closed",
                () -> robot.lookup("#" + PipelinesView.JOB_EDITOR_ID).tryQuery().isEmpty());
        waitFor("the new job chosen", () -> "Night shift welder".equals(label(robot, PipelinesView.JOB_TITLE_ID)));
        waitFor(
                "the job on the server",
                () -> server.count("select count(*) from jobs where title = 'Night shift welder' and status = 'draft'"
                                + " and min_salary = 5000 and max_salary = 7000 and slug = 'night-shift-welder'")
                        == 1);
    }

    @Test
    void anExportIsAskedForBuiltByTheServerAndShownReady() {
        String job = fx(() -> vm().jobProperty().get().id().toString());
        robot.clickOn("#" + PipelinesView.EXPORT_ID);
        robot.clickOn("#pipelines-export-excel");

        waitFor(
                "the export ready",
                () -> label(robot, PipelinesView.EXPORT_STATE_ID).equals("Excel with CVs: ready"));
        assertThat(server.count("select count(*) from export_jobs where job_id = '" + job
                        + "' and status = 'completed' and export_format = 'excel' and result_blob_id is not null"))
                .isGreaterThanOrEqualTo(1);
        assertThat(robot.lookup("#pipelines-export-open").queryButton().isVisible())
                .isTrue();
    }

    @Test
    void theActionQueueOpensAnItemsApplicationAndDismissesOne() {
        QueueViewModel queue = app.pane(PipelinesPane.class).orElseThrow().queue();
        // The item is found on screen by its title: take one no other item shares (the rules can make
        // several items of one title, e.g. for two applications), or the click may open another's.
        java.util.function.Supplier<Optional<Actions.Item>> uniquelyTitled = () -> fx(() -> queue.items().stream()
                .filter(i -> i.applicationId() != null)
                .filter(i -> queue.items().stream()
                                .filter(other -> other.title().equals(i.title()))
                                .count()
                        == 1)
                .findFirst());
        waitFor("items made by the server's rules", () -> uniquelyTitled.get().isPresent());
        Actions.Item item = uniquelyTitled.get().orElseThrow();
        robot.interact(() -> robot.lookup("#" + PipelinesView.ACTIONS_ID)
                .<javafx.scene.control.ListView<Actions.Item>>query()
                .scrollTo(item));

        robot.clickOn(robot.lookup(".action-title")
                .match(n -> n instanceof Label l && l.getText().equals(item.title()))
                .<Node>query());

        waitFor(
                "its application in the detail",
                () -> item.applicationId()
                        .equals(fx(() -> vm().selectedProperty().get())),
                () -> " (chosen: " + fx(() -> vm().selectedProperty().get()) + ", item: " + item + ")");
        robot.clickOn(robot.lookup(".action-title")
                .match(n -> n instanceof Label l && l.getText().equals(item.title()))
                .<Node>query()
                .getParent()
                .lookup(".dismiss"));
        assertThat(fx(() -> queue.items().contains(item))).as("gone at once").isFalse();
        waitFor(
                "dismissed on the server",
                () -> server.count("select count(*) from action_queue where is_dismissed and id = '" + item.id() + "'")
                        == 1);
    }

    @Test
    void openConversationInTheDetailShowsThePersonsThreadInConversations() {
        String[] found = server.text("select a.job_id || ' ' || a.id || ' ' || a.candidate_id from applications a"
                        + " where exists (select 1 from conversations c where c.candidate_id = a.candidate_id)"
                        + " order by a.id limit 1")
                .split(" ");
        UUID job = UUID.fromString(found[0]);
        UUID application = UUID.fromString(found[1]);
        UUID candidate = UUID.fromString(found[2]);
        robot.interact(() -> vm().open(job, application));
        waitFor(
                "its detail, with a conversation to open",
                () -> fx(() -> vm().shownProperty().get() != null
                        && vm().shownProperty()
                                .get()
                                .application()
                                .path("id")
                                .asText()
                                .equals(application.toString())
                        && !openConversation().isDisabled()));

        robot.clickOn(openConversation());

        waitFor(
                "the Conversations pane on the person's thread",
                () -> fx(() -> {
                    var shown = app.conversations()
                            .orElseThrow()
                            .thread()
                            .conversationProperty()
                            .get();
                    return shown != null
                            && shown.candidateId().equals(candidate)
                            && robot.lookup("#" + ConversationsPane.FACTORY.navigationId())
                                    .<ToggleButton>query()
                                    .isSelected()
                            && robot.lookup("#" + ConversationsView.ID)
                                    .tryQuery()
                                    .map(n -> n.getScene() != null && n.isVisible())
                                    .orElse(false);
                }));
        assertThat(server.text(
                        "select candidate_id::text from conversations where id = ?",
                        fx(() -> app.conversations()
                                .orElseThrow()
                                .thread()
                                .conversationProperty()
                                .get()
                                .conversationId())))
                .isEqualTo(candidate.toString());
    }

    @Test
    void openConversationIsDisabledAndSaysWhyForAPersonNobodyHasWrittenTo() {
        // Added to a job the other tests do not use, so their lanes stay as they expect.
        UUID job = fx(() -> vm().jobs().stream()
                .filter(j -> !j.title().startsWith("Runway"))
                .findFirst()
                .orElseThrow()
                .id());
        robot.interact(() -> vm().addPerson(job, "Quiet Newcomer", "+27825550177", null));
        waitFor(
                "the new person in the detail",
                () -> fx(() -> vm().shownProperty().get() != null
                        && "Quiet Newcomer"
                                .equals(vm().shownProperty()
                                        .get()
                                        .person()
                                        .path("fullName")
                                        .asText())));
        Button open = openConversation();
        assertThat(fx(open::isDisabled)).as("no conversation to open").isTrue();

        robot.moveTo(open.getParent());
        waitFor(
                "the tooltip saying why",
                () -> fx(() -> Window.getWindows().stream()
                        .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                        .map(w -> ((javafx.scene.control.Tooltip) w).getText())
                        .anyMatch(t -> t.contains("no conversation with this person"))));
    }

    @Test
    void anActionAboutAPersonOpensTheirConversation() {
        QueueViewModel queue = app.pane(PipelinesPane.class).orElseThrow().queue();
        waitFor(
                "an item about a person with a conversation",
                () -> fx(() -> queue.items().stream().anyMatch(queue::opensConversation)));
        Actions.Item item = fx(() -> queue.items().stream()
                .filter(queue::opensConversation)
                .findFirst()
                .orElseThrow());
        robot.interact(() -> robot.lookup("#" + PipelinesView.ACTIONS_ID)
                .<javafx.scene.control.ListView<Actions.Item>>query()
                .scrollTo(item));

        robot.clickOn(robot.lookup(".action-title")
                .match(n -> n instanceof Label l && l.getText().equals(item.title()))
                .<Node>query()
                .getParent()
                .lookup("." + PipelinesView.ACTION_CONVERSATION_CLASS));

        waitFor(
                "the Conversations pane on the person's thread",
                () -> fx(() -> {
                    var shown = app.conversations()
                            .orElseThrow()
                            .thread()
                            .conversationProperty()
                            .get();
                    return shown != null
                            && shown.candidateId().equals(item.candidateId())
                            && robot.lookup("#" + ConversationsPane.FACTORY.navigationId())
                                    .<ToggleButton>query()
                                    .isSelected();
                }));
    }

    private Button openConversation() {
        return robot.lookup("#" + PipelinesView.OPEN_CONVERSATION_ID).queryButton();
    }

    @Test
    void anEditAColleagueOverlappedIsMergedFieldByFieldAndTheChosenValuesReachTheServer() throws Exception {
        Card card = firstIn(OPEN_LANES);
        UUID id = card.id();
        boolean approvedBefore =
                "true".equals(server.text("select is_recruiter_approved::text from applications where id = ?", id));
        try (SecondClient colleague = SecondClient.signIn(server, "manager@demo.test", home.resolve("colleague"))) {
            robot.interact(() -> vm().selectedProperty().set(id));
            waitFor(
                    "the detail",
                    () -> robot.lookup("#" + PipelinesView.REMARKS_ID)
                            .tryQuery()
                            .isPresent());
            link.cut();
            waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));

            robot.clickOn("#" + PipelinesView.REMARKS_ID)
                    .push(KeyCode.CONTROL, KeyCode.A)
                    .write("Call back on Monday");
            robot.clickOn("#" + PipelinesView.APPROVED_ID);
            robot.clickOn("#" + PipelinesView.DETAIL_SAVE_ID);
            waitFor(
                    "my edit waiting",
                    () -> label(robot, StatusBarView.PENDING_ID).startsWith("1"));
            colleague.submit(
                    PipelineMutations.UPDATE_APPLICATION,
                    new PipelineMutations.UpdateApplication(
                            id,
                            colleague.version(Entities.APPLICATION, id),
                            JsonNodeFactory.instance.objectNode().put("followUpRemarks", "Prefers mornings")));
            waitFor(
                    "the colleague's edit on the server",
                    () -> "Prefers mornings"
                            .equals(server.text("select follow_up_remarks from applications where id = ?", id)));
            link.mend();

            waitFor(
                    "the merge offered",
                    () -> robot.lookup("#" + PipelinesView.MERGE_ID).tryQuery().isPresent());
            assertThat(fx(() -> robot.lookup("#" + PipelinesView.mergeMineId("followUpRemarks"))
                            .queryAs(javafx.scene.control.RadioButton.class)
                            .getText()))
                    .isEqualTo("Call back on Monday");
            assertThat(fx(() -> robot.lookup("#" + PipelinesView.mergeTheirsId("followUpRemarks"))
                            .queryAs(javafx.scene.control.RadioButton.class)
                            .getText()))
                    .startsWith("Prefers mornings\nMorgan Manager");
            assertThat(robot.lookup("#" + PipelinesView.mergeMineId("isRecruiterApproved"))
                            .tryQuery())
                    .as("only the field both changed is disputed")
                    .isEmpty();
            robot.clickOn("#" + PipelinesView.mergeMineId("followUpRemarks"));
            robot.clickOn("#" + PipelinesView.MERGE_SAVE_ID);

            waitFor(
                    "my value on the server, and the field nobody disputed with it",
                    () -> server.count("select count(*) from applications where id = '" + id
                                    + "' and follow_up_remarks = 'Call back on Monday' and is_recruiter_approved = "
                                    + !approvedBefore)
                            == 1);
            assertThat(robot.lookup("#" + PipelinesView.MERGE_ID).tryQuery()).isEmpty();
            waitFor("sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
        }
    }

    @Test
    void aMoveTheServerRefusesIsTakenBackOnTheBoardWithTheTypesSentence() throws Exception {
        Card card = firstIn(OPEN_LANES.subList(0, 3));
        String next = nextLane(card);
        try (SecondClient colleague = SecondClient.signIn(server, "manager@demo.test", home.resolve("colleague"))) {
            link.cut();
            waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
            robot.clickOn(cardOnScreen(card));
            robot.press(KeyCode.CONTROL)
                    .press(KeyCode.RIGHT)
                    .release(KeyCode.RIGHT)
                    .release(KeyCode.CONTROL);
            assertThat(inLane(next, card.id())).as("shown at once").isTrue();
            colleague.submit(
                    PipelineMutations.MOVE_APPLICATION,
                    new PipelineMutations.MoveApplication(
                            card.id(), "rejected", colleague.version(Entities.APPLICATION, card.id()), null));
            waitFor("the colleague's move on the server", () -> "rejected".equals(stage(card.id())));

            link.mend();

            waitFor(
                    "the reason",
                    () -> label(robot, PipelinesView.NOTICE_ID)
                            .startsWith("The move was undone: Someone else changed stage"));
            waitFor(
                    "the card back where the server has it",
                    () -> inLane("rejected", card.id()) && !inLane(next, card.id()));
            assertThat(stage(card.id())).isEqualTo("rejected");
        }
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.TableView<Card> table() {
        return robot.lookup("#" + PipelinesView.LIST_ID).queryAs(javafx.scene.control.TableView.class);
    }

    private void clickHeader(String title) {
        robot.clickOn(robot.lookup(".column-header")
                .match(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h
                        && h.getTableColumn() != null
                        && title.equals(h.getTableColumn().getText()))
                .<Node>query());
    }

    private Node rowOf(UUID id) {
        return robot.lookup(".table-row-cell")
                .match(n -> n instanceof javafx.scene.control.TableRow<?> r
                        && r.getItem() instanceof Card c
                        && c.id().equals(id))
                .query();
    }

    @Test
    void theListSortsByColumnAndRejectsSeveralChosenTogether() {
        robot.clickOn("#" + PipelinesView.SHOW_LIST_ID);
        waitFor(
                "the list",
                () -> fx(() -> table().isVisible() && !table().getItems().isEmpty()));

        clickHeader("Score");
        assertThat(fx(() -> table().getItems().stream().map(Card::score).toList()))
                .isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        clickHeader("Stage");
        List<Card> sorted = fx(() -> List.copyOf(table().getItems()));
        assertThat(sorted.stream()
                        .map(c -> PipelinesViewModel.LANES.indexOf(c.stage()))
                        .toList())
                .isSorted();

        List<Card> open = sorted.stream()
                .filter(c -> OPEN_LANES.contains(c.stage()))
                .limit(2)
                .toList();
        assertThat(open).hasSize(2);
        robot.clickOn(rowOf(open.get(0).id()));
        robot.press(KeyCode.CONTROL).clickOn(rowOf(open.get(1).id())).release(KeyCode.CONTROL);
        robot.clickOn("#" + PipelinesView.REJECT_CHOSEN_ID);

        assertThat(inLane("rejected", open.get(0).id())
                        && inLane("rejected", open.get(1).id()))
                .as("both rejected at once")
                .isTrue();
        waitFor(
                "both rejected on the server",
                () -> "rejected".equals(stage(open.get(0).id()))
                        && "rejected".equals(stage(open.get(1).id())));
    }

    /** The text of every field in the window, by id (or place): what a stray letter would change. */
    private List<String> fieldTexts() {
        return fx(() -> robot.lookup(n -> n instanceof javafx.scene.control.TextInputControl).queryAll().stream()
                .map(n -> n.getId() + "=" + ((javafx.scene.control.TextInputControl) n).getText())
                .toList());
    }

    @Test
    void rInTheListRejectsTheChosenRowWithoutTypingItsLetterAndInAFieldIsALetter() {
        robot.clickOn("#" + PipelinesView.SHOW_LIST_ID);
        waitFor(
                "the list",
                () -> fx(() -> table().isVisible() && !table().getItems().isEmpty()));
        Card card = fx(() -> table().getItems().stream()
                .filter(c -> OPEN_LANES.contains(c.stage()))
                .findFirst()
                .orElseThrow());
        robot.clickOn(rowOf(card.id()));
        waitFor(
                "its detail",
                () -> card.id().equals(fx(() -> vm().selectedProperty().get()))
                        && robot.lookup("#" + PipelinesView.REMARKS_ID)
                                .tryQuery()
                                .isPresent());
        List<String> before = fieldTexts();

        robot.type(KeyCode.R);

        assertThat(inLane("rejected", card.id())).as("rejected at once").isTrue();
        waitFor("rejected on the server", () -> "rejected".equals(stage(card.id())));
        assertThat(fieldTexts()).as("the letter typed nowhere").isEqualTo(before);

        robot.clickOn("#" + PipelinesView.REMARKS_ID).push(KeyCode.END).type(KeyCode.R);
        assertThat(fx(() -> robot.lookup("#" + PipelinesView.REMARKS_ID)
                        .queryAs(javafx.scene.control.TextInputControl.class)
                        .getText()))
                .as("in a field R is a letter")
                .endsWith("r");
    }

    @Test
    void cardsChosenInTwoLanesMoveTogetherFromTheMoveMenu() {
        // The tests share the server's data: this one adds its own two people, one moved a lane on.
        UUID job = fx(() -> vm().jobProperty().get().id());
        robot.interact(() -> {
            vm().addPerson(job, "Two Lanes First", "+27825550161", null);
            vm().addPerson(job, "Two Lanes Second", "+27825550162", null);
        });
        waitFor("both new", () -> named("new", "Two Lanes First") != null && named("new", "Two Lanes Second") != null);
        robot.interact(() -> vm().move(List.of(named("new", "Two Lanes Second").id()), "screening"));
        waitFor("one in screening", () -> named("screening", "Two Lanes Second") != null);
        Card first = named("new", "Two Lanes First");
        Card second = named("screening", "Two Lanes Second");
        robot.clickOn(cardOnScreen(first));
        robot.press(KeyCode.CONTROL).clickOn(cardOnScreen(second)).release(KeyCode.CONTROL);

        robot.clickOn("#" + PipelinesView.MOVE_CHOSEN_ID);
        robot.clickOn("#" + PipelinesView.moveChosenToId("offer"));

        assertThat(inLane("offer", first.id()) && inLane("offer", second.id()))
                .as("both in the offer lane at once")
                .isTrue();
        waitFor(
                "both moved on the server",
                () -> "offer".equals(stage(first.id())) && "offer".equals(stage(second.id())));
    }

    @Test
    void aPersonAddedOfflineFromThePaneShowsOnTheBoardAtOnceAndReachesTheServer() {
        UUID job = fx(() -> vm().jobProperty().get().id());
        link.cut();
        waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
        robot.clickOn("#" + PipelinesView.ADD_PERSON_ID);
        waitFor(
                "the form",
                () -> robot.lookup("#" + PipelinesView.ADD_PERSON_NAME_ID)
                        .tryQuery()
                        .isPresent());
        robot.clickOn("#" + PipelinesView.ADD_PERSON_NAME_ID).write("Lindiwe Mthembu");
        robot.clickOn("#" + PipelinesView.ADD_PERSON_PHONE_ID).write("082 555 0142");

        waitFor(
                "the number's form named",
                () -> label(robot, PipelinesView.ADD_PERSON_PROBLEMS_ID)
                        .startsWith("The phone number must be in international form"));
        robot.clickOn("#" + PipelinesView.ADD_PERSON_SAVE_ID);
        assertThat(robot.lookup("#" + PipelinesView.ADD_PERSON_NAME_ID).tryQuery())
                .as("the form stays open while something is wrong")
                .isPresent();
        robot.clickOn("#" + PipelinesView.ADD_PERSON_PHONE_ID)
                .push(KeyCode.CONTROL, KeyCode.A)
                .write("+27 82 555 0142");
        robot.clickOn("#" + PipelinesView.ADD_PERSON_EMAIL_ID).write("Lindiwe@Example.test");
        waitFor(
                "nothing wrong",
                () -> label(robot, PipelinesView.ADD_PERSON_PROBLEMS_ID).isEmpty());
        robot.clickOn("#" + PipelinesView.ADD_PERSON_SAVE_ID);

        waitFor(
                "the card in the new lane while offline",
                () -> fx(() -> vm().lane("new").stream().anyMatch(c -> c.name().equals("Lindiwe Mthembu"))));
        assertThat(server.count("select count(*) from candidates where full_name = 'Lindiwe Mthembu'"))
                .as("the server has not heard of her")
                .isZero();
        link.mend();
        waitFor(
                "she and her application on the server",
                () -> server.count("select count(*) from candidates c join applications a on a.candidate_id = c.id"
                                + " where c.full_name = 'Lindiwe Mthembu' and c.whatsapp_id = '+27825550142'"
                                + " and c.email = 'lindiwe@example.test' and a.job_id = '" + job
                                + "' and a.stage = 'new'")
                        == 1);
        waitFor("sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
        assertThat(fx(() -> vm().lane("new").stream()
                        .filter(c -> c.name().equals("Lindiwe Mthembu"))
                        .count()))
                .as("once on the board after the pull")
                .isEqualTo(1);
    }
}
