package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.conversations.ConversationsView;
import com.recruitdesk.app.conversations.ConversationsViewModel;
import com.recruitdesk.app.conversations.ThreadItem;
import com.recruitdesk.app.conversations.data.ConversationStatus;
import com.recruitdesk.app.conversations.data.InboxRow;
import com.recruitdesk.app.conversations.data.MessageItem;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.pipelines.PipelinesView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.support.Webhooks;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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

/**
 * The Conversations pane in the real window (headless, Monocle) against the real server with the
 * demo data and the WhatsApp simulator; Meta's webhooks are posted signed as Meta signs them.
 */
@Tag("ui")
class ConversationsPaneTest {
    /** The server keeps files up to this size here, so a refused upload is quick to make. */
    private static final int BLOB_LIMIT = 1_000_000;

    private static LiveServer server;

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private RecruitDeskApp app;

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        java.util.Map<String, String> env = new java.util.HashMap<>(Webhooks.ENV);
        env.put("RD_BLOB_MAX_BYTES", Integer.toString(BLOB_LIMIT));
        server = LiveServer.start(env);
        Webhooks.routeTalentNumber(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        server.restart();
        launch();
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    private void launch() throws Exception {
        AppConfig config = new AppConfig(
                home,
                Optional.of(new AppConfig.AutoSignIn(server.url(), Demo.RECRUITER, Demo.PASSWORD)),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 500));
        app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));
        waitFor(
                "the main window",
                () -> robot.lookup("#" + MainView.ID).tryQuery().isPresent());
        waitFor("online", () -> "Online".equals(label(robot, StatusBarView.STATE_ID)));
        waitFor("the inbox", () -> fx(() -> vm().inbox().rows().size() > 5));
    }

    // --- helpers -------------------------------------------------------------------------------

    private ConversationsViewModel vm() {
        return app.conversations().orElseThrow();
    }

    private UUID conversationWhere(String condition) {
        return UUID.fromString(server.text("select c.id from conversations c join whatsapp_accounts a on a.id ="
                + " c.whatsapp_account_id join candidates p on p.id = c.candidate_id where " + condition
                + " order by c.last_message_at desc limit 1"));
    }

    private void open(UUID conversation) {
        robot.interact(() -> vm().inbox().searchProperty().set(""));
        robot.interact(() -> vm().inbox().statusProperty().set(com.recruitdesk.app.conversations.StatusChoice.ALL));
        waitFor("the conversation in the inbox", () -> fx(() -> vm().inbox().select(conversation)));
        waitFor(
                "its thread",
                () -> fx(() -> conversation.equals(
                        vm().thread().conversationProperty().get() == null
                                ? null
                                : vm().thread().conversationProperty().get().conversationId())));
    }

    private Optional<MessageItem> line(Predicate<MessageItem> which) {
        return fx(() -> vm().thread().items().stream()
                .filter(ThreadItem.Line.class::isInstance)
                .map(i -> ((ThreadItem.Line) i).message())
                .filter(which)
                .findFirst());
    }

    private Optional<InboxRow> row(UUID conversation) {
        return fx(() -> vm().inbox().rows().stream()
                .filter(r -> r.conversationId().equals(conversation))
                .findFirst());
    }

    /** On screen: the node and every parent visible. */
    private boolean shown(String id) {
        return fx(() -> {
            Node n = robot.lookup("#" + id).tryQuery().orElse(null);
            for (; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return robot.lookup("#" + id).tryQuery().isPresent();
        });
    }

    private void send(String text) {
        robot.clickOn("#" + ConversationsView.COMPOSER_TEXT_ID).write(text).type(KeyCode.ENTER);
    }

    // --- tests ---------------------------------------------------------------------------------

    @Test
    void aSignedWebhookAppearsInTheInboxAndThreadAndReopensAClosedConversation() {
        UUID closed = conversationWhere("c.status = 'closed' and a.display_name = 'RecruitDesk Talent'");
        String waId = server.text(
                "select substr(p.whatsapp_id, 2) from conversations c join candidates p on p.id ="
                        + " c.candidate_id where c.id = ?",
                closed);
        robot.interact(() -> vm().inbox().statusProperty().set(com.recruitdesk.app.conversations.StatusChoice.ACTIVE));
        assertThat(row(closed))
                .as("closed conversations are not in the active list")
                .isEmpty();

        assertThat(Webhooks.text(server, waId, "Someone", "Is the zebra shoot still on?"))
                .isEqualTo(200);

        waitFor(
                "the reopened conversation in the active inbox",
                () -> row(closed)
                        .map(r -> r.status() == ConversationStatus.OPEN
                                && r.preview().contains("zebra")
                                && r.unread() > 0)
                        .orElse(false));
        assertThat(fx(() -> vm().inbox().rows().getFirst().conversationId()))
                .as("newest first")
                .isEqualTo(closed);
        open(closed);
        waitFor(
                "the message in the thread",
                () -> line(m -> "Is the zebra shoot still on?".equals(m.body())).isPresent());
        waitFor(
                "the bubble on screen",
                () -> robot.lookup(".bubble-text").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText().equals("Is the zebra shoot still on?")));
    }

    @Test
    void aReplyGoesFromQueuedToSentDeliveredAndRead() {
        UUID talk = conversationWhere(
                "c.last_inbound_at > now() - interval '20 hours' and c.status in ('open', 'new', 'needs_attention')");
        open(talk);
        List<String> states = new CopyOnWriteArrayList<>();
        String text =
                "See you at nine, bring your ID " + UUID.randomUUID().toString().substring(0, 6);
        robot.interact(() -> vm().thread().items().addListener((javafx.collections.ListChangeListener<ThreadItem>)
                c -> {
                    for (ThreadItem i : vm().thread().items()) {
                        if (i instanceof ThreadItem.Line l
                                && text.equals(l.message().body())) {
                            String s = l.message().status();
                            if (states.isEmpty() || !states.getLast().equals(s)) {
                                states.add(s);
                            }
                        }
                    }
                }));

        send(text);

        waitFor("read", () -> states.contains("read"));
        assertThat(states).containsSubsequence("queued", "sent", "delivered", "read");
        MessageItem sent = line(m -> text.equals(m.body())).orElseThrow();
        waitFor(
                "two blue ticks",
                () -> robot.lookup("#tick-" + sent.id())
                        .tryQuery()
                        .map(n -> n.getStyleClass().contains("read"))
                        .orElse(false));
        assertThat(fx(() -> vm().composer().textProperty().get())).isEmpty();
    }

    @Test
    void outsideTheWindowTheComposerOffersTemplatesAndNoFreeText() {
        UUID late =
                conversationWhere("c.last_inbound_at < now() - interval '25 hours' and c.status = 'needs_attention'");
        open(late);

        waitFor("the template picker", () -> shown(ConversationsView.COMPOSER_TEMPLATES_ID));
        assertThat(shown(ConversationsView.COMPOSER_TEXT_ID))
                .as("no free-text box")
                .isFalse();
        assertThat(label(robot, ConversationsView.THREAD_WINDOW_ID)).contains("closed");
        robot.clickOn("#composer-variable-1").write("Naledi");
        robot.clickOn("#composer-variable-2").write("the Fashion Week casting");
        assertThat(label(robot, ConversationsView.COMPOSER_TEMPLATE_PREVIEW_ID))
                .contains("Naledi", "the Fashion Week casting");
        robot.clickOn("#" + ConversationsView.COMPOSER_TEMPLATE_SEND_ID);

        waitFor(
                "the template sent",
                () -> line(m -> "template".equals(m.type())
                                && m.body().contains("the Fashion Week casting")
                                && !"queued".equals(m.status()))
                        .isPresent());
        assertThat(line(m -> "template".equals(m.type()) && m.body().contains("the Fashion Week casting"))
                        .orElseThrow()
                        .failed())
                .isFalse();
        robot.clickOn("#" + ConversationsView.COMPOSER_NOTE_ID);
        waitFor("a note can still be written", () -> shown(ConversationsView.COMPOSER_TEXT_ID));
    }

    @Test
    void aStatusChangeByAnotherClientAppearsAndOneMadeHereReachesIt() throws Exception {
        UUID talk = conversationWhere("c.status = 'open'");
        open(talk);
        try (SecondClient other = SecondClient.signIn(server, "recruiter2@demo.test", home.resolve("other"))) {
            other.setStatus(talk, "needs_attention");
            waitFor("the other client's push", () -> other.store().pendingCount() == 0);
            assertThat(other.store().rejections()).isEmpty();
            assertThat(server.text("select status from conversations where id = ?", talk))
                    .isEqualTo("needs_attention");

            waitFor(
                    "the other client's change here",
                    () -> row(talk)
                            .map(r -> r.status() == ConversationStatus.NEEDS_ATTENTION)
                            .orElse(false));
            waitFor(
                    "the status box",
                    () -> fx(() -> ((ComboBox<?>) robot.lookup("#" + ConversationsView.THREAD_STATUS_ID)
                                            .query())
                                    .getValue()
                            == ConversationStatus.NEEDS_ATTENTION));

            robot.interact(() -> vm().thread().setStatus(ConversationStatus.PENDING_FORM));
            waitFor("this change in the other client", () -> "pending_form".equals(other.status(talk)));
        }
    }

    @Test
    void aReplyWrittenOfflineSurvivesARestartAndIsDeliveredWhenTheServerReturns() throws Exception {
        UUID talk = conversationWhere(
                "c.last_inbound_at > now() - interval '20 hours' and c.status in ('open', 'new', 'needs_attention')");
        open(talk);
        waitFor("opening's mark-read sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
        server.stop();
        waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
        waitFor("the offline banner", () -> shown(ConversationsView.OFFLINE_ID));
        String text = "Written offline " + UUID.randomUUID().toString().substring(0, 8);

        send(text);
        waitFor(
                "queued here",
                () -> line(m -> text.equals(m.body()) && m.pending()).isPresent());
        waitFor("one pending", () -> "1 pending".equals(label(robot, StatusBarView.PENDING_ID)));

        FxToolkit.cleanupApplication(app); // the app is closed while the server is away
        launchOffline();
        open(talk);
        assertThat(line(m -> text.equals(m.body())).orElseThrow().pending()).isTrue();

        server.restart();
        waitFor(
                "delivered",
                () -> line(m -> text.equals(m.body()) && ("delivered".equals(m.status()) || "read".equals(m.status())))
                        .isPresent());
        assertThat(server.count("select count(*) from messages where body = '" + text + "'"))
                .isEqualTo(1);
    }

    private void launchOffline() throws Exception {
        AppConfig config = new AppConfig(
                home,
                Optional.empty(),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 500));
        app = (RecruitDeskApp) FxToolkit.setupApplication(() -> new RecruitDeskApp(config));
        waitFor(
                "the main window from the stored session",
                () -> robot.lookup("#" + MainView.ID).tryQuery().isPresent());
        waitFor(
                "the inbox from the local data",
                () -> fx(() -> vm().inbox().rows().size() > 5));
    }

    @Test
    void aPhotoAttachedOfflineIsUploadedOnReconnectSentAndShown() throws Exception {
        UUID talk = conversationWhere(
                "c.last_inbound_at > now() - interval '20 hours' and c.status in ('open', 'new', 'needs_attention')");
        open(talk);
        waitFor("opening's mark-read sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
        server.stop();
        waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));
        Path photo = home.resolve("licence.png");
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png",
                photo.toFile());
        String caption = "My licence " + UUID.randomUUID().toString().substring(0, 6);

        robot.interact(() -> vm().composer().attach(photo));
        waitFor(
                "the attachment",
                () -> fx(() -> vm().composer().attachmentProperty().get() != null));
        robot.clickOn("#" + ConversationsView.COMPOSER_TEXT_ID).write(caption);
        robot.clickOn("#" + ConversationsView.COMPOSER_SEND_ID);
        waitFor(
                "the photo in the thread, waiting",
                () -> line(m -> caption.equals(m.mediaCaption()) && m.pending()).isPresent());
        waitFor(
                "the picture shown from this computer",
                () -> !robot.lookup(".photo .image-view").queryAll().isEmpty());

        server.restart();
        waitFor(
                "sent",
                () -> line(m -> caption.equals(m.mediaCaption())
                                && m.mediaBlobId() != null
                                && !m.pending()
                                && ("delivered".equals(m.status()) || "read".equals(m.status())))
                        .isPresent());
        MessageItem sent = line(m -> caption.equals(m.mediaCaption())).orElseThrow();
        assertThat(sent.type()).isEqualTo("image");
        assertThat(server.text("select size_bytes::text from blobs where id = ?", sent.mediaBlobId()))
                .isEqualTo(Long.toString(java.nio.file.Files.size(photo)));
    }

    @Test
    void aFileTheServerRefusesIsExplainedAndNothingElseIsLost() throws Exception {
        UUID talk = conversationWhere(
                "c.last_inbound_at > now() - interval '20 hours' and c.status in ('open', 'new', 'needs_attention')");
        open(talk);
        Path big = home.resolve("portfolio.pdf");
        java.nio.file.Files.write(big, new byte[BLOB_LIMIT + 1]);
        String after =
                "Sent after the refused file " + UUID.randomUUID().toString().substring(0, 6);

        robot.interact(() -> vm().composer().attach(big));
        waitFor(
                "the attachment",
                () -> fx(() -> vm().composer().attachmentProperty().get() != null));
        robot.clickOn("#" + ConversationsView.COMPOSER_SEND_ID);
        send(after);

        waitFor(
                "the reason",
                () -> label(robot, ConversationsView.NOTICE_ID).contains("refused the file portfolio.pdf"));
        assertThat(label(robot, ConversationsView.NOTICE_ID)).startsWith("Your message was not sent");
        waitFor(
                "the next reply delivered all the same",
                () -> line(m -> after.equals(m.body()) && ("delivered".equals(m.status()) || "read".equals(m.status())))
                        .isPresent());
        assertThat(line(m -> "portfolio.pdf".equals(m.mediaFilename())))
                .as("the refused one taken back")
                .isEmpty();
    }

    @Test
    void aChangeTheServerRejectsIsTakenBackAndTheReasonShown() {
        UUID talk = conversationWhere("c.status = 'open' and a.display_name = 'RecruitDesk Jobs'");
        open(talk);
        waitFor("opening's mark-read sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
        server.stop();
        waitFor("offline", () -> "Offline".equals(label(robot, StatusBarView.STATE_ID)));

        robot.interact(() -> vm().thread().setStatus(ConversationStatus.NEEDS_ATTENTION));
        waitFor(
                "shown at once",
                () -> row(talk)
                        .map(r -> r.status() == ConversationStatus.NEEDS_ATTENTION)
                        .orElse(false));
        server.execute("update conversations set status = 'closed' where id = ?", talk); // a colleague, meanwhile
        server.restart();

        waitFor("the reason", () -> label(robot, ConversationsView.NOTICE_ID).contains("Someone else changed status"));
        assertThat(label(robot, ConversationsView.NOTICE_ID)).startsWith("The status change was undone");
        waitFor(
                "the server's status back",
                () -> row(talk)
                        .map(r -> r.status() == ConversationStatus.CLOSED)
                        .orElse(false));
        assertThat(server.text("select status from conversations where id = ?", talk))
                .isEqualTo("closed");
    }

    @Test
    void aPersonIsAddedToAJobFromTheCandidatePanelAndTheServerHasTheApplication() {
        UUID talk = conversationWhere("c.status = 'open'");
        open(talk);
        UUID person = UUID.fromString(server.text("select candidate_id::text from conversations where id = ?", talk));
        waitFor(
                "jobs to add the person to",
                () -> fx(() -> !vm().candidate().jobs().isEmpty()));
        var job = fx(() -> vm().candidate().jobs().stream()
                .filter(j -> vm().candidate().profileProperty().get().applications().stream()
                        .noneMatch(a -> a.jobTitle().equals(j.title())))
                .findFirst()
                .orElseThrow());

        robot.clickOn("#candidate-add-to-job");
        robot.clickOn(FxWaits.shown(robot, job.title()));

        waitFor(
                "the application on the server",
                () -> server.count("select count(*) from applications where candidate_id = '" + person
                                + "' and job_id = '" + job.id() + "' and stage = 'new'")
                        == 1);
        waitFor(
                "listed in the panel",
                () -> fx(() -> vm().candidate().profileProperty().get().applications().stream()
                        .anyMatch(a -> a.jobTitle().equals(job.title()))));
        assertThat(fx(() -> vm().candidate().jobs().contains(job)))
                .as("no longer offered")
                .isFalse();
    }

    @Test
    void aRefusedPipelinesMoveIsSaidInPipelinesNotInConversations() {
        UUID application = UUID.fromString(server.text("select id::text from applications limit 1"));

        app.session()
                .orElseThrow()
                .engine()
                .submit(
                        PipelineMutations.MOVE_APPLICATION,
                        new PipelineMutations.MoveApplication(application, "nowhere", null, null),
                        List.of());

        waitFor(
                "the rejection in the status bar",
                () -> label(robot, StatusBarView.ERROR_ID).startsWith("The move was undone"));
        assertThat(label(robot, ConversationsView.NOTICE_ID)).isEmpty();
        assertThat(shown(ConversationsView.NOTICE_ID)).isFalse();
        robot.clickOn("#" + PipelinesPane.FACTORY.navigationId());
        waitFor("the Pipelines pane", () -> shown(PipelinesView.ID));
        assertThat(label(robot, PipelinesView.NOTICE_ID)).startsWith("The move was undone: A pipeline stage is one of");
    }

    @Test
    void aCannedResponseMadeInTheDialogReachesTheServerAndTheTeam() {
        String shortcut = "greet" + UUID.randomUUID().toString().substring(0, 4);
        robot.interact(() -> vm().canned().open(shortcut));
        waitFor("the dialog", () -> shown(ConversationsView.CANNED_ID));
        robot.clickOn("#canned-response-body").write("Good morning!");
        robot.clickOn("#canned-response-save");

        waitFor(
                "the server's row",
                () -> server.count("select count(*) from canned_responses where shortcut = '" + shortcut + "'") == 1);
        assertThat(server.text("select body from canned_responses where shortcut = ?", shortcut))
                .isEqualTo("Good morning!");
        waitFor("sent", () -> "Nothing pending".equals(label(robot, StatusBarView.PENDING_ID)));
    }

    @Test
    void searchFindsAWordFromAnOldMessageInAnyStatus() {
        UUID archived = conversationWhere("c.status = 'archived'");

        robot.clickOn("#" + ConversationsView.SEARCH_ID).write("wrong number");

        waitFor(
                "the old conversation found",
                () -> row(archived)
                        .map(r -> r.snippet() != null && r.snippet().contains("[wrong] [number]"))
                        .orElse(false));
        assertThat(fx(() -> vm().inbox().rows().stream().allMatch(r -> r.snippet() != null)))
                .as("only matching conversations are listed")
                .isTrue();
    }

    @Test
    void theKeyboardMovesThroughTheInboxAssignsAndShowsItsHelp() {
        UUID first = fx(() -> vm().inbox().rows().get(0).conversationId());
        UUID second = fx(() -> vm().inbox().rows().get(1).conversationId());
        robot.clickOn("#" + ConversationsView.INBOX_LIST_ID);
        robot.interact(() -> vm().inbox().select(first));

        robot.type(KeyCode.J);
        waitFor(
                "the next conversation",
                () -> fx(() ->
                        second.equals(vm().inbox().selectedProperty().get().conversationId())));
        robot.type(KeyCode.K);
        waitFor(
                "back",
                () -> fx(
                        () -> first.equals(vm().inbox().selectedProperty().get().conversationId())));
        robot.type(KeyCode.A);
        waitFor(
                "assigned to me",
                () -> fx(() -> "You".equals(vm().thread().assigneeProperty().get())));

        robot.write("?");
        waitFor("the help", () -> shown(ConversationsView.HELP_ID));
        robot.type(KeyCode.ESCAPE);
        waitFor("the help closed", () -> !shown(ConversationsView.HELP_ID));
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitFor(
                "the search focused",
                () -> robot.lookup("#" + ConversationsView.SEARCH_ID).query().isFocused());
    }

    /** The stage TestFX gives every test, for code that needs one. */
    static Stage stage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }
}
