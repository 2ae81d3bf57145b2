package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.cohorts.CohortsPane;
import com.recruitdesk.app.cohorts.data.ReviewItem;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.server.support.CohortFixture;
import com.recruitdesk.server.support.SampleFiles;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * An administrator sends a student their upload link on WhatsApp from the review station, as a reply
 * in the student's conversation; a student with no conversation is told apart, and nothing is sent.
 */
@Tag("ui")
class InvitationOnWhatsAppTest {
    private static LiveServer server;
    private static CohortFixture cohorts;
    private static UUID reachable;
    private static UUID unreachable;

    @TempDir
    static Path home;

    private static final FxRobot robot = new FxRobot();
    private static RecruitDeskApp app;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = LiveServer.withoutDemo();
        cohorts = CohortFixture.create(server.first());
        reachable = studentWithADocument("Naledi Khumalo");
        unreachable = studentWithADocument("Pieter Smit");
        UUID account = UUID.fromString(server.text(
                "insert into whatsapp_accounts (organization_id, display_name, phone)"
                        + " values (?, 'Main line', '+27110000009') returning id",
                cohorts.organization));
        server.execute(
                "insert into conversations (organization_id, whatsapp_account_id, candidate_id, status,"
                        + " last_message_at, last_inbound_at)"
                        + " select organization_id, ?, candidate_id, 'open', now(), now()"
                        + " from cohort_enrollments where id = ?",
                account,
                reachable);
        app = WindowSignIn.open(robot, home, server.url(), "admin@demo.test");
    }

    private static UUID studentWithADocument(String name) {
        UUID e = cohorts.enroll(cohorts.cohortA, name);
        cohorts.upload(e, "id_document", "image/jpeg", SampleFiles.image(name + " ID", "jpg"));
        return e;
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static ListView<ReviewItem> queue() {
        return robot.lookup("#review-queue").queryAs(ListView.class);
    }

    private static long linksSentTo(UUID enrollment) {
        return server.count(
                "select count(*) from messages m join cohort_enrollments e on e.candidate_id = m.candidate_id"
                        + " where e.id = '" + enrollment
                        + "' and m.direction = 'outbound' and m.body like '%/enroll/%'");
    }

    private static void select(UUID enrollment) {
        robot.interact(() -> queue().getItems().stream()
                .filter(i -> i.enrollmentId().equals(enrollment))
                .findFirst()
                .ifPresent(i -> queue().getSelectionModel().select(i)));
        waitFor(
                "the student's document shown",
                () -> fx(() -> queue().getSelectionModel().getSelectedItem() != null
                        && queue().getSelectionModel()
                                .getSelectedItem()
                                .enrollmentId()
                                .equals(enrollment)));
    }

    @Test
    void theLinkGoesAsAReplyInTheStudentsConversationAndAStudentWithoutOneIsToldApart() {
        robot.clickOn("#" + CohortsPane.FACTORY.navigationId());
        waitFor("both students in the queue", () -> fx(() -> queue().getItems().size() == 2));

        select(unreachable);
        robot.clickOn("#send-link");
        waitFor(
                "no conversation said",
                () -> label(robot, "trail-notice").startsWith("There is no WhatsApp conversation with Pieter Smit"));
        assertThat(linksSentTo(unreachable)).isZero();

        select(reachable);
        robot.clickOn("#send-link");
        waitFor("the link sent said", () -> label(robot, "trail-notice").startsWith("Sent Naledi Khumalo"));
        waitFor("the reply with the link on the server", () -> linksSentTo(reachable) == 1);
        String body = server.text(
                "select m.body from messages m join cohort_enrollments e on e.candidate_id = m.candidate_id"
                        + " where e.id = ? and m.direction = 'outbound'",
                reachable);
        assertThat(body)
                .startsWith("Hello Naledi Khumalo, please upload your documents for ")
                .contains("/enroll/");
    }
}
