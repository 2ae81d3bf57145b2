package com.recruitdesk.app.cohorts;

import com.recruitdesk.protocol.cohorts.StudentData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Seed 004's student demographics as fields: age and city typed, gender, race and disability picked
 * from {@link StudentData}'s lists (or left unsaid). The enrolment form and a student's details use
 * one each; {@link #problem} is the same check the server makes.
 */
final class DemographicsForm {
    private final TextField age = new TextField();
    private final TextField city = new TextField();
    private final Map<String, ComboBox<String>> picks = new LinkedHashMap<>();
    private final GridPane grid = new GridPane();

    /** {@code prefix} makes the fields' ids: {@code prefix + "-age"}, {@code prefix + "-gender"}, … */
    DemographicsForm(String prefix) {
        age.setId(prefix + "-age");
        age.setPromptText("Years");
        age.setPrefColumnCount(4);
        city.setId(prefix + "-city");
        city.setPromptText("City or town");
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        for (String field : StudentData.FIELDS) {
            Node input = switch (field) {
                case StudentData.AGE -> age;
                case StudentData.CITY -> city;
                default -> pick(prefix, field);
            };
            grid.addRow(row++, new Label(StudentData.fieldLabel(field)), input);
        }
    }

    private ComboBox<String> pick(String prefix, String field) {
        List<String> values = new java.util.ArrayList<>();
        values.add("");
        values.addAll(StudentData.CHOICES.get(field).keySet());
        ComboBox<String> box = new ComboBox<>(FXCollections.observableList(values));
        box.setId(prefix + "-" + field);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setCellFactory(l -> new Choice(field));
        box.setButtonCell(new Choice(field));
        box.setValue("");
        picks.put(field, box);
        return box;
    }

    Node node() {
        return grid;
    }

    /** What is typed and picked, every field (blank when not given). */
    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(StudentData.AGE, age.getText().strip());
        picks.forEach((field, box) -> out.put(field, box.getValue() == null ? "" : box.getValue()));
        out.put(StudentData.CITY, city.getText().strip());
        Map<String, String> ordered = new LinkedHashMap<>();
        StudentData.FIELDS.forEach(f -> ordered.put(f, out.get(f)));
        return ordered;
    }

    Optional<String> problem() {
        return StudentData.problem(values());
    }

    void show(Map<String, String> data) {
        age.setText(data.getOrDefault(StudentData.AGE, ""));
        city.setText(data.getOrDefault(StudentData.CITY, ""));
        picks.forEach((field, box) -> box.setValue(data.getOrDefault(field, "")));
    }

    void clear() {
        show(Map.of());
    }

    private static final class Choice extends ListCell<String> {
        private final String field;

        Choice(String field) {
            this.field = field;
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            setText(
                    empty || value == null
                            ? null
                            : value.isEmpty() ? "Not given" : StudentData.valueLabel(field, value));
        }
    }
}
