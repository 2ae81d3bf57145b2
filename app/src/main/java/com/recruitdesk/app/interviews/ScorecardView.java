package com.recruitdesk.app.interviews;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.interviews.data.FeedbackItem;
import com.recruitdesk.protocol.interviews.InterviewRules;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The scorecard: each criterion and each of the job's skills rated 1–5 with a note, the overall
 * rating and the recommendation, the texts, the questions asked and the second round; saved on this
 * computer as it is typed. Once submitted it is read-only, its amendments listed beside it with a
 * form to add one.
 */
final class ScorecardView {
    static final String ID = "scorecard";
    static final String SUBMIT_ID = "scorecard-submit";
    static final String STATE_ID = "scorecard-state";
    static final String PROBLEM_ID = "scorecard-problem";
    static final String STRENGTHS_ID = "scorecard-strengths";
    static final String NOTES_ID = "scorecard-notes";
    static final String AMENDMENTS_ID = "scorecard-amendments";
    static final String AMEND_VALUE_ID = "amend-value";
    static final String AMEND_REASON_ID = "amend-reason";
    static final String AMEND_ID = "amend";
    static final String KEPT_ID = "scorecard-kept-draft";

    private ScorecardView() {}

    static Node create(ScorecardViewModel vm, Times times) {
        Label title = new Label("Your scorecard");
        title.getStyleClass().add(Styles.TITLE_4);
        Label state = new Label();
        state.setId(STATE_ID);
        state.getStyleClass().add(Styles.TEXT_MUTED);
        state.setWrapText(true);
        state.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> stateText(vm, times), vm.modeProperty(), vm.savedProperty(), vm.submittedProperty()));

        ScorecardForm form = vm.form();
        VBox criteria = new VBox(8);
        form.criteria().forEach(f -> criteria.getChildren().add(ratingRow(f)));
        VBox skills = new VBox(8);
        Label skillsTitle = sectionTitle("The job's skills");
        form.skills().addListener((ListChangeListener<RatingField>) c -> {
            skills.getChildren()
                    .setAll(form.skills().stream().map(ScorecardView::ratingRow).toList());
            skillsTitle.setVisible(!form.skills().isEmpty());
            skillsTitle.setManaged(!form.skills().isEmpty());
        });
        HBox overall = new HBox(8, fixed(new Label("Overall"), 136), scale(form.overallProperty(), "overall"));
        overall.setAlignment(Pos.CENTER_LEFT);
        HBox recommendation =
                new HBox(8, fixed(new Label("Recommendation"), 136), recommendations(form.recommendationProperty()));
        recommendation.setAlignment(Pos.CENTER_LEFT);
        TextArea strengths = area(form.strengthsProperty(), "What stood out", 2);
        strengths.setId(STRENGTHS_ID);
        TextArea weaknesses = area(form.weaknessesProperty(), "Where they fell short", 2);
        TextArea notes = area(form.detailedNotesProperty(), "What happened in the interview", 4);
        notes.setId(NOTES_ID);
        TextArea questions = area(form.questionsProperty(), "One question a line", 3);
        CheckBox second = new CheckBox("Needs a second round");
        second.selectedProperty().bindBidirectional(form.secondRoundProperty());
        TextArea followUp = area(form.followUpProperty(), "What the second round should find out", 2);
        followUp.visibleProperty().bind(form.secondRoundProperty());
        followUp.managedProperty().bind(followUp.visibleProperty());

        VBox fields = new VBox(
                8,
                sectionTitle("Criteria"),
                criteria,
                skillsTitle,
                skills,
                sectionTitle("Verdict"),
                overall,
                recommendation,
                sectionTitle("Strengths"),
                strengths,
                sectionTitle("Weaknesses"),
                weaknesses,
                sectionTitle("Detailed notes"),
                notes,
                sectionTitle("Questions asked"),
                questions,
                second,
                followUp);
        fields.getStyleClass().add("scorecard-form");
        fields.disableProperty().bind(vm.modeProperty().isNotEqualTo(ScorecardViewModel.Mode.EDITING));

        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        Button submit = new Button("Submit scorecard");
        submit.setId(SUBMIT_ID);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setOnAction(e -> vm.submit());
        submit.visibleProperty().bind(vm.modeProperty().isEqualTo(ScorecardViewModel.Mode.EDITING));
        submit.managedProperty().bind(submit.visibleProperty());
        Label once = new Label("Once submitted it cannot be edited, only amended.");
        once.getStyleClass().add(Styles.TEXT_MUTED);
        once.visibleProperty().bind(submit.visibleProperty());
        once.managedProperty().bind(once.visibleProperty());
        HBox submitRow = new HBox(10, submit, once);
        submitRow.setAlignment(Pos.CENTER_LEFT);

        Label kept = new Label();
        kept.setId(KEPT_ID);
        kept.setWrapText(true);
        kept.getStyleClass().addAll("card", "kept-draft");
        kept.textProperty().bind(vm.keptDraftProperty());
        kept.visibleProperty().bind(vm.keptDraftProperty().isNotEmpty());
        kept.managedProperty().bind(kept.visibleProperty());
        VBox body = new VBox(8, new HBox(12, title), state, kept, amendments(vm, times), fields, problem, submitRow);
        body.setPadding(new Insets(14, 16, 16, 16));
        VBox none = new VBox(new Label("Choose an interview to fill in its scorecard."));
        none.setPadding(new Insets(14, 16, 16, 16));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        body.visibleProperty().bind(vm.modeProperty().isNotEqualTo(ScorecardViewModel.Mode.NONE));
        body.managedProperty().bind(body.visibleProperty());
        none.visibleProperty().bind(body.visibleProperty().not());
        none.managedProperty().bind(none.visibleProperty());
        ScrollPane scroll = new ScrollPane(new VBox(none, body));
        scroll.setFitToWidth(true);
        scroll.setId(ID);
        scroll.setMinWidth(380);
        return scroll;
    }

    private static String stateText(ScorecardViewModel vm, Times times) {
        return switch (vm.modeProperty().get()) {
            case NONE -> "";
            case EDITING ->
                vm.savedProperty().get().isEmpty()
                        ? "Not started. Everything you type is kept on this computer, online or not, until you submit."
                        : vm.savedProperty().get() + ". It stays here until you submit.";
            case WAITING ->
                "Submitted on this computer; it goes to the server as soon as there is a connection."
                        + " The draft is kept until it arrives.";
            case SUBMITTED -> {
                FeedbackItem f = vm.submittedProperty().get();
                yield "Submitted" + (f == null || f.submittedAt() == null ? "" : " " + times.full(f.submittedAt()))
                        + ". It cannot be edited; an amendment says what changed and why, beside the original.";
            }
            case CLOSED ->
                "This interview takes no scorecard (it was cancelled or the candidate did not come)."
                        + " Anything you wrote is kept on this computer.";
        };
    }

    /** The amendments beside the original, and the form to add one; shown once the scorecard is submitted. */
    private static Node amendments(ScorecardViewModel vm, Times times) {
        VBox list = new VBox(6);
        list.setId(AMENDMENTS_ID);
        vm.submittedProperty().subscribe(f -> {
            list.getChildren().clear();
            if (f == null) {
                return;
            }
            for (FeedbackItem.Amendment a : f.amendments()) {
                VBox card = new VBox(2);
                card.getStyleClass().addAll("card", "amendment");
                Label when = new Label("Amended " + (a.at() == null ? "" : times.full(a.at()))
                        + (a.pending() ? " (waiting to send)" : ""));
                when.getStyleClass().add(Styles.TEXT_BOLD);
                card.getChildren().add(when);
                a.changes()
                        .forEach((field, change) -> card.getChildren()
                                .add(wrap(fieldLabel(field) + ": " + shown(field, change.from()) + "  →  "
                                        + shown(field, change.to()))));
                card.getChildren().add(wrap("Why: " + a.reason()));
                list.getChildren().add(card);
            }
        });
        ComboBox<String> field = new ComboBox<>();
        field.getItems().setAll(InterviewRules.AMENDABLE.stream().sorted().toList());
        field.valueProperty().bindBidirectional(vm.amendFieldProperty());
        field.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String f) {
                return f == null ? "" : fieldLabel(f);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        TextField value = new TextField();
        value.setId(AMEND_VALUE_ID);
        value.setPromptText("New value (1–5, hire, a note…)");
        value.textProperty().bindBidirectional(vm.amendValueProperty());
        TextField reason = new TextField();
        reason.setId(AMEND_REASON_ID);
        reason.setPromptText("Why");
        reason.textProperty().bindBidirectional(vm.amendReasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button amend = new Button("Add amendment");
        amend.setId(AMEND_ID);
        amend.setOnAction(e -> vm.amend());
        VBox form = new VBox(6, sectionTitle("Amend"), new HBox(6, field, value), new HBox(6, reason, amend));
        VBox box = new VBox(6, list, form);
        box.visibleProperty().bind(vm.modeProperty().isEqualTo(ScorecardViewModel.Mode.SUBMITTED));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static String shown(String field, String value) {
        if (value == null || value.isBlank()) {
            return "(empty)";
        }
        return field.equals("recommendation") ? InterviewRules.label(value) : value;
    }

    static String fieldLabel(String field) {
        String criterion = InterviewRules.CRITERIA.get(field);
        if (criterion != null) {
            return criterion;
        }
        return field.equals("overall_rating") ? "Overall rating" : InterviewRules.label(field);
    }

    private static Node ratingRow(RatingField f) {
        Label label = fixed(new Label(f.label()), 136);
        label.setWrapText(true);
        TextField note = new TextField();
        note.setPromptText("Note");
        note.textProperty().bindBidirectional(f.note());
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox row = new HBox(
                8, label, scale(f.rating(), f.skill() ? "skill-" + f.key().replaceAll("\\W+", "-") : f.key()), note);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("rating-row");
        return row;
    }

    /** Five toggles, 1 to 5, bound to {@code rating} (0: none chosen); ids {@code rating-<key>-<n>}. */
    private static Node scale(IntegerProperty rating, String key) {
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox();
        buttons.getStyleClass().add("scale");
        for (int n = InterviewRules.MIN_RATING; n <= InterviewRules.MAX_RATING; n++) {
            ToggleButton b = new ToggleButton(String.valueOf(n));
            b.setId("rating-" + key.replace('_', '-').toLowerCase(Locale.ROOT) + "-" + n);
            b.setUserData(n);
            b.setToggleGroup(group);
            b.setFocusTraversable(true);
            b.getStyleClass()
                    .add(
                            n == 1
                                    ? Styles.LEFT_PILL
                                    : n == InterviewRules.MAX_RATING ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            buttons.getChildren().add(b);
        }
        rating.subscribe(v ->
                group.getToggles().forEach(t -> t.setSelected(((Integer) t.getUserData()) == v.intValue())));
        group.selectedToggleProperty()
                .addListener((o, was, now) -> rating.set(now == null ? 0 : (Integer) now.getUserData()));
        return buttons;
    }

    private static Node recommendations(StringProperty value) {
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox();
        List<String> all = InterviewRules.RECOMMENDATIONS;
        for (int i = 0; i < all.size(); i++) {
            String r = all.get(i);
            ToggleButton b = new ToggleButton(InterviewRules.label(r));
            b.setUserData(r);
            b.setToggleGroup(group);
            b.getStyleClass()
                    .addAll(
                            i == 0 ? Styles.LEFT_PILL : i == all.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL,
                            "recommendation-" + r.replace('_', '-'));
            b.setId("recommend-" + r.replace('_', '-').toLowerCase(Locale.ROOT));
            buttons.getChildren().add(b);
        }
        value.subscribe(v ->
                group.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(v))));
        group.selectedToggleProperty()
                .addListener((o, was, now) -> value.set(now == null ? null : (String) now.getUserData()));
        return buttons;
    }

    private static TextArea area(StringProperty text, String prompt, int rows) {
        TextArea a = new TextArea();
        a.setPromptText(prompt);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(text);
        return a;
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static <T extends Region> T fixed(T node, double width) {
        node.setMinWidth(width);
        node.setPrefWidth(width);
        node.setMaxWidth(width);
        return node;
    }

    private static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
