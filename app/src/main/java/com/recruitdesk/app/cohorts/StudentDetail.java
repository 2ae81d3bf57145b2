package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.cohorts.data.CohortBook;
import com.recruitdesk.app.cohorts.data.CohortCommands;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.widgets.Notice;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One enrolled student in the Cohorts tab: their states, seed 004's demographics to correct (checked
 * as the server checks them, saved offline too), and their upload link: copied, made again (the old
 * one stops working) or sent on WhatsApp by the server.
 */
final class StudentDetail {
    private final CohortCommands commands;
    private final TrailActions links;
    private final TaskExecutor tasks;
    private final Times times;
    private final Notice say;
    private final DemographicsForm demographics = new DemographicsForm("student");
    private final Label name = new Label();
    private final Label link = new Label();
    private final VBox box = new VBox(8);
    private CohortBook.Student showing;
    /** The last student shown: the list clears its selection while it reloads, and the form keeps its typing. */
    private java.util.UUID lastShown;

    StudentDetail(CohortCommands commands, TrailActions links, TaskExecutor tasks, Times times, Notice say) {
        this.commands = commands;
        this.links = links;
        this.tasks = tasks;
        this.times = times;
        this.say = say;
    }

    Node create() {
        name.getStyleClass().add("cohort-strong");
        name.setId("student-name");
        link.getStyleClass().add("cohort-muted");
        link.setId("student-link");
        link.setWrapText(true);
        Button save = button("Save details", "student-save", this::save);
        Button copy = button("Copy upload link", "student-copy-link", () -> links.copyLink(id(), who(), say));
        Button renew = button("New link", "student-new-link", () -> links.reissueLink(id(), who(), say));
        Button send = button("Send link on WhatsApp", "student-send-link", () -> links.sendLink(id(), who(), say));
        FlowPane linkActions = new FlowPane(6, 6, copy, renew, send);
        HBox saveLine = new HBox(8, save);
        saveLine.setAlignment(Pos.CENTER_LEFT);
        box.setId("student-detail");
        box.getChildren().setAll(name, demographics.node(), saveLine, link, linkActions);
        show(null);
        return box;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Shows {@code student}, or nothing. A student shown again keeps what is being typed. */
    void show(CohortBook.Student student) {
        boolean same = student != null && student.enrollmentId().equals(lastShown);
        showing = student;
        box.setVisible(student != null);
        box.setManaged(student != null);
        if (student == null) {
            return;
        }
        name.setText(student.name());
        link.setText(
                student.linkExpiresAt() == null
                        ? "Upload link: works while the cohort takes documents."
                        : "Upload link works until " + times.inList(student.linkExpiresAt()) + ".");
        if (!same) {
            demographics.show(student.studentData());
        }
        lastShown = student.enrollmentId();
    }

    private void save() {
        CohortBook.Student s = showing;
        if (s == null) {
            return;
        }
        var problem = demographics.problem();
        if (problem.isPresent()) {
            say.problem(problem.get());
            return;
        }
        var values = demographics.values();
        tasks.run(
                () -> {
                    commands.saveStudentData(s.enrollmentId(), values);
                    return null;
                },
                done -> say.done("Saved " + s.name() + "'s details."),
                e -> say.problem("That was not saved: " + e.getMessage()));
    }

    private java.util.UUID id() {
        return showing.enrollmentId();
    }

    private String who() {
        return showing.name();
    }
}
