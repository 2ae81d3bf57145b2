package com.recruitdesk.app.ui;

import static com.recruitdesk.app.ui.FxWaits.fx;
import static com.recruitdesk.app.ui.FxWaits.label;
import static com.recruitdesk.app.ui.FxWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.cohorts.CohortsPane;
import com.recruitdesk.app.cohorts.data.CohortBook;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.server.support.CohortFixture;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A student's demographics and link in the Cohorts tab, as an institution admin against the real
 * server: entered when enrolling (a bad age refused before anything is queued), corrected offline
 * and delivered on reconnect, a new link made (the old one ends), the link sent on WhatsApp by the
 * server as the approved template, and a student with no number told apart with the server's sentence.
 */
@Tag("ui")
class StudentDetailTest {
    private static LiveServer server;
    private static CohortFixture cohorts;

    @TempDir
    static Path home;

    private static final FxRobot robot = new FxRobot();
    private static RecruitDeskApp app;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = LiveServer.withoutDemo();
        cohorts = CohortFixture.create(server.first());
        UUID number = UUID.fromString(server.text(
                "insert into whatsapp_accounts (organization_id, display_name, phone)"
                        + " values (?, 'Student line', '+27110000019') returning id",
                cohorts.organization));
        server.execute(
                "insert into message_templates (organization_id, whatsapp_account_id, name, language, category, status,"
                        + " components) values (?, ?, 'cohort_upload_link', 'en_US', 'utility', 'approved', ?::jsonb)",
                cohorts.organization,
                number,
                "[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, please upload your documents for {{2}} on this page: {{3}}"
                        + " Reply here if you need help.\"}]");
        app = WindowSignIn.open(robot, home, server.url(), CohortFixture.ADMIN_A);
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static ListView<CohortBook.Student> students() {
        return robot.lookup("#cohort-students").queryAs(ListView.class);
    }

    private static void type(String id, String text) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(TextField.class).clear());
        robot.clickOn("#" + id).write(text);
    }

    /** Presses a button of the student's details, which may lie below the fold of the tab's scroll pane. */
    private static void press(String id) {
        robot.interact(() -> robot.lookup("#" + id)
                .queryAs(javafx.scene.control.Button.class)
                .fire());
    }

    @SuppressWarnings("unchecked")
    private static void pick(String id, String value) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(ComboBox.class).setValue(value));
    }

    private static String onServer(String field) {
        return server.text(
                "select e.student_data ->> ? from cohort_enrollments e join candidates p on p.id = e.candidate_id"
                        + " where p.email = 'thandeka@student.test'",
                field);
    }

    private static void selectStudent(String name) {
        waitFor(
                "the student listed",
                () -> fx(() ->
                        students().getItems().stream().anyMatch(s -> s.name().equals(name))));
        robot.interact(() -> students().getItems().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .ifPresent(s -> students().getSelectionModel().select(s)));
        waitFor("the student's details", () -> label(robot, "student-name").equals(name));
    }

    @Test
    void demographicsAreEnteredCorrectedOfflineAndTheLinkIsRenewedAndSent() {
        robot.clickOn("#" + CohortsPane.FACTORY.navigationId());
        robot.clickOn("Cohorts and students");
        waitFor(
                "the institution's cohort",
                () -> fx(() -> robot.lookup("#cohort-list")
                                .queryAs(ListView.class)
                                .getItems()
                                .size()
                        == 1));
        robot.interact(() -> robot.lookup("#cohort-list")
                .queryAs(ListView.class)
                .getSelectionModel()
                .select(0));

        type("enrol-name", "Thandeka Ndlovu");
        type("enrol-email", "thandeka@student.test");
        type("enrol-whatsapp", "+27820000071");
        type("enrol-age", "12");
        pick("enrol-gender", "female");
        type("enrol-city", "Soweto");
        robot.clickOn("#enrol-student");
        waitFor("the bad age explained", () -> label(robot, "cohorts-notice").contains("between 15 and 80, not 12"));
        assertThat(bannerStyle())
                .as("a problem looks like one")
                .contains("notice")
                .doesNotContain("done");
        assertThat(server.count("select count(*) from candidates where email = 'thandeka@student.test'"))
                .isZero();

        type("enrol-age", "23");
        robot.clickOn("#enrol-student");
        waitFor("the student on the server with their demographics", () -> "23".equals(onServer("age")));
        assertThat(onServer("gender")).isEqualTo("female");
        assertThat(onServer("city")).isEqualTo("Soweto");

        selectStudent("Thandeka Ndlovu");
        waitFor(
                "their demographics shown",
                () -> fx(() -> robot.lookup("#student-city")
                                .queryAs(TextField.class)
                                .getText())
                        .equals("Soweto"));

        // Offline: the correction is kept on this computer and leaves when the server is back.
        server.stop();
        type("student-city", "Durban");
        pick("student-race", "african");
        press("student-save");
        waitFor("the save said", () -> label(robot, "cohorts-notice").startsWith("Saved Thandeka Ndlovu's details"));
        assertThat(bannerStyle())
                .as("something done does not look like an error")
                .contains("done")
                .doesNotContain("notice");
        assertThat(onServer("city")).isEqualTo("Soweto");
        server.restart();
        waitFor("the correction on the server", () -> "Durban".equals(onServer("city")));
        assertThat(onServer("race")).isEqualTo("african");
        assertThat(onServer("age")).isEqualTo("23");

        press("student-new-link");
        waitFor(
                "the new link on the server",
                () -> server.count(
                                "select count(*) from cohort_enrollments e join candidates p on p.id = e.candidate_id"
                                        + " where p.email = 'thandeka@student.test' and e.invitation_generation = 2")
                        == 1);

        press("student-send-link");
        waitFor(
                "the template with the link queued by the server",
                () -> server.count("select count(*) from messages m join candidates p on p.id = m.candidate_id"
                                + " where p.email = 'thandeka@student.test' and m.type = 'template'"
                                + " and m.body like 'Hi Thandeka, please upload your documents for Retail Learnership 2026"
                                + " on this page: " + server.url() + "/enroll/%'")
                        == 1);
        assertThat(server.count("select count(*) from document_verifications v join cohort_enrollments e"
                        + " on e.id = v.cohort_enrollment_id join candidates p on p.id = e.candidate_id"
                        + " where p.email = 'thandeka@student.test' and v.action in ('link_issued', 'link_sent')"))
                .isEqualTo(2);
    }

    @Test
    void aStudentWithoutAWhatsAppNumberIsToldApartWithTheServersSentence() {
        cohorts.enroll(cohorts.cohortA, "Pieter Smit");
        robot.clickOn("#" + CohortsPane.FACTORY.navigationId());
        robot.clickOn("Cohorts and students");
        robot.interact(() -> robot.lookup("#cohort-list")
                .queryAs(ListView.class)
                .getSelectionModel()
                .select(0));
        selectStudent("Pieter Smit");

        press("student-send-link");

        waitFor(
                "the refusal explained",
                () -> label(robot, "cohorts-notice")
                        .startsWith("The link was not sent on WhatsApp: Pieter Smit has no WhatsApp number"),
                () -> ": " + label(robot, "cohorts-notice"));
        assertThat(server.count("select count(*) from messages m join candidates p on p.id = m.candidate_id"
                        + " where p.full_name = 'Pieter Smit'"))
                .isZero();
    }

    /** The style classes of the band that shows the Cohorts tab's notice. */
    private java.util.List<String> bannerStyle() {
        return fx(() -> java.util.List.copyOf(
                robot.lookup("#cohorts-notice").query().getParent().getStyleClass()));
    }
}
