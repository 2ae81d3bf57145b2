package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.pipelines.data.JobItem;
import com.recruitdesk.app.pipelines.data.PrescreenForm;
import com.recruitdesk.app.pipelines.data.PrescreenQuestions;
import com.recruitdesk.protocol.pipelines.PrescreenQuestionRules;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import java.util.Map;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The job's prescreen questions: the list in the order they are asked with each one's weight and
 * share of the score, a form for the one chosen (or a new one) with every field of seed 002's
 * job_prescreen_questions, and what a perfect score needs. Each save, removal or move (Alt+Up and
 * Alt+Down on the list, or the arrows under it) is its own change,
 * shown at once and sent when the server is reachable; the form refuses what the server would.
 */
public final class PrescreenEditor {
    public static final String ID = "prescreen-editor";
    public static final String LIST_ID = "prescreen-list";
    public static final String ADD_ID = "prescreen-add";
    public static final String DELETE_ID = "prescreen-delete";
    public static final String UP_ID = "prescreen-up";
    public static final String DOWN_ID = "prescreen-down";
    public static final String SAVE_ID = "prescreen-save";
    public static final String PROBLEMS_ID = "prescreen-problems";
    public static final String REFUSED_ID = "prescreen-refused";
    public static final String SUMMARY_ID = "prescreen-summary";
    public static final String QID_ID = "prescreen-qid";
    public static final String TEXT_ID = "prescreen-text";
    public static final String TYPE_ID = "prescreen-type";
    public static final String REQUIRED_ID = "prescreen-required";
    public static final String MUST_HAVE_ID = "prescreen-must-have";
    public static final String WEIGHT_ID = "prescreen-weight";
    public static final String RULE_ID = "prescreen-rule";
    public static final String CHOICES_ID = "prescreen-choices";

    // The dialog is a window of its own: the pane's stylesheet does not reach it.
    private static final String MUTED = "-fx-text-fill: -color-fg-muted;";
    private static final String DANGER = "-fx-text-fill: -color-danger-fg;";

    /** What a rule may say for each type, as the rule field's prompt. */
    private static final Map<String, String> RULE_HINTS = Map.of(
            "text", "{\"minLength\": 3} or {\"pattern\": \"...\"}",
            "number", "{\"min\": 0, \"max\": 30}",
            "date", "{\"withinDays\": 30} or {\"notAfter\": \"2026-12-31\"}",
            "choice", "{\"accept\": [\"Yes\"]}",
            "multi_choice", "{\"accept\": [\"A\", \"B\"], \"minAccepted\": 1}");

    private PrescreenEditor() {}

    static Dialog<ButtonType> open(Window owner, JobItem job, PrescreenViewModel vm) {
        vm.jobProperty().set(job.id());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Prescreen questions");
        dialog.setHeaderText("Prescreen for " + job.title());
        Form form = new Form();
        UUID[] editing = {null};

        ListView<PrescreenQuestions.Row> list = new ListView<>(vm.questions());
        list.setId(LIST_ID);
        list.setPrefWidth(320);
        list.setMinWidth(280);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PrescreenQuestions.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                PrescreenScoring.Question q = row.question();
                Label head = new Label(q.qid());
                head.setStyle("-fx-font-weight: bold;");
                Label meta = new Label(q.type().replace('_', ' ') + " · weight " + q.weight() + " (" + vm.share(q) + ")"
                        + (q.mustHave() ? " · must-have" : "") + (q.required() ? "" : " · optional"));
                meta.setStyle(MUTED);
                Label text = new Label(q.text());
                text.setWrapText(true);
                setGraphic(new VBox(2, head, meta, text));
                setPrefWidth(0); // the cell fits the list: long text wraps instead of scrolling sideways
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                editing[0] = b.id();
                form.show(PrescreenForm.Typed.of(b.question()));
            }
        });
        vm.questions().addListener((javafx.collections.ListChangeListener<PrescreenQuestions.Row>) c -> {
            // A question saved from the form stays chosen when its row comes (again) from the store.
            vm.questions().stream()
                    .filter(r -> r.id().equals(editing[0]))
                    .findFirst()
                    .ifPresent(r -> list.getSelectionModel().select(r));
        });
        Button add = new Button("New question");
        add.setId(ADD_ID);
        add.setOnAction(e -> {
            editing[0] = null;
            list.getSelectionModel().clearSelection();
            form.show(PrescreenForm.Typed.of(null));
            form.qid.requestFocus();
        });
        Button delete = new Button("Remove question");
        delete.setId(DELETE_ID);
        delete.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            PrescreenQuestions.Row row = list.getSelectionModel().getSelectedItem();
            if (row != null && confirmed(dialog.getDialogPane().getScene().getWindow(), row)) {
                editing[0] = null;
                vm.delete(row.id());
                form.show(PrescreenForm.Typed.of(null));
            }
        });
        Button up = mover(UP_ID, "↑", "Ask it earlier (Alt+Up)", list, vm, -1);
        Button down = mover(DOWN_ID, "↓", "Ask it later (Alt+Down)", list, vm, 1);
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            PrescreenQuestions.Row row = list.getSelectionModel().getSelectedItem();
            if (e.isAltDown() && row != null && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                vm.move(row.id(), e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume(); // else the list's own Up/Down moves the selection off the question
            }
        });
        add.setMinWidth(Region.USE_PREF_SIZE);
        delete.setMinWidth(Region.USE_PREF_SIZE);
        HBox listTools = new HBox(8, add, delete, up, down);
        VBox left = new VBox(8, list, listTools);
        left.setMinWidth(Region.USE_PREF_SIZE);
        VBox.setVgrow(list, Priority.ALWAYS);

        Button save = new Button("Save question");
        save.setId(SAVE_ID);
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            PrescreenForm.Checked c = vm.save(editing[0], form.typed());
            form.problems.setText(String.join("\n", c.problems()));
            if (c.problems().isEmpty()) {
                editing[0] = c.args().questionId();
            }
        });
        HBox saveRow = new HBox(save);
        saveRow.setAlignment(Pos.CENTER_RIGHT);
        VBox right = new VBox(8, form.grid, form.problems, saveRow);
        HBox.setHgrow(right, Priority.ALWAYS);

        Label summary = wrapped(SUMMARY_ID, MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Label refused = wrapped(REFUSED_ID, DANGER);
        refused.textProperty().bind(vm.refusedProperty());
        refused.managedProperty().bind(refused.textProperty().isNotEmpty());
        VBox body = new VBox(12, new HBox(14, left, right), refused, summary);
        body.setId(ID);
        body.setPadding(new Insets(4));
        body.setPrefSize(900, 560);
        body.setMinWidth(860); // the list and the form side by side, neither squeezed
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        form.show(PrescreenForm.Typed.of(null));
        dialog.show();
        return dialog;
    }

    /** An arrow under the list that moves the chosen question by {@code by}; off at the list's end. */
    private static Button mover(
            String id, String arrow, String tip, ListView<PrescreenQuestions.Row> list, PrescreenViewModel vm, int by) {
        Button b = new Button(arrow);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setAccessibleText(tip);
        var index = list.getSelectionModel().selectedIndexProperty();
        b.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> index.get() < 0
                                || index.get() + by < 0
                                || index.get() + by >= list.getItems().size(),
                        index,
                        list.getItems()));
        b.setOnAction(e -> {
            PrescreenQuestions.Row row = list.getSelectionModel().getSelectedItem();
            if (row != null) {
                vm.move(row.id(), by);
            }
        });
        return b;
    }

    private static boolean confirmed(Window owner, PrescreenQuestions.Row row) {
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION,
                "The answers already recorded to it go with it, and the job's scores are worked out again.",
                ButtonType.OK,
                ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setHeaderText("Remove the question " + row.question().qid() + "?");
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText("Remove");
        return ask.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private static Label wrapped(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setStyle(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** The form's controls, filled from a question and read back as typed. */
    private static final class Form {
        final TextField qid = field(QID_ID, "ps_notice_period");
        final TextArea text = new TextArea();
        final ComboBox<String> type = new ComboBox<>();
        final CheckBox required = new CheckBox("An answer is needed to complete the prescreen");
        final CheckBox mustHave = new CheckBox("A failed answer marks the application");
        final TextField weight = field(WEIGHT_ID, "1–100");
        final TextField rule = field(RULE_ID, "");
        final TextArea choices = new TextArea();
        final Label problems = wrapped(PROBLEMS_ID, DANGER);
        final GridPane grid = new GridPane();

        Form() {
            text.setId(TEXT_ID);
            text.setPrefRowCount(2);
            text.setWrapText(true);
            text.setPromptText("How many days' notice must you give?");
            type.setId(TYPE_ID);
            type.getItems().addAll(PrescreenScoring.TYPES);
            type.setMaxWidth(Double.MAX_VALUE);
            required.setId(REQUIRED_ID);
            mustHave.setId(MUST_HAVE_ID);
            choices.setId(CHOICES_ID);
            choices.setPrefRowCount(4);
            choices.setPromptText("One a line");
            tabsOut(text, qid, type);
            tabsOut(choices, rule, null);
            type.valueProperty().addListener((o, a, b) -> {
                choices.setDisable(!PrescreenQuestionRules.hasChoices(b));
                rule.setPromptText(RULE_HINTS.getOrDefault(b, ""));
            });
            grid.setHgap(10);
            grid.setVgap(8);
            grid.getColumnConstraints().addAll(new ColumnConstraints(120), new ColumnConstraints());
            grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
            row(0, "Question id", qid);
            row(1, "Question", text);
            row(2, "Type", type);
            row(3, "Required", required);
            row(4, "Must-have", mustHave);
            row(5, "Weight", weight);
            row(6, "Validation rule", rule);
            row(7, "Choices", choices);
        }

        /** In a form, Tab leaves {@code area} for the next field instead of typing a tab (null: as the form goes on). */
        private static void tabsOut(TextArea area, Node previous, Node next) {
            area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                    Node to = e.isShiftDown() ? previous : next;
                    if (to == null) {
                        to = area.getScene().lookup("#" + SAVE_ID);
                    }
                    to.requestFocus();
                    e.consume();
                }
            });
        }

        private void row(int at, String label, Control control) {
            Label l = new Label(label);
            l.setLabelFor(control);
            control.setMaxWidth(Double.MAX_VALUE);
            grid.add(l, 0, at);
            grid.add(control, 1, at);
        }

        void show(PrescreenForm.Typed t) {
            qid.setText(t.qid());
            text.setText(t.text());
            type.setValue(t.type());
            required.setSelected(t.required());
            mustHave.setSelected(t.mustHave());
            weight.setText(t.weight());
            rule.setText(t.rule());
            choices.setText(t.choices());
            problems.setText("");
        }

        PrescreenForm.Typed typed() {
            return new PrescreenForm.Typed(
                    qid.getText(),
                    text.getText(),
                    type.getValue(),
                    required.isSelected(),
                    mustHave.isSelected(),
                    weight.getText(),
                    rule.getText(),
                    choices.getText());
        }

        private static TextField field(String id, String prompt) {
            TextField f = new TextField();
            f.setId(id);
            f.setPromptText(prompt);
            return f;
        }
    }
}
