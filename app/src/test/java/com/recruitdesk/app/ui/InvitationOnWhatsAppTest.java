package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.cohorts.CohortsPane;
import com.recruitdesk.app.cohorts.data.CohortBook;
import com.recruitdesk.app.cohorts.data.ReviewItem;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.server.support.CohortFixture;
import com.recruitdesk.server.support.SampleFiles;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * An administrator sends a student their upload link on WhatsApp from the review station: the server
 * sends the approved template with the link, outside the 24-hour window too; a student with no number
 * is told apart and nothing is sent. The cohort editor offers only the sponsors of the cohort's
 * institution.
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
        server.execute(
                "update candidates set whatsapp_id = '+27820000091'"
                        + " where id = (select candidate_id from cohort_enrollments where id = ?)",
                reachable);
        UUID account = UUID.fromString(server.text(
                "insert into whatsapp_accounts (organization_id, display_name, phone)"
                        + " values (?, 'Main line', '+27110000009') returning id",
                cohorts.organization));
        server.execute(
                "insert into message_templates (organization_id, whatsapp_account_id, name, language, category, status,"
                        + " components) values (?, ?, 'cohort_upload_link', 'en_US', 'utility', 'approved', ?::jsonb)",
                cohorts.organization,
                account,
                "[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, please upload your documents for {{2}} on this page: {{3}}"
                        + " Reply here if you need help.\"}]");
        // Naledi last wrote two days ago: the 24-hour window is closed, and a template still goes.
        server.execute(
                "insert into conversations (organization_id, whatsapp_account_id, candidate_id, status,"
                        + " last_message_at, last_inbound_at)"
                        + " select organization_id, ?, candidate_id, 'open', now() - interval '2 days',"
                        + " now() - interval '2 days' from cohort_enrollments where id = ?",
                account,
                reachable);
        server.execute(
                "insert into sponsors (organization_id, institution_id, company_name) values (?, ?, 'Acme Bank'),"
                        + " (?, ?, 'Cape Mutual')",
                cohorts.organization,
                cohorts.institutionA,
                cohorts.organization,
                cohorts.institutionB);
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
                        + "' and m.direction = 'outbound' and m.type = 'template' and m.body like '%/enroll/%'");
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
    void theLinkGoesAsTheApprovedTemplateAndAStudentWithoutANumberIsToldApart() {
        robot.clickOn("#" + CohortsPane.FACTORY.navigationId());
        robot.clickOn("Review");
        waitFor("both students in the queue", () -> fx(() -> queue().getItems().size() == 2));

        select(unreachable);
        robot.clickOn("#send-link");
        waitFor(
                "no number said",
                () -> label(robot, "trail-notice")
                        .startsWith("The link was not sent on WhatsApp: Pieter Smit has no WhatsApp number"),
                () -> ": " + label(robot, "trail-notice"));
        assertThat(linksSentTo(unreachable)).isZero();

        select(reachable);
        robot.clickOn("#send-link");
        waitFor("the send said", () -> label(robot, "trail-notice").startsWith("Sending Naledi Khumalo"));
        waitFor("the template with the link on the server", () -> linksSentTo(reachable) == 1);
        String body = server.text(
                "select m.body from messages m join cohort_enrollments e on e.candidate_id = m.candidate_id"
                        + " where e.id = ? and m.direction = 'outbound'",
                reachable);
        assertThat(body)
                .startsWith("Hi Naledi, please upload your documents for Retail Learnership 2026 on this page: "
                        + server.url() + "/enroll/");
        waitFor(
                "the send in the student's trail on the server",
                () -> server.count("select count(*) from document_verifications where action = 'link_sent'"
                                + " and cohort_enrollment_id = '" + reachable + "'")
                        == 1);
        waitFor(
                "the send in the trail beside the document",
                () -> fx(() -> robot.lookup("#review-trail").queryAll().stream()
                        .anyMatch(n ->
                                !robot.from(n).lookup("Link sent").queryAll().isEmpty())));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCohortEditorOffersOnlyTheSponsorsOfTheCohortsInstitution() {
        robot.clickOn("#" + CohortsPane.FACTORY.navigationId());
        robot.clickOn("Cohorts and students");
        waitFor(
                "the cohorts of both institutions",
                () -> fx(() -> robot.lookup("#cohort-list")
                                .queryAs(ListView.class)
                                .getItems()
                                .size()
                        >= 2));
        robot.interact(() -> {
            ListView<CohortBook.Cohort> list = robot.lookup("#cohort-list").queryAs(ListView.class);
            list.getItems().stream()
                    .filter(c -> c.id().equals(cohorts.cohortA))
                    .findFirst()
                    .ifPresent(c -> list.getSelectionModel().select(c));
        });
        ComboBox<CohortBook.Choice> sponsor = robot.lookup("#cohort-sponsor").queryAs(ComboBox.class);
        waitFor(
                "only institution A's sponsor offered",
                () -> fx(() -> sponsor.getItems().stream()
                                .map(CohortBook.Choice::name)
                                .toList())
                        .equals(java.util.List.of("No sponsor", "Acme Bank")));

        robot.clickOn("#cohort-new");
        ComboBox<CohortBook.Choice> institution =
                robot.lookup("#cohort-institution").queryAs(ComboBox.class);
        robot.interact(() -> institution.getItems().stream()
                .filter(i -> i.id().equals(cohorts.institutionB))
                .findFirst()
                .ifPresent(institution::setValue));
        waitFor(
                "only institution B's sponsor offered for a new cohort there",
                () -> fx(() -> sponsor.getItems().stream()
                                .map(CohortBook.Choice::name)
                                .toList())
                        .equals(java.util.List.of("No sponsor", "Cape Mutual")));
    }
}
