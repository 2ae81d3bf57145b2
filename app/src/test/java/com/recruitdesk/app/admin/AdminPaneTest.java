package com.recruitdesk.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.admin.data.NumberRow;
import com.recruitdesk.app.admin.data.UserRow;
import com.recruitdesk.app.conversations.ConversationsPane;
import com.recruitdesk.app.interviews.InterviewsPane;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.main.SignOutDialog;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.server.admin.GraphBusiness;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Administration pane in the real window (headless, Monocle) against the real server with the
 * demo data, Meta's Graph API played by a MockWebServer: users invited and signing in with their
 * temporary password, a Cloud API number checked with Meta and its health, a refusal said in the
 * pane, managers reading only, and a role change that switches the panes without a new sign-in.
 */
@Tag("ui")
class AdminPaneTest {
    private static final MockWebServer GRAPH = new MockWebServer();
    private static LiveServer server;

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private RecruitDeskApp app;

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        GRAPH.setDispatcher(new GraphBusiness());
        GRAPH.start();
        server = LiveServer.start(GraphBusiness.env(GRAPH));
    }

    @AfterAll
    static void stopServer() {
        server.close();
        GRAPH.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        server.restart();
        AppConfig config = new AppConfig(
                home,
                Optional.empty(),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 100));
        app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));
        waitFor("the sign-in window", () -> shown(SignInView.ID));
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }

    /** {@code work} on the FX thread; false while that thread is too busy to answer (a loaded machine). */
    private static boolean onFx(Callable<Boolean> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (TimeoutException busy) {
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** On screen: the node and every parent visible, and laid out within its window (as TestFX clicks). */
    private boolean shown(String id) {
        return onFx(() -> onScreen(id));
    }

    /** On the FX thread: whether {@code id} is on screen. */
    private boolean onScreen(String id) {
        Node node = robot.lookup("#" + id).tryQuery().orElse(null);
        if (node == null || node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        var bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.getWidth() > 0
                && bounds.intersects(
                        0, 0, node.getScene().getWidth(), node.getScene().getHeight());
    }

    /** Not on screen, for certain: unlike {@link #shown}, a busy FX thread fails the test instead of answering false. */
    private boolean hidden(String id) {
        try {
            return !WaitForAsyncUtils.asyncFx(() -> onScreen(id)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Could not tell whether #" + id + " is shown", e);
        }
    }

    private String text(String id) {
        return robot.lookup("#" + id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private void signIn(String email, String password) {
        robot.interact(() -> robot.lookup("#" + SignInView.SERVER_ID)
                .queryAs(ComboBox.class)
                .getEditor()
                .setText(""));
        robot.clickOn("#" + SignInView.SERVER_ID).write(server.url());
        robot.clickOn("#" + SignInView.EMAIL_ID).write(email);
        robot.clickOn("#" + SignInView.PASSWORD_ID).write(password);
        robot.clickOn("#" + SignInView.BUTTON_ID);
    }

    private void signInToAdministration(String email) {
        signIn(email, Demo.PASSWORD);
        waitFor("the main window", () -> shown(MainView.ID));
        waitFor("Online", () -> text(StatusBarView.STATE_ID).equals("Online"));
        robot.clickOn("#nav-administration");
        waitFor("the Administration pane", () -> shown(AdminView.ID));
    }

    private void openTab(String title) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#" + AdminView.TABS_ID).queryAs(TabPane.class);
            tabs.getTabs().stream()
                    .filter(t -> t.getText().equals(title))
                    .findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
    }

    private AdminViewModel vm() {
        return app.pane(AdminPane.class).orElseThrow().viewModel();
    }

    private static SyncClient administrator() {
        return new SyncClient(new Api(server.port()), "admin@demo.test", Demo.PASSWORD);
    }

    @Test
    void anInvitedUserIsShownWithTheirTemporaryPasswordAndSignsInByChoosingTheirOwn() {
        signInToAdministration("admin@demo.test");

        robot.clickOn("#" + UsersView.NEW_ID);
        robot.clickOn("#" + UsersView.NAME_ID).write("Nomsa Khumalo");
        robot.clickOn("#" + UsersView.EMAIL_ID).write("nomsa@agency.test");
        assertThat(text(UsersView.PROBLEM_ID)).isEqualTo("Give the user at least one role.");
        robot.clickOn("#" + UsersView.roleId(com.recruitdesk.protocol.auth.Role.RECRUITER));
        robot.clickOn("#" + UsersView.INVITE_ID);

        waitFor("the temporary password", () -> !text(UsersView.HAND_OVER_ID).isEmpty());
        String handOver = text(UsersView.HAND_OVER_ID);
        assertThat(handOver).startsWith("Give Nomsa Khumalo (nomsa@agency.test) this temporary password: ");
        String temporary = handOver.replaceAll(".*temporary password: ([a-z2-9-]{19})\\..*", "$1");
        assertThat(temporary).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        waitFor(
                "the user on the server",
                () -> server.count("select count(*) from users where email = 'nomsa@agency.test'"
                                + " and password_change_required")
                        == 1);
        @SuppressWarnings("unchecked")
        ListView<UserRow> list = robot.lookup("#" + UsersView.LIST_ID).queryAs(ListView.class);
        waitFor(
                "the user in the list, synced",
                () -> list.getItems().stream()
                        .anyMatch(u ->
                                u.email().equals("nomsa@agency.test") && !u.pending() && u.passwordChangeRequired()));

        robot.clickOn("#" + MainView.SIGN_OUT_ID);
        // Signing out asks whether to keep this computer's copy of the data.
        waitFor(
                "the sign-out question",
                () -> robot.lookup("#" + SignOutDialog.CONFIRM_ID).tryQuery().isPresent());
        robot.clickOn("#" + SignOutDialog.CONFIRM_ID);
        waitFor("the sign-in window", () -> shown(SignInView.ID));
        robot.interact(() -> robot.lookup("#" + SignInView.EMAIL_ID)
                .queryAs(javafx.scene.control.TextField.class)
                .setText(""));
        signIn("nomsa@agency.test", temporary);
        waitFor("the form asking for her own password", () -> shown(SignInView.NEW_PASSWORD_ID));
        robot.clickOn("#" + SignInView.NEW_PASSWORD_ID).write("nomsa-chooses-this");
        robot.clickOn("#" + SignInView.CONFIRM_PASSWORD_ID).write("nomsa-chooses-thiz");
        robot.clickOn("#" + SignInView.CHOOSE_ID);
        waitFor("the mismatch said", () -> text(SignInView.ERROR_ID).equals("The two passwords are not the same."));
        // a click puts the caret where it lands: go to the end before mending the last letter
        robot.clickOn("#" + SignInView.CONFIRM_PASSWORD_ID)
                .type(KeyCode.END)
                .type(KeyCode.BACK_SPACE)
                .write("s");
        robot.clickOn("#" + SignInView.CHOOSE_ID);

        waitFor("the main window", () -> shown(MainView.ID));
        assertThat(shown(ConversationsPane.FACTORY.navigationId())).isTrue();
        assertThat(server.count("select count(*) from users where email = 'nomsa@agency.test'"
                        + " and not password_change_required"))
                .isEqualTo(1);
    }

    @Test
    void aCloudApiNumberIsCheckedWithMetaAndItsHealthShowsWhatMetaSaid() {
        signInToAdministration("admin@demo.test");
        openTab(AdminView.NUMBERS_TAB);

        robot.clickOn("#" + NumbersView.NEW_ID);
        robot.clickOn("#" + NumbersView.NAME_ID).write("Meta line");
        robot.clickOn("#" + NumbersView.PHONE_ID).write("+1 555 078 3882");
        robot.clickOn("#" + NumbersView.PHONE_NUMBER_ID_ID).write(GraphBusiness.SECOND_NUMBER_ID);
        robot.clickOn("#" + NumbersView.WABA_ID).write(GraphBusiness.WABA);
        robot.clickOn("#" + NumbersView.SAVE_ID);

        @SuppressWarnings("unchecked")
        ListView<NumberRow> list = robot.lookup("#" + NumbersView.LIST_ID).queryAs(ListView.class);
        waitFor(
                "Meta's answer synced",
                () -> list.getItems().stream()
                        .anyMatch(n -> "RecruitDesk Jobs".equals(n.verifiedName()) && !n.pending()));
        NumberRow added = list.getItems().stream()
                .filter(n -> "Meta line".equals(n.displayName()))
                .findFirst()
                .orElseThrow();
        assertThat(added.qualityRating()).isEqualTo("YELLOW");
        assertThat(added.messagingLimitTier()).isEqualTo("TIER_250");
        robot.interact(() -> list.getSelectionModel().select(added));
        robot.clickOn("#" + NumbersView.REFRESH_ID);
        waitFor(
                "its health",
                () -> vm().numbers().healthProperty().get() != null
                        && vm().numbers()
                                .healthProperty()
                                .get()
                                .whatsappAccountId()
                                .equals(added.id()));
        waitFor(
                "Meta's quality and tier in the health card",
                () -> onFx(() -> {
                    List<String> shown = robot
                            .lookup("#" + NumbersView.HEALTH_ID)
                            .queryAs(javafx.scene.layout.GridPane.class)
                            .getChildren()
                            .stream()
                            .filter(n -> n instanceof Label)
                            .map(n -> ((Label) n).getText())
                            .toList();
                    return shown.contains("YELLOW") && shown.contains("250 people a day (TIER_250)");
                }));
    }

    @Test
    void whatMetaRefusesIsSaidInThePaneAndTheNumberIsTakenBack() {
        signInToAdministration("admin@demo.test");
        openTab(AdminView.NUMBERS_TAB);

        robot.clickOn("#" + NumbersView.NEW_ID);
        robot.clickOn("#" + NumbersView.NAME_ID).write("Their line");
        robot.clickOn("#" + NumbersView.PHONE_ID).write("+15550789999");
        robot.clickOn("#" + NumbersView.PHONE_NUMBER_ID_ID).write(GraphBusiness.THEIR_NUMBER_ID);
        robot.clickOn("#" + NumbersView.WABA_ID).write(GraphBusiness.WABA);
        robot.clickOn("#" + NumbersView.SAVE_ID);

        waitFor("the refusal", () -> !text(AdminView.NOTICE_ID).isEmpty());
        assertThat(text(AdminView.NOTICE_ID))
                .startsWith("The WhatsApp number was not saved: The phone number ID " + GraphBusiness.THEIR_NUMBER_ID
                        + " belongs to another business");
        @SuppressWarnings("unchecked")
        ListView<NumberRow> list = robot.lookup("#" + NumbersView.LIST_ID).queryAs(ListView.class);
        waitFor(
                "the optimistic number taken back",
                () -> list.getItems().stream().noneMatch(n -> "Their line".equals(n.displayName())));
    }

    @Test
    void thePublicPageAddressIsCheckedAsItIsTypedAndSavedToTheServer() {
        signInToAdministration("admin@demo.test");
        openTab(AdminView.SETTINGS_TAB);
        javafx.scene.control.TextField address =
                robot.lookup("#" + SettingsView.PUBLIC_ADDRESS_ID).queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.Button save =
                robot.lookup("#" + SettingsView.SAVE_ID).queryAs(javafx.scene.control.Button.class);

        robot.interact(() -> address.setText("recruit.example.org/jobs"));
        waitFor("the address refused", () -> text(SettingsView.PROBLEM_ID).contains("such as https://"));
        assertThat(save.isDisabled()).isTrue();

        robot.interact(() -> address.setText("https://apply.example.org"));
        waitFor("the address taken", () -> text(SettingsView.PROBLEM_ID).isEmpty() && !save.isDisabled());
        robot.interact(save::fire);

        String saved = "select value #>> '{}' from system_settings where key = '" + Settings.PUBLIC_ADDRESS + "'";
        waitFor("the setting on the server", () -> "https://apply.example.org".equals(server.text(saved)));
        robot.interact(() -> address.setText(""));
        robot.interact(save::fire);
        waitFor("the setting emptied again", () -> "".equals(server.text(saved)));
    }

    @Test
    void aManagerSeesAdministrationAndChangesNothing() {
        signInToAdministration("manager@demo.test");

        assertThat(hidden(UsersView.NEW_ID)).isTrue();
        assertThat(hidden(UsersView.INVITE_ID)).isTrue();
        @SuppressWarnings("unchecked")
        ListView<UserRow> list = robot.lookup("#" + UsersView.LIST_ID).queryAs(ListView.class);
        waitFor("the team", () -> list.getItems().size() >= 8);
        openTab(AdminView.SETTINGS_TAB);
        assertThat(hidden(SettingsView.SAVE_ID)).isTrue();
        openTab(AdminView.ACTIVITY_TAB);
        waitFor(
                "the log read from the server",
                () -> text(ActivityView.STATE_ID).contains("lines")
                        || text(ActivityView.STATE_ID).contains("Nothing was logged"));
    }

    @Test
    void aRoleChangeSwitchesThePanesWithoutANewSignIn() {
        signIn("recruiter2@demo.test", Demo.PASSWORD);
        waitFor("the main window", () -> shown(MainView.ID));
        waitFor("Online", () -> text(StatusBarView.STATE_ID).equals("Online"));
        assertThat(shown(ConversationsPane.FACTORY.navigationId())).isTrue();
        assertThat(shown(PipelinesPane.FACTORY.navigationId())).isTrue();
        SyncClient admin = administrator();
        java.util.UUID me = java.util.UUID.fromString(
                server.text("select id::text from users where email = 'recruiter2@demo.test'"));

        JsonNode demoted = admin.pushOne(SyncClient.mutation(
                AdminMutations.SET_ROLES,
                new AdminMutations.SetRoles(me, List.of(AdminMutations.Grant.of("INTERVIEWER")))));
        assertThat(demoted.path("status").asText()).isEqualTo("applied");

        waitFor(
                "the interviewer's panes",
                () -> shown(InterviewsPane.FACTORY.navigationId())
                        && robot.lookup("#" + ConversationsPane.FACTORY.navigationId())
                                .tryQuery()
                                .isEmpty()
                        && robot.lookup("#" + PipelinesPane.FACTORY.navigationId())
                                .tryQuery()
                                .isEmpty());
        assertThat(hidden(SignInView.ID)).as("no sign-in asked for").isTrue();
        waitFor("Online with the new roles", () -> text(StatusBarView.STATE_ID).equals("Online"));

        JsonNode restored = admin.pushOne(SyncClient.mutation(
                AdminMutations.SET_ROLES,
                new AdminMutations.SetRoles(me, List.of(AdminMutations.Grant.of("RECRUITER")))));
        assertThat(restored.path("status").asText()).isEqualTo("applied");
        waitFor(
                "the recruiter's panes again",
                () -> shown(ConversationsPane.FACTORY.navigationId()) && shown(PipelinesPane.FACTORY.navigationId()));
    }
}
