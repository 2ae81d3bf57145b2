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
import java.util.List;
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
 * The Cohorts and Sponsors tabs in the real window (headless) against the real server, as an
 * institution admin: a cohort made, started and given a student; a student without a way to reach
 * them is not sent; a cohort named like another of the institution is refused by the server, taken
 * back and explained; a sponsor added, and one with a broken email refused the same way; a sponsor and a
 * cohort saved offline reach the server when it is back.
 */
@Tag("ui")
class CohortsTabTest {
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
        app = WindowSignIn.open(robot, home, server.url(), CohortFixture.ADMIN_A);
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static ListView<CohortBook.Cohort> list() {
        return robot.lookup("#cohort-list").queryAs(ListView.class);
    }

    private static List<String> names() {
        return fx(() -> list().getItems().stream().map(CohortBook.Cohort::name).toList());
    }

    private static void type(String id, String text) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(TextField.class).clear());
        robot.clickOn("#" + id).write(text);
    }

    @Test
    void aCohortIsMadeStartedAndGivenAStudentAndADuplicateNameIsRefused() {
        robot.clickOn("#" + CohortsPane.FACTORY.navigationId());
        robot.clickOn("Cohorts and students");
        waitFor("the institution's cohort", () -> names().contains("Retail Learnership 2026"));

        robot.clickOn("#cohort-new");
        type("cohort-name", "Winter Internship 2027");
        type("cohort-count", "12");
        robot.clickOn("#cohort-save");
        waitFor("the new cohort listed", () -> names().contains("Winter Internship 2027"));
        waitFor(
                "the cohort on the server",
                () -> server.count("select count(*) from cohorts where name = 'Winter Internship 2027'"
                                + " and institution_id = '" + cohorts.institutionA + "' and student_count = 12"
                                + " and state = 'draft'")
                        == 1);

        waitFor(
                "the cohort's start offered",
                () -> fx(() -> robot.lookup("#cohort-move-active").query().isVisible()));
        robot.clickOn("#cohort-move-active");
        waitFor(
                "the cohort started on the server",
                () -> server.count("select count(*) from cohorts where name = 'Winter Internship 2027'"
                                + " and state = 'active'")
                        == 1);

        type("enrol-name", "Zanele Mokoena");
        robot.clickOn("#enrol-student");
        waitFor(
                "the missing email explained",
                () -> label(robot, "cohorts-notice").contains("an email or a WhatsApp number"));
        type("enrol-email", "zanele@student.test");
        robot.clickOn("#enrol-student");
        waitFor(
                "the student on the server",
                () -> server.count("select count(*) from cohort_enrollments e join cohorts k on k.id = e.cohort_id"
                                + " join candidates p on p.id = e.candidate_id"
                                + " where k.name = 'Winter Internship 2027' and p.email = 'zanele@student.test'")
                        == 1);
        waitFor(
                "the student listed with their states",
                () -> fx(() -> robot.lookup("#cohort-students").queryAs(ListView.class).getItems().stream()
                        .map(s -> ((CohortBook.Student) s).name() + "/" + ((CohortBook.Student) s).verification())
                        .toList()
                        .equals(List.of("Zanele Mokoena/pending"))));

        robot.clickOn("#cohort-new");
        type("cohort-name", "Winter Internship 2027");
        robot.clickOn("#cohort-save");
        waitFor(
                "the refusal explained",
                () -> label(robot, "cohorts-notice").startsWith("The cohort was not saved"),
                () -> ": " + label(robot, "cohorts-notice"));
        waitFor(
                "the refused cohort taken back",
                () -> names().stream().filter("Winter Internship 2027"::equals).count() == 1);
        assertThat(server.count("select count(*) from cohorts where name = 'Winter Internship 2027'"))
                .isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> sponsors() {
        return fx(() -> ((ListView<CohortBook.Sponsor>)
                        robot.lookup("#sponsor-list").queryAs(ListView.class))
                .getItems().stream().map(CohortBook.Sponsor::companyName).toList());
    }

    @Test
    void aSponsorIsAddedAndOneWithABrokenEmailIsRefused() {
        robot.clickOn("#" + CohortsPane.FACTORY.navigationId());
        robot.clickOn("Sponsors");
        robot.clickOn("#sponsor-new");
        type("sponsor-company", "Acme Bank");
        type("sponsor-contact", "Grace Mahlangu");
        type("sponsor-email", "Grants@Acme.test");
        type("sponsor-tax", "9012345678");
        robot.clickOn("#sponsor-save");
        waitFor("the sponsor listed", () -> sponsors().contains("Acme Bank"));
        waitFor(
                "the sponsor on the server",
                () -> server.count("select count(*) from sponsors where company_name = 'Acme Bank'"
                                + " and contact_email = 'grants@acme.test' and tax_number = '9012345678'"
                                + " and institution_id = '" + cohorts.institutionA + "'")
                        == 1);

        robot.clickOn("#sponsor-new");
        type("sponsor-company", "Broken Email Ltd");
        type("sponsor-email", "not an email");
        robot.clickOn("#sponsor-save");
        waitFor(
                "the refusal explained",
                () -> label(robot, "sponsors-notice").startsWith("The sponsor was not saved"),
                () -> ": " + label(robot, "sponsors-notice"));
        waitFor("the refused sponsor taken back", () -> !sponsors().contains("Broken Email Ltd"));
        assertThat(server.count("select count(*) from sponsors where company_name = 'Broken Email Ltd'"))
                .isZero();
    }

    @Test
    void aSponsorAndACohortSavedOfflineLandOnTheServerWhenItIsBack() {
        robot.clickOn("#" + CohortsPane.FACTORY.navigationId());
        robot.clickOn("Sponsors");
        server.stop();
        robot.clickOn("#sponsor-new");
        type("sponsor-company", "Offline Trust");
        type("sponsor-email", "grants@offline-trust.test");
        robot.clickOn("#sponsor-save");
        waitFor("the sponsor listed while offline", () -> sponsors().contains("Offline Trust"));
        robot.clickOn("Cohorts and students");
        robot.clickOn("#cohort-new");
        type("cohort-name", "Offline Learnership 2027");
        robot.clickOn("#cohort-save");
        waitFor("the cohort listed while offline", () -> names().contains("Offline Learnership 2027"));
        assertThat(server.count("select count(*) from sponsors where company_name = 'Offline Trust'"))
                .isZero();

        server.restart();

        waitFor(
                "both on the server, in order",
                () -> server.count("select count(*) from sponsors where company_name = 'Offline Trust'"
                                        + " and institution_id = '" + cohorts.institutionA + "'")
                                == 1
                        && server.count("select count(*) from cohorts where name = 'Offline Learnership 2027'"
                                        + " and institution_id = '" + cohorts.institutionA + "'")
                                == 1);
        waitFor(
                "nothing left pending",
                () -> label(robot, com.recruitdesk.app.status.StatusBarView.PENDING_ID)
                        .equals("Nothing pending"));
    }
}
