package com.recruitdesk.app.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.pipelines.data.JobForm;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.JobFields;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The job editor: every field of {@link JobFields}, grouped as the seed groups them (basics, place
 * and pay, description, process, page), checked as you type by the rules the server applies; Save
 * stays refused while anything is wrong, and sends only the fields changed.
 */
final class JobEditor {
    static final String ID = "job-editor";
    static final String PROBLEMS_ID = "job-editor-problems";

    private JobEditor() {}

    /** The id of a field's control, for tests and screenshots. */
    static String fieldId(String name) {
        return "job-field-" + name;
    }

    /**
     * Opens the editor over {@code owner} for {@code job} ({@code null}: a new job); {@code save}
     * hears the job's id (null when new) and the changed fields.
     */
    static Dialog<ButtonType> open(
            Window owner,
            UUID jobId,
            JsonNode job,
            Map<FieldSpec, List<JobForm.Option>> references,
            LocalDate today,
            Saver save) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(job == null ? "New job" : "Edit job");
        dialog.setHeaderText(
                job == null ? "A new job (saved as a draft)" : job.path("title").asText("Job"));
        Map<String, Supplier<String>> typed = new LinkedHashMap<>();
        Runnable[] changed = {() -> {}};
        Map<String, String> start = JobForm.texts(job);
        TabPane tabs = new TabPane(
                tab("Basics", JobFields.BASICS, start, typed, references, changed),
                tab("Place and pay", JobFields.PLACE_AND_PAY, start, typed, references, changed),
                tab("Description", JobFields.DESCRIPTION, start, typed, references, changed),
                tab("Process", JobFields.PROCESS, start, typed, references, changed),
                tab("Page", JobFields.SEO, start, typed, references, changed));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label problems = new Label();
        problems.setId(PROBLEMS_ID);
        problems.getStyleClass().add("problem");
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: -color-danger-fg;");
        VBox body = new VBox(10, tabs, problems);
        body.setId(ID);
        body.setPrefSize(640, 520);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Save");
        ok.setId("job-editor-save");
        Supplier<JobForm.Checked> check = () -> {
            Map<String, String> now = new LinkedHashMap<>();
            typed.forEach((k, v) -> now.put(k, v.get()));
            return JobForm.check(job, now, today);
        };
        Runnable show = () -> {
            List<String> wrong = check.get().problems();
            problems.setText(String.join("\n", wrong));
        };
        changed[0] = show;
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            JobForm.Checked c = check.get();
            if (!c.problems().isEmpty()) {
                problems.setText(String.join("\n", c.problems()));
                e.consume(); // the editor stays open with what to fix
                return;
            }
            if (!c.changes().isEmpty()) {
                save.save(jobId, c.changes());
            }
        });
        show.run();
        dialog.show();
        return dialog;
    }

    /** Hears a job to save. */
    interface Saver {
        void save(UUID jobId, ObjectNode changes);
    }

    private static Tab tab(
            String title,
            List<FieldSpec> fields,
            Map<String, String> start,
            Map<String, Supplier<String>> typed,
            Map<FieldSpec, List<JobForm.Option>> references,
            Runnable[] changed) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setStyle("-fx-padding: 12;");
        grid.getColumnConstraints().addAll(new ColumnConstraints(170), new ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        int row = 0;
        for (FieldSpec f : fields) {
            Label label = new Label(capitalised(f.label()));
            Node control = control(f, start.getOrDefault(f.name(), ""), typed, references, changed);
            label.setLabelFor(control);
            grid.add(label, 0, row);
            grid.add(control, 1, row);
            row++;
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        return new Tab(title, scroll);
    }

    private static Node control(
            FieldSpec f,
            String value,
            Map<String, Supplier<String>> typed,
            Map<FieldSpec, List<JobForm.Option>> references,
            Runnable[] changed) {
        Control c;
        switch (f.kind()) {
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().add("");
                box.getItems().addAll(f.allowed());
                box.setValue(value);
                typed.put(f.name(), () -> box.getValue() == null ? "" : box.getValue());
                box.valueProperty().addListener((o, a, b) -> changed[0].run());
                c = box;
            }
            case ID -> {
                ComboBox<JobForm.Option> box = new ComboBox<>();
                box.getItems().add(new JobForm.Option("", "—"));
                box.getItems().addAll(references.getOrDefault(f, List.of()));
                box.getItems().stream()
                        .filter(o -> o.id().equals(value))
                        .findFirst()
                        .ifPresentOrElse(
                                box::setValue, () -> box.setValue(box.getItems().getFirst()));
                typed.put(
                        f.name(),
                        () -> box.getValue() == null ? "" : box.getValue().id());
                box.valueProperty().addListener((o, a, b) -> changed[0].run());
                c = box;
            }
            case TEXT_LIST -> {
                TextArea area = area(value, 3);
                area.setPromptText("One a line");
                typed.put(f.name(), area::getText);
                area.textProperty().addListener((o, a, b) -> changed[0].run());
                c = area;
            }
            default -> {
                TextInputControl t = f.max() > FieldSpec.MAX_LINE ? area(value, 4) : new TextField(value);
                if (f.kind() == FieldSpec.Kind.DATE) {
                    t.setPromptText("yyyy-mm-dd");
                }
                typed.put(f.name(), t::getText);
                t.textProperty().addListener((o, a, b) -> changed[0].run());
                c = t;
            }
        }
        c.setId(fieldId(f.name()));
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private static TextArea area(String value, int rows) {
        TextArea area = new TextArea(value);
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        return area;
    }

    private static String capitalised(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
