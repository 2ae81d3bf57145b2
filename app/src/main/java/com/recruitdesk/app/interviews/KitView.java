package com.recruitdesk.app.interviews;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.interviews.data.FeedbackItem;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.interviews.data.Kit;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.Pills;
import com.recruitdesk.protocol.interviews.InterviewRules;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The interview kit: who and what, when and where, the candidate's summary, the job, the documents
 * on file, the notes and question guide, the panel, and the other scorecards, or how many are
 * sealed until the user's own is in.
 */
final class KitView {
    static final String ID = "interview-kit";
    static final String SEALED_ID = "kit-sealed";
    static final String START_ID = "kit-start";
    static final String END_ID = "kit-end";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private KitView() {}

    static Node create(KitViewModel vm, ZoneId zone, UUID me) {
        VBox body = new VBox(10);
        body.setPadding(new Insets(14, 16, 16, 16));
        body.getStyleClass().add("kit");
        Label problem = new Label();
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        vm.kitProperty().subscribe(kit -> {
            body.getChildren().setAll(kit == null ? List.of(empty()) : content(vm, kit, zone, me));
            body.getChildren().add(problem);
        });
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setId(ID);
        scroll.setMinWidth(320);
        return scroll;
    }

    private static Node empty() {
        Label l = new Label("Choose an interview to see its kit.");
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static List<Node> content(KitViewModel vm, Kit kit, ZoneId zone, UUID me) {
        InterviewItem i = kit.interview();
        Label name = new Label(i.candidateName());
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        HBox title = new HBox(10, name, Pills.of(Labels.status(i.status()), "pill-" + i.status()));
        title.setAlignment(Pos.CENTER_LEFT);
        Label what = wrap(Labels.what(i));
        what.getStyleClass().add(Styles.TEXT_MUTED);
        String when = DAY.format(i.scheduledAt().atZone(zone)) + "–"
                + CLOCK.format(i.endsAt().atZone(zone));
        if (i.timezone() != null && !ZoneId.of(i.timezone()).equals(zone)) {
            when += "  (" + CLOCK.format(i.scheduledAt().atZone(ZoneId.of(i.timezone()))) + " in " + i.timezone() + ")";
        }
        Label whenLabel = wrap(when);
        VBox out = new VBox(4, title, what, whenLabel, where(vm, i), actions(vm, i));
        List<Node> nodes = new java.util.ArrayList<>(List.of(out));
        if (i.status().equals("cancelled") && i.cancellationReason() != null) {
            nodes.add(text("Cancelled", i.cancellationReason()));
        }
        nodes.add(candidate(kit.candidate()));
        if (kit.job() != null) {
            nodes.add(job(kit.job()));
        }
        nodes.add(documents(vm, kit.documents()));
        if (i.preparationNotes() != null) {
            nodes.add(text("Preparation", i.preparationNotes()));
        }
        if (i.questionGuide() != null) {
            nodes.add(text("Question guide", i.questionGuide()));
        }
        nodes.add(panel(i, me));
        nodes.add(others(kit));
        return nodes;
    }

    private static Node where(KitViewModel vm, InterviewItem i) {
        if (i.meetingLink() != null) {
            Hyperlink link = new Hyperlink(i.meetingLink());
            link.setOnAction(e -> vm.openLink());
            link.setPadding(Insets.EMPTY);
            return link;
        }
        return new Label(i.meetingRoom() != null ? i.meetingRoom() : Labels.mode(i.mode()));
    }

    private static Node actions(KitViewModel vm, InterviewItem i) {
        HBox row = new HBox(8);
        row.setPadding(new Insets(6, 0, 0, 0));
        if (i.status().equals("scheduled")) {
            Button start = new Button("Start interview");
            start.setId(START_ID);
            start.setOnAction(e -> vm.start());
            Button noShow = new Button("No-show");
            noShow.getStyleClass().add(Styles.FLAT);
            noShow.setOnAction(e -> vm.noShow());
            row.getChildren().addAll(start, noShow);
        } else if (i.status().equals("in_progress")) {
            Button end = new Button("End interview");
            end.setId(END_ID);
            end.getStyleClass().add(Styles.ACCENT);
            end.setOnAction(e -> vm.end());
            row.getChildren().add(end);
        } else if (i.status().equals("completed") && i.actualDurationMinutes() != null) {
            Label took = new Label("Took " + i.actualDurationMinutes() + " minutes");
            took.getStyleClass().add(Styles.TEXT_MUTED);
            row.getChildren().add(took);
        }
        return row;
    }

    private static Node candidate(Kit.Candidate c) {
        VBox box = section("Candidate");
        if (c == null) {
            box.getChildren().add(muted("This computer holds no summary of the candidate."));
            return box;
        }
        line(box, "Now", c.currentJobTitle());
        line(box, "Lives in", c.location());
        line(box, "Experience", c.experience());
        line(box, "Education", c.education());
        line(box, "Email", c.email());
        if (!c.skills().isEmpty()) {
            box.getChildren().add(pills(c.skills()));
        }
        return box;
    }

    private static Node job(Kit.Job j) {
        VBox box = section("Job");
        line(box, "Title", j.title());
        line(box, "Department", j.department());
        line(box, "Works", j.workMode() == null ? null : InterviewRules.label(j.workMode()));
        line(box, "Where", j.locations().isEmpty() ? null : String.join(", ", j.locations()));
        if (!j.requiredSkills().isEmpty()) {
            box.getChildren().add(muted("Skills the job asks for"));
            box.getChildren().add(pills(j.requiredSkills()));
        }
        return box;
    }

    private static Node documents(KitViewModel vm, List<Kit.Document> docs) {
        VBox box = section("Documents");
        if (docs.isEmpty()) {
            box.getChildren().add(muted("No CV or other documents on file."));
        }
        for (Kit.Document d : docs) {
            Button open = new Button(
                    d.filename() + "  (" + InterviewRules.label(d.category()) + ")", Icons.DOCUMENT.node(14));
            open.getStyleClass().add(Styles.FLAT);
            open.setOnAction(e -> vm.open(d));
            box.getChildren().add(open);
        }
        return box;
    }

    private static Node panel(InterviewItem i, UUID me) {
        VBox box = section("Panel");
        int unnamed = 0;
        StringBuilder names = new StringBuilder();
        for (InterviewItem.Seat s : i.panel()) {
            String who = s.userId().equals(me) ? "You" : s.name();
            if (who == null) {
                unnamed++;
                continue;
            }
            if (!names.isEmpty()) {
                names.append(", ");
            }
            names.append(who).append(s.lead() ? " (lead)" : "");
        }
        if (unnamed > 0) {
            names.append(names.isEmpty() ? "" : ", ")
                    .append(unnamed)
                    .append(unnamed == 1 ? " other panelist" : " other panelists");
        }
        box.getChildren().add(new Label(names.toString()));
        return box;
    }

    private static Node others(Kit kit) {
        VBox box = section("Other scorecards");
        boolean mineIn = kit.mine().filter(FeedbackItem::submitted).isPresent();
        if (kit.sealed() > 0) {
            Label sealed = new Label(
                    mineIn
                            ? kit.sealed() + (kit.sealed() == 1 ? " other scorecard stays" : " other scorecards stay")
                                    + " with the recruiters: your organization does not share them with the panel."
                            : "Submit yours to see " + kit.sealed() + (kit.sealed() == 1 ? " other." : " others.")
                                    + " Scorecards stay sealed until your own is in, so nobody is swayed.");
            sealed.setWrapText(true);
            HBox lock = new HBox(8, Icons.LOCK.node(16), sealed);
            lock.setAlignment(Pos.CENTER_LEFT);
            lock.setId(SEALED_ID);
            lock.getStyleClass().add("sealed");
            box.getChildren().add(lock);
        }
        if (kit.others().isEmpty() && kit.sealed() == 0) {
            box.getChildren().add(muted("No other scorecards for this candidate and job yet."));
        }
        for (FeedbackItem f : kit.others()) {
            String rating = FeedbackItem.rating(parse(f.effective("overall_rating")));
            Label head = new Label((f.interviewerName() == null ? "An interviewer" : f.interviewerName()) + ": "
                    + InterviewRules.label(f.effective("recommendation"))
                    + (rating == null ? "" : ", " + rating + " of 5")
                    + (f.amendments().isEmpty() ? "" : " (amended)"));
            head.getStyleClass().add(Styles.TEXT_BOLD);
            VBox card = new VBox(2, head);
            if (f.strengths() != null) {
                card.getChildren().add(wrap("Strengths: " + f.effective("strengths")));
            }
            if (f.weaknesses() != null) {
                card.getChildren().add(wrap("Weaknesses: " + f.effective("weaknesses")));
            }
            card.getStyleClass().add("card");
            box.getChildren().add(card);
        }
        return box;
    }

    private static Double parse(String v) {
        try {
            return v == null ? null : Double.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static VBox section(String title) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        return new VBox(4, t);
    }

    private static Node text(String title, String text) {
        VBox box = section(title);
        box.getChildren().add(wrap(text));
        return box;
    }

    private static void line(VBox box, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Label l = new Label(label);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, "kit-label");
        l.setMinWidth(84);
        Label v = wrap(value);
        box.getChildren().add(new HBox(8, l, v));
    }

    private static Node pills(List<String> values) {
        FlowPane flow = new FlowPane(4, 4);
        values.forEach(v -> flow.getChildren().add(Pills.of(v)));
        return flow;
    }

    private static Label muted(String text) {
        Label l = wrap(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
