package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.conversations.ConversationsPane;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.pipelines.PipelinesView;
import com.recruitdesk.app.pipelines.PipelinesViewModel;
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
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
 * The candidate's master profile in the real window (headless, Monocle) against the real server
 * with the demo data: opened from the application's detail, edited from the keyboard, checked by
 * the server's rules before anything is sent, saved online and offline, merged on a conflict.
 */
@Tag("ui")
class ProfileEditorTest {
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
        waitFor("the board", () -> fx(() -> cards().size() >= 4));
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

    private List<Card> cards() {
        return PipelinesViewModel.LANES.stream()
                .flatMap(l -> vm().lane(l).stream())
                .toList();
    }

    /** Each test edits the profile of another person: the tests share the server's data. */
    private Card card(int which) {
        return fx(() -> cards().get(which));
    }

    private void openProfile(Card card) {
        robot.interact(() -> vm().selectedProperty().set(card.id()));
        waitFor(
                "the profile button",
                () -> fx(() -> robot.lookup("#" + PipelinesView.PROFILE_ID)
                        .tryQuery()
                        .map(n -> !n.isDisabled())
                        .orElse(false)));
        robot.clickOn("#" + PipelinesView.PROFILE_ID);
        waitFor("the profile", () -> editor().isPresent());
    }

    private Optional<Node> editor() {
        return robot.lookup("#" + PipelinesView.PROFILE_EDITOR_ID).tryQuery();
    }

    /** Goes to the field as the keyboard would and types over what it holds. */
    private void type(String field, String text) {
        typeInto(PipelinesView.profileFieldId(field), text);
    }

    private void typeInto(String id, String text) {
        Node control = robot.lookup("#" + id).query();
        robot.interact(control::requestFocus); // scrolls it into sight
        robot.clickOn(control);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.BACK_SPACE);
        robot.write(text);
        if (control instanceof TextInputControl t) {
            waitFor(id + " typed", () -> fx(() -> text.equals(t.getText())), () -> fx(t::getText));
        }
    }

    private String text(String field) {
        return fx(() -> robot.lookup("#" + PipelinesView.profileFieldId(field))
                .queryAs(TextInputControl.class)
                .getText());
    }

    private String freshness(String field) {
        return label(robot, PipelinesView.profileFreshnessId(field));
    }

    private String column(String column, UUID person) {
        return server.text("select " + column + "::text from candidates where id = ?", person);
    }

    @Test
    void theProfileOpensFromTheCandidatePanelOfAConversationAndAnEditThereReachesTheServer() {
        UUID person = UUID.fromString(server.text(
                "select candidate_id::text from conversations order by last_message_at desc nulls last, id limit 1"));
        robot.clickOn("#" + ConversationsPane.FACTORY.navigationId());
        robot.interact(() -> app.pane(ConversationsPane.class).orElseThrow().openConversationOf(person));
        waitFor(
                "the candidate panel's profile button",
                () -> robot.lookup("#candidate-profile").tryQuery().isPresent());
        String shownName = label(robot, "candidate-name");

        robot.clickOn("#candidate-profile");
        waitFor("the profile", () -> editor().isPresent());
        assertThat(fx(() -> ((Stage) editor().orElseThrow().getScene().getWindow()).getTitle()))
                .isEqualTo("Profile of " + shownName);
        type("expectedRole", "Night shift lead");
        robot.push(KeyCode.ENTER);

        waitFor("the profile closed", () -> editor().isEmpty());
        waitFor("the field on the server", () -> "Night shift lead".equals(column("expected_role", person)));
    }

    @Test
    void twoFieldsEditedFromTheKeyboardReachTheServerAndTheirStampMoves() {
        Card card = card(0);
        UUID person = card.candidateId();
        String stampBefore = column("notice_period_last_updated", person);
        openProfile(card);
        assertThat(freshness("noticePeriodDays")).startsWith(stampBefore == null ? "never updated" : "updated ");
        assertThat(freshness("expectedCtc")).isEqualTo("never updated");

        type("noticePeriodDays", "45");
        robot.push(KeyCode.TAB); // Tab leads on to the next field of the section, the available-from date
        assertThat(fx(() ->
                        robot
                                .lookup("#" + PipelinesView.profileFieldId("availabilityDate"))
                                .query()
                                .lookupAll("*")
                                .stream()
                                .anyMatch(Node::isFocused)))
                .isTrue();
        type("expectedRole", "Tech lead");
        robot.push(KeyCode.ENTER); // Enter saves, as the dialog's default button

        waitFor("the profile closed", () -> editor().isEmpty());
        waitFor(
                "both fields on the server",
                () -> "45".equals(column("notice_period_days", person))
                        && "Tech lead".equals(column("expected_role", person)));
        String stampAfter = column("notice_period_last_updated", person);
        assertThat(stampAfter).isNotNull().isNotEqualTo(stampBefore);
        assertThat(column("expected_ctc_last_updated", person))
                .as("a field not changed keeps its stamp")
                .isNull();
        waitFor("sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));

        openProfile(card);
        assertThat(text("noticePeriodDays")).isEqualTo("45");
        // The server's stamp, by the test server's own clock (which the test controls): an age, not "never".
        assertThat(freshness("noticePeriodDays")).startsWith("updated ");
    }

    @Test
    void badValuesAreRefusedOnTheDesktopInWordsAndNothingIsSent() {
        Card card = card(1);
        UUID person = card.candidateId();
        String noticeBefore = column("notice_period_days", person);
        openProfile(card);

        type("noticePeriodDays", "900");
        type("currency", "usd");
        robot.clickOn("#" + PipelinesView.PROFILE_SAVE_ID);

        assertThat(editor()).as("the profile stays open with what to fix").isPresent();
        assertThat(label(robot, PipelinesView.PROFILE_PROBLEMS_ID))
                .contains("The notice period (days) is at most 365.")
                .contains("The currency \"usd\" is not in the expected form.");
        assertThat(label(robot, StatusBarView.PENDING_ID)).isEqualTo("Nothing pending");
        robot.push(KeyCode.ESCAPE);
        waitFor("the profile closed by Escape", () -> editor().isEmpty());
        assertThat(label(robot, StatusBarView.PENDING_ID)).isEqualTo("Nothing pending");
        assertThat(column("notice_period_days", person)).isEqualTo(noticeBefore);
    }

    @Test
    void aProfileEditedOfflineShowsAtOnceAndReachesTheServerOnReconnect() {
        Card card = card(2);
        UUID person = card.candidateId();
        server.stop();
        waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
        openProfile(card);

        type("skills", "Java, Kotlin , SQL");
        robot.clickOn("#" + PipelinesView.PROFILE_SAVE_ID);

        waitFor("the profile closed", () -> editor().isEmpty());
        waitFor(
                "one change waiting",
                () -> label(robot, StatusBarView.PENDING_ID).startsWith("1"));
        openProfile(card);
        assertThat(text("skills")).as("shown at once, offline").isEqualTo("Java, Kotlin, SQL");
        assertThat(freshness("skills")).isEqualTo("updated just now");
        robot.push(KeyCode.ESCAPE);
        server.restart();
        waitFor("the skills on the server", () -> "[\"Java\", \"Kotlin\", \"SQL\"]".equals(column("skills", person)));
        assertThat(column("skills_last_updated", person)).isNotNull();
    }

    @Test
    void aProfileEditAColleagueOverlappedOffersTheMergeDialog() throws Exception {
        Card card = card(3);
        UUID person = card.candidateId();
        try (SecondClient colleague = SecondClient.signIn(server, "manager@demo.test", home.resolve("colleague"))) {
            link.cut();
            waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
            openProfile(card);
            type("noticePeriodDays", "75");
            type("expectedRole", "Team lead");
            robot.clickOn("#" + PipelinesView.PROFILE_SAVE_ID);
            waitFor(
                    "my edit waiting",
                    () -> label(robot, StatusBarView.PENDING_ID).startsWith("1"));
            colleague.submit(
                    PipelineMutations.UPDATE_PROFILE,
                    new PipelineMutations.UpdateProfile(
                            person,
                            colleague.version(Entities.CANDIDATE, person),
                            JsonNodeFactory.instance.objectNode().put("noticePeriodDays", 20)));
            waitFor("the colleague's edit on the server", () -> "20".equals(column("notice_period_days", person)));
            link.mend();

            waitFor(
                    "the merge offered",
                    () -> robot.lookup("#" + PipelinesView.MERGE_ID).tryQuery().isPresent());
            assertThat(fx(() -> robot.lookup("#" + PipelinesView.mergeTheirsId("noticePeriodDays"))
                            .queryAs(javafx.scene.control.RadioButton.class)
                            .getText()))
                    .startsWith("20\nMorgan Manager");
            assertThat(robot.lookup("#" + PipelinesView.mergeMineId("expectedRole"))
                            .tryQuery())
                    .as("only the field both changed is disputed")
                    .isEmpty();
            robot.clickOn("#" + PipelinesView.mergeMineId("noticePeriodDays"));
            robot.clickOn("#" + PipelinesView.MERGE_SAVE_ID);

            waitFor(
                    "my value on the server, and the field nobody disputed with it",
                    () -> "75".equals(column("notice_period_days", person))
                            && "Team lead".equals(column("expected_role", person)));
        }
    }

    @Test
    void aRoleIsAddedToTheWorkHistoryAtOnceChangedInPlaceAndRemovedAgainAndABadOneIsRefusedBeforeSending() {
        Card card = card(4);
        UUID person = card.candidateId();
        openProfile(card);

        robot.interact(() ->
                robot.lookup("#" + PipelinesView.PROFILE_ROLE_TITLE_ID).query().requestFocus());
        robot.clickOn("#" + PipelinesView.PROFILE_ROLE_ADD_ID);
        assertThat(label(robot, PipelinesView.PROFILE_ROLE_PROBLEMS_ID)).isEqualTo("A role needs the company's name.");
        assertThat(label(robot, StatusBarView.PENDING_ID)).isEqualTo("Nothing pending");

        typeInto(PipelinesView.PROFILE_ROLE_COMPANY_ID, "Ice Model Management");
        typeInto(PipelinesView.PROFILE_ROLE_TITLE_ID, "Fitting model");
        robot.clickOn("#" + PipelinesView.PROFILE_ROLE_ADD_ID);

        waitFor(
                "the role shown",
                () -> fx(() -> robot.lookup("#" + PipelinesView.PROFILE_HISTORY_ID)
                                .queryAs(javafx.scene.layout.VBox.class)
                                .lookupAll("." + PipelinesView.PROFILE_ROLE_REMOVE_CLASS)
                                .size()
                        == 1));
        assertThat(label(robot, PipelinesView.PROFILE_ROLE_PROBLEMS_ID)).isEmpty();
        String onServer = "select count(*) from candidate_work_history where candidate_id = '" + person
                + "' and company_name = 'Ice Model Management' and job_title = 'Fitting model'";
        waitFor("the role on the server", () -> server.count(onServer) == 1);

        // Edited in place: the line below takes the role, Save role changes it, nothing is added.
        robot.clickOn("." + PipelinesView.PROFILE_ROLE_EDIT_CLASS);
        waitFor(
                "the role in the line",
                () -> "Fitting model"
                        .equals(fx(() -> robot.lookup("#" + PipelinesView.PROFILE_ROLE_TITLE_ID)
                                .queryAs(TextInputControl.class)
                                .getText())));
        typeInto(PipelinesView.PROFILE_ROLE_TITLE_ID, "Lead fitting model");
        robot.clickOn("#" + PipelinesView.PROFILE_ROLE_ADD_ID);
        String changed = "select count(*) from candidate_work_history where candidate_id = '" + person
                + "' and company_name = 'Ice Model Management' and job_title = 'Lead fitting model'";
        waitFor("the role changed on the server", () -> server.count(changed) == 1);
        assertThat(server.count("select count(*) from candidate_work_history where candidate_id = '" + person
                        + "' and company_name = 'Ice Model Management'"))
                .isEqualTo(1);
        assertThat(fx(() -> robot.lookup("#" + PipelinesView.PROFILE_ROLE_ADD_ID)
                        .queryButton()
                        .getText()))
                .isEqualTo("Add role");

        robot.clickOn("." + PipelinesView.PROFILE_ROLE_REMOVE_CLASS);
        waitFor("the role gone on the server", () -> server.count(changed) == 0);
        assertThat(fx(() -> robot.lookup("." + PipelinesView.PROFILE_ROLE_REMOVE_CLASS)
                        .queryAll()
                        .size()))
                .isZero();
    }
}
