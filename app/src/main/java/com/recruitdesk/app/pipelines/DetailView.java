package com.recruitdesk.app.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.pipelines.data.Detail;
import com.recruitdesk.protocol.pipelines.ApplicationFields;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The application's detail: follow-up, approval, submitted to client, the editable match summary;
 * the prescreen score explained line by line with a form to record an answer heard on the phone;
 * the notes; and the timeline with whether its hash chain verifies.
 */
final class DetailView {
    static final String ID = "application-detail";
    static final String CHAIN_ID = "timeline-chain";
    static final String SCORE_ID = "prescreen-score";
    static final String MUST_HAVE_ID = "prescreen-must-have";
    static final String SAVE_ID = "detail-save";
    static final String REMARKS_ID = "detail-remarks";
    static final String APPROVED_ID = "detail-approved";
    static final String ANSWER_ID = "prescreen-answer";
    static final String RECORD_ID = "prescreen-record";
    static final String ANSWER_PROBLEM_ID = "prescreen-answer-problem";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private DetailView() {}

    static Node create(PipelinesViewModel vm, ConversationLinkViewModel link, Node profile) {
        Node conversation = new HBox(8, profile, ConversationButton.create(link));
        VBox content = new VBox(14);
        content.setPadding(new Insets(14));
        content.getStyleClass().add("detail");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId(ID);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(390);
        scroll.setMinWidth(340);
        Runnable show = () -> {
            Detail.View v = vm.shownProperty().get();
            content.getChildren().setAll(v == null ? java.util.List.of(placeholder()) : sections(vm, v, conversation));
        };
        vm.shownProperty().addListener((o, a, b) -> {
            boolean sameApplication = a != null
                    && b != null
                    && a.application().path("id").equals(b.application().path("id"));
            // Keep what is being typed: only the read-only parts follow a refresh of the same application.
            if (!sameApplication || !content.getProperties().containsKey("dirty")) {
                content.getProperties().remove("dirty");
                show.run();
            }
        });
        show.run();
        return scroll;
    }

    private static Node placeholder() {
        Label l = new Label("Choose an application to see its detail, prescreen and timeline.");
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }

    private static java.util.List<Node> sections(PipelinesViewModel vm, Detail.View v, Node conversation) {
        UUID id = UUID.fromString(v.application().path("id").asText());
        Label name = new Label(personName(v.person()));
        name.getStyleClass().add("detail-name");
        Label job = new Label((v.job() == null ? "" : v.job().path("title").asText()) + " · "
                + BoardView.label(v.application().path("stage").asText()));
        job.getStyleClass().add("muted");
        VBox head = new VBox(2, name, job, conversation);
        return java.util.List.of(head, followUp(vm, id, v), prescreen(vm, id, v), notes(vm, id, v), timeline(v));
    }

    private static Node followUp(PipelinesViewModel vm, UUID id, Detail.View v) {
        JsonNode a = v.application();
        ComboBox<String> status = new ComboBox<>();
        status.getItems().add("");
        status.getItems().addAll(ApplicationFields.FOLLOW_UP_STATUSES);
        status.setValue(a.path("followUpStatus").asText(""));
        status.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? "—" : ApplicationFields.label(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        DatePicker next = com.recruitdesk.app.widgets.DateFields.picker(
                a.path("nextFollowUpDate").isTextual()
                        ? LocalDate.parse(a.path("nextFollowUpDate").asText())
                        : null);
        TextArea remarks = new TextArea(a.path("followUpRemarks").asText(""));
        remarks.setId(REMARKS_ID);
        remarks.setPrefRowCount(2);
        remarks.setWrapText(true);
        CheckBox approved = new CheckBox("Recruiter approved");
        approved.setId(APPROVED_ID);
        approved.setSelected(a.path("isRecruiterApproved").asBoolean());
        CheckBox submitted = new CheckBox(
                a.path("submittedToClientAt").isTextual()
                        ? "Submitted to client "
                                + when(a.path("submittedToClientAt").asText())
                        : "Submitted to client");
        submitted.setSelected(a.path("submittedToClient").asBoolean());
        TextArea summary = new TextArea(a.path("aiCustomSummary").asText(""));
        summary.setPrefRowCount(2);
        summary.setWrapText(true);
        summary.setPromptText("What fits and what does not, in your words");
        Button save = new Button("Save changes");
        save.setId(SAVE_ID);
        save.setDefaultButton(false);
        save.setOnAction(e -> {
            ObjectNode changes = JsonNodeFactory.instance.objectNode();
            differs(
                    changes,
                    "followUpStatus",
                    a,
                    status.getValue() == null || status.getValue().isEmpty() ? null : status.getValue());
            differs(
                    changes,
                    "nextFollowUpDate",
                    a,
                    next.getValue() == null ? null : next.getValue().toString());
            differs(changes, "followUpRemarks", a, remarks.getText());
            differs(changes, "aiCustomSummary", a, summary.getText());
            if (approved.isSelected() != a.path("isRecruiterApproved").asBoolean()) {
                changes.put("isRecruiterApproved", approved.isSelected());
            }
            if (submitted.isSelected() != a.path("submittedToClient").asBoolean()) {
                changes.put("submittedToClient", submitted.isSelected());
            }
            save.getParent().getParent().getProperties().remove("dirty");
            vm.update(id, changes);
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, caption("Follow-up"), status);
        grid.addRow(1, caption("Next follow-up"), next);
        grid.add(caption("Remarks"), 0, 2);
        grid.add(remarks, 1, 2);
        grid.add(approved, 1, 3);
        grid.add(submitted, 1, 4);
        grid.add(caption("Match summary"), 0, 5);
        grid.add(summary, 1, 5);
        GridPane.setHgrow(remarks, Priority.ALWAYS);
        VBox box = section("Follow-up", grid, save);
        Runnable dirty = () -> box.getParent().getProperties().put("dirty", true);
        remarks.textProperty().addListener((o, x, y) -> dirty.run());
        summary.textProperty().addListener((o, x, y) -> dirty.run());
        status.valueProperty().addListener((o, x, y) -> dirty.run());
        next.valueProperty().addListener((o, x, y) -> dirty.run());
        return box;
    }

    private static Node prescreen(PipelinesViewModel vm, UUID id, Detail.View v) {
        PrescreenScoring.Explanation e = v.explanation();
        if (v.questions().isEmpty()) {
            return section("Prescreen", muted("This job has no prescreen questions."));
        }
        Label score = new Label("Score " + e.score() + " of 100"
                + (e.complete() ? "" : " so far (" + unanswered(e) + " required still unanswered)"));
        score.setId(SCORE_ID);
        score.getStyleClass().add("prescreen-score");
        VBox box = section("Prescreen", score);
        if (e.mustHaveFailed()) {
            Label flag = new Label("Must-have failed: " + String.join(", ", e.failedMustHaves()));
            flag.setId(MUST_HAVE_ID);
            flag.getStyleClass().add("card-flag");
            box.getChildren().add(flag);
        }
        for (PrescreenScoring.Line l : e.lines()) {
            Label q = new Label(l.question() + (l.mustHave() ? "  · must-have" : ""));
            q.setWrapText(true);
            q.getStyleClass().add("line-question");
            Label answer = new Label("Answer: " + (l.answer() == null ? "—" : l.answer()));
            answer.setWrapText(true);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label points = new Label(l.points() + " / " + l.weight() + " points");
            points.setMinWidth(Region.USE_PREF_SIZE);
            points.getStyleClass().add(l.passed() ? "points-ok" : "points-none");
            Label why = muted(l.why());
            why.setWrapText(true);
            VBox line = new VBox(1, q, new HBox(6, answer, gap, points), why);
            line.getStyleClass().add("prescreen-line");
            box.getChildren().add(line);
        }
        ComboBox<PrescreenScoring.Question> which = new ComboBox<>();
        which.getItems().setAll(v.questions());
        which.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PrescreenScoring.Question q) {
                return q == null ? "" : q.qid();
            }

            @Override
            public PrescreenScoring.Question fromString(String s) {
                return null;
            }
        });
        which.getSelectionModel().selectFirst();
        which.setPrefWidth(150);
        which.setMinWidth(Region.USE_PREF_SIZE);
        TextField value = new TextField();
        value.setId(ANSWER_ID);
        value.setPromptText("The answer heard on the call");
        HBox.setHgrow(value, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId(ANSWER_PROBLEM_ID);
        problem.getStyleClass().add("problem");
        Button record = new Button("Record");
        record.setId(RECORD_ID);
        record.setMinWidth(Region.USE_PREF_SIZE);
        record.setOnAction(ev -> {
            PrescreenScoring.Question q = which.getValue();
            if (q == null) {
                return;
            }
            var why = PrescreenScoring.problem(q, value.getText());
            problem.setText(why.orElse(""));
            if (why.isEmpty()) {
                vm.recordAnswer(
                        id, UUID.fromString(v.application().path("jobId").asText()), q.id(), value.getText());
                value.clear();
            }
        });
        box.getChildren().addAll(new HBox(6, which, value, record), problem);
        return box;
    }

    private static long unanswered(PrescreenScoring.Explanation e) {
        return e.lines().stream()
                .filter(l -> l.required() && l.answer() == null)
                .count();
    }

    private static Node notes(PipelinesViewModel vm, UUID id, Detail.View v) {
        VBox box = section("Notes");
        for (Detail.Note n : v.notes()) {
            Label l = new Label(n.text());
            l.setWrapText(true);
            Label meta = muted(ApplicationFields.label(n.type())
                    + (n.isPrivate() ? " · private" : "")
                    + (n.at() == null ? "" : " · " + WHEN.format(n.at().atZone(ZoneId.systemDefault()))));
            VBox note = new VBox(1, l, meta);
            note.getStyleClass().addAll("note", n.type().replace('_', '-'));
            box.getChildren().add(note);
        }
        TextField text = new TextField();
        text.setPromptText("Add a note");
        ComboBox<String> type = new ComboBox<>();
        type.getItems().setAll(PipelineMutations.NOTE_TYPES);
        type.setValue(PipelineMutations.NOTE_TYPES.getFirst());
        CheckBox isPrivate = new CheckBox("Private");
        Button add = new Button("Add");
        add.setOnAction(e -> {
            vm.addNote(id, text.getText(), type.getValue(), isPrivate.isSelected());
            text.clear();
        });
        add.setMinWidth(Region.USE_PREF_SIZE);
        isPrivate.setMinWidth(Region.USE_PREF_SIZE);
        type.setMinWidth(Region.USE_PREF_SIZE);
        box.getChildren().addAll(text, new HBox(8, type, isPrivate, add));
        return box;
    }

    private static Node timeline(Detail.View v) {
        Detail.Chain chain = v.chain();
        Label status = new Label(
                chain.verified()
                        ? "✔ The timeline verifies: " + chain.entries() + " entries, each chained to the one before"
                        : "✘ The timeline does not verify at entry " + chain.brokenSeq() + ": " + chain.reason());
        status.setId(CHAIN_ID);
        status.setWrapText(true);
        status.getStyleClass().add(chain.verified() ? "chain-ok" : "chain-broken");
        VBox box = section("Timeline", status);
        for (Detail.Entry e : v.timeline().reversed()) {
            String change = e.previous() == null || e.previous().isEmpty() ? e.next() : e.previous() + " → " + e.next();
            Label line = new Label(field(e.field()) + ": " + change);
            line.setWrapText(true);
            VBox entry = new VBox(1, line);
            if (e.remarks() != null && !e.remarks().isBlank()) {
                Label r = muted(e.remarks());
                r.setWrapText(true);
                entry.getChildren().add(r);
            }
            entry.getChildren()
                    .add(muted((e.at() == null ? "" : WHEN.format(e.at().atZone(ZoneId.systemDefault())))
                            + (e.seq() > 0 && e.seq() < Integer.MAX_VALUE
                                    ? " · #" + e.seq()
                                    : " · waiting to be sent")));
            entry.getStyleClass().add("timeline-entry");
            if (Objects.equals(e.id(), chain.brokenEntry())) {
                entry.getStyleClass().add("broken");
            }
            box.getChildren().add(entry);
        }
        return box;
    }

    private static String field(String f) {
        return switch (f == null ? "" : f) {
            case "stage" -> "Stage";
            case "created" -> "Added to the job";
            case "note" -> "Note";
            case "prescreen" -> "Prescreen";
            default -> ApplicationFields.label(f);
        };
    }

    private static void differs(ObjectNode changes, String field, JsonNode row, String value) {
        String now = value == null || value.isBlank() ? null : value.strip();
        String was = row.path(field).isValueNode() && !row.path(field).isNull()
                ? row.path(field).asText()
                : null;
        if (!Objects.equals(now, was == null || was.isBlank() ? null : was.strip())) {
            if (now == null) {
                changes.putNull(field);
            } else {
                changes.put(field, now);
            }
        }
    }

    private static VBox section(String title, Node... children) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        VBox box = new VBox(6, t);
        box.getChildren().addAll(children);
        box.getStyleClass().add("detail-section");
        return box;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("caption");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static String when(String iso) {
        try {
            return WHEN.format(java.time.OffsetDateTime.parse(iso).atZoneSameInstant(ZoneId.systemDefault()));
        } catch (java.time.format.DateTimeParseException e) {
            return "";
        }
    }

    private static String personName(JsonNode p) {
        if (p == null) {
            return "Unknown person";
        }
        for (String f : new String[] {"fullName", "whatsappName", "firstName", "email"}) {
            if (p.path(f).isTextual() && !p.path(f).asText().isBlank()) {
                return p.path(f).asText();
            }
        }
        return "Unknown person";
    }
}
