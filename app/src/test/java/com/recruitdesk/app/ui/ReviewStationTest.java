package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.cohorts.data.ReviewItem;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.server.support.CohortFixture;
import com.recruitdesk.server.support.SampleFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
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
 * The review station in the real window (headless), signed in as an institution admin, against the
 * real server: a keyboard batch through ten documents, a rejection with a reason, undo, a decision made
 * offline and delivered on reconnect, and one refused because the student uploaded again meanwhile.
 */
@Tag("ui")
class ReviewStationTest {
    private static LiveServer server;
    private static CohortFixture cohorts;

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private RecruitDeskApp app;

    @BeforeAll
    static void startServer() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = LiveServer.withoutDemo();
        cohorts = CohortFixture.create(server.first());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startApp() throws Exception {
        server.restart();
        app = WindowSignIn.open(robot, home, server.url(), CohortFixture.ADMIN_A);
        // What an earlier test left waiting is decided elsewhere, so each test starts from an empty queue.
        server.execute(
                "update uploaded_documents set verification_state = 'verified' where verification_state = 'pending'");
        waitFor(
                "an empty queue",
                () -> robot.lookup("#review-queue").tryQuery().isPresent()
                        && shownQueue().isEmpty());
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @SuppressWarnings("unchecked")
    private ListView<ReviewItem> queue() {
        return robot.lookup("#review-queue").queryAs(ListView.class);
    }

    private List<ReviewItem> shownQueue() {
        return fx(() -> List.copyOf(queue().getItems()));
    }

    private ReviewItem selected() {
        return fx(() -> queue().getSelectionModel().getSelectedItem());
    }

    /** Waits until the selected document's page is on screen (a decision needs it). */
    private ReviewItem awaitShown() {
        waitFor(
                "a page on screen",
                () -> fx(() -> {
                    ImageView page = robot.lookup("#review-page").queryAs(ImageView.class);
                    return page.getImage() != null
                            && queue().getSelectionModel().getSelectedItem() != null;
                }));
        return selected();
    }

    private void press(KeyCode... keys) {
        if (!fx(() -> robot.lookup("#cohorts-pane").query().isFocused())) {
            robot.clickOn("#review-summary"); // the station has the keys once clicked
        }
        for (KeyCode k : keys) {
            robot.type(k);
        }
    }

    private static UUID enrollmentWith(String name, int documents) {
        UUID e = cohorts.enroll(cohorts.cohortA, name);
        String[] types = {"id_document", "matric_certificate", "proof_of_address"};
        for (int i = 0; i < documents; i++) {
            byte[] bytes = i % 3 == 0
                    ? SampleFiles.image(name + " ID", "jpg")
                    : SampleFiles.pdf(name + " document " + i, 1 + i % 3);
            cohorts.upload(e, types[i % 3], i % 3 == 0 ? "image/jpeg" : "application/pdf", bytes);
        }
        return e;
    }

    private long decisions(String where) {
        return server.count("select count(*) from document_verifications where " + where);
    }

    @Test
    void aKeyboardBatchDecidesTenDocumentsInOrderWithReasons() {
        List<UUID> batch = List.of(
                enrollmentWith("Ayanda Zulu", 3),
                enrollmentWith("Buhle Nkosi", 3),
                enrollmentWith("Chris Botha", 3),
                enrollmentWith("Dineo Molefe", 1));
        waitFor("ten documents in the queue", () -> shownQueue().size() == 10);
        assertThat(shownQueue().getFirst().student()).isEqualTo("Ayanda Zulu");

        press(KeyCode.J, KeyCode.J, KeyCode.K);
        assertThat(awaitShown()).isEqualTo(shownQueue().get(1));
        press(KeyCode.K);
        for (int i = 0; i < 10; i++) {
            ReviewItem item = awaitShown();
            switch (i) {
                case 2 -> press(KeyCode.R, KeyCode.DIGIT2); // expired
                case 5 -> press(KeyCode.R, KeyCode.DIGIT4); // name does not match
                default -> press(KeyCode.A);
            }
            int left = 9 - i;
            waitFor(
                    "the decision taken off the queue",
                    () -> shownQueue().size() == left
                            && shownQueue().stream()
                                    .noneMatch(q -> q.documentId().equals(item.documentId())));
        }

        waitFor(
                "ten decisions on the server",
                () -> decisions("cohort_enrollment_id in ('"
                                + String.join(
                                        "','",
                                        batch.stream().map(UUID::toString).toList()) + "')")
                        == 10);
        assertThat(decisions("reason_code = 'expired'")).isEqualTo(1);
        assertThat(decisions("reason_code = 'name_mismatch'")).isEqualTo(1);
        assertThat(decisions("action = 'approved' and cohort_enrollment_id = '" + batch.get(3) + "'"))
                .isEqualTo(1);
        assertThat(server.count("select count(*) from document_verifications v join uploaded_documents d"
                        + " on d.id = v.uploaded_document_id where v.file_sha256 <> d.sha256"))
                .as("every decision names the bytes of its document")
                .isZero();
        var store = app.session().orElseThrow().store();
        waitFor("nothing left to send", () -> store.pendingCount() == 0, () -> ": " + store.pending(20));
        assertThat(store.rejections()).as("no decision was refused").isEmpty();
    }

    @Test
    void offlineARejectionIsUndoneAndTheNextDecisionLeavesOnReconnect() {
        UUID e = enrollmentWith("Offline Student", 1);
        waitFor(
                "the document in the queue",
                () -> shownQueue().stream().anyMatch(i -> i.enrollmentId().equals(e)));
        ReviewItem item = awaitShown();
        server.stop();
        waitFor("Offline", () -> !label(robot, StatusBarView.STATE_ID).equals("Online"));

        press(KeyCode.R);
        waitFor(
                "the reasons",
                () -> fx(() -> robot.lookup("#reason-picker").query().isVisible()));
        press(KeyCode.DIGIT1);
        waitFor("the document off the queue", () -> shownQueue().isEmpty());
        waitFor("undo offered", () -> fx(() -> !robot.lookup("#undo").query().isDisabled()));
        press(KeyCode.U);
        waitFor("the document back", () -> shownQueue().size() == 1);
        assertThat(label(robot, "review-last-decision")).contains("Undone");
        assertThat(awaitShown().documentId()).isEqualTo(item.documentId());
        press(KeyCode.A);
        waitFor("the approval queued", () -> shownQueue().isEmpty());
        assertThat(decisions("cohort_enrollment_id = '" + e + "'")).isZero();

        server.restart();
        waitFor("the approval delivered", () -> decisions("cohort_enrollment_id = '" + e + "'") == 1);
        assertThat(decisions("cohort_enrollment_id = '" + e + "' and action = 'approved'"))
                .isEqualTo(1);
        assertThat(server.count("select count(*) from cohort_enrollments where id = '" + e
                        + "' and document_verification_state = 'pending' and state = 'in_progress'"))
                .isEqualTo(1);
    }

    @Test
    void aDecisionOnAFileTheStudentReplacedMeanwhileIsRefusedAndSaidWhy() {
        UUID e = enrollmentWith("Busy Student", 1);
        waitFor(
                "the document in the queue",
                () -> shownQueue().stream().anyMatch(i -> i.enrollmentId().equals(e)));
        awaitShown();
        server.stop();
        waitFor("Offline", () -> !label(robot, StatusBarView.STATE_ID).equals("Online"));
        press(KeyCode.A);
        waitFor("the approval queued", () -> shownQueue().isEmpty());

        cohorts.upload(e, "id_document", "application/pdf", SampleFiles.pdf("A better scan", 1));
        server.restart();

        waitFor("the refusal said", () -> label(robot, "review-notice").contains("after you opened this one"));
        assertThat(label(robot, "review-notice")).startsWith("Your decision on the document was undone");
        assertThat(decisions("cohort_enrollment_id = '" + e + "'")).isZero();
        waitFor("the new file in the queue", () -> shownQueue().size() == 1);
    }
}
