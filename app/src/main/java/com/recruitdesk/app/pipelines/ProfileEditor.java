package com.recruitdesk.app.pipelines;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.pipelines.data.Profile;
import com.recruitdesk.app.pipelines.data.ProfileForm;
import com.recruitdesk.app.widgets.DateFields;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.ProfileFields;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The candidate's master profile (seed 002 sections A–G): every field of {@link ProfileFields} with
 * the control its kind calls for, grouped as the seed groups them, each stamped field with how old
 * its value is; the work history (section F) as it stands. Checked as you type by the server's
 * rules; Save stays refused while anything is wrong and sends only the fields changed.
 */
final class ProfileEditor {
    static final String ID = "profile-editor";
    static final String PROBLEMS_ID = "profile-problems";
    static final String SAVE_ID = "profile-save";

    private ProfileEditor() {}

    static String fieldId(String name) {
        return "profile-field-" + name;
    }

    static String freshnessId(String name) {
        return "profile-fresh-" + name;
    }

    /** Reads the person's profile off the UI thread, then opens the editor over {@code owner}. */
    static void openOf(UUID personId, Window owner, ProfileViewModel vm) {
        vm.open(personId, v -> open(owner, v, vm));
    }

    static Dialog<ButtonType> open(Window owner, Profile.View v, ProfileViewModel vm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.setTitle("Profile of " + v.name());
        dialog.setHeaderText(v.name() + " · master profile");
        Map<String, Supplier<String>> typed = new LinkedHashMap<>();
        Map<String, Control> controls = new LinkedHashMap<>();
        Map<String, String> start = ProfileForm.texts(v.person());
        VBox form = new VBox(14);
        form.setPadding(new Insets(4, 14, 14, 4));
        for (ProfileFields.Section s : ProfileFields.SECTIONS) {
            if (s.heading().startsWith("G")) {
                form.getChildren().add(WorkHistoryForm.create(v, vm));
            }
            form.getChildren().add(section(s, v, vm, start, typed, controls));
        }
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label problems = new Label();
        problems.setId(PROBLEMS_ID);
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: -color-danger-fg;");
        problems.setMinHeight(Region.USE_PREF_SIZE);
        VBox body = new VBox(8, scroll, problems);
        body.setId(ID);
        body.setPrefSize(820, 600);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        dialog.getDialogPane().setContent(body);
        // At least as wide as the form: the dialog otherwise settles on 600 px and cuts the fields.
        dialog.getDialogPane().setPrefWidth(860);
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button save = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        save.setText("Save profile");
        save.setId(SAVE_ID);
        Supplier<Map<String, String>> now = () -> {
            Map<String, String> out = new LinkedHashMap<>();
            typed.forEach((k, t) -> out.put(k, t.get()));
            return out;
        };
        Runnable check = () -> {
            Map<String, String> t = now.get();
            problems.setText(String.join("\n", vm.check(v, t).problems()));
            List<String> wrong = ProfileForm.wrongFields(v.person(), t);
            controls.forEach((name, c) -> c.pseudoClassStateChanged(Styles.STATE_DANGER, wrong.contains(name)));
        };
        controls.values().forEach(c -> watch(c, check));
        // Tab walks the whole form: the field it reaches is scrolled into sight.
        dialog.getDialogPane().sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.focusOwnerProperty().subscribe(n -> reveal(scroll, form, n));
            }
        });
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.save(v, now.get())) {
                check.run();
                e.consume(); // the editor stays open with what to fix, and nothing is sent
            }
        });
        dialog.show();
        return dialog;
    }

    private static Node section(
            ProfileFields.Section s,
            Profile.View v,
            ProfileViewModel vm,
            Map<String, String> start,
            Map<String, Supplier<String>> typed,
            Map<String, Control> controls) {
        GridPane grid = grid();
        int row = 0;
        for (FieldSpec f : s.fields()) {
            Label label = new Label(capitalised(f.label()));
            label.setWrapText(true);
            Control control = control(f, start.getOrDefault(f.name(), ""), typed);
            control.setId(fieldId(f.name()));
            label.setLabelFor(control);
            controls.put(f.name(), control);
            grid.add(label, 0, row);
            grid.add(control, 1, row);
            int at = row;
            vm.freshness(v, f).ifPresent(text -> {
                Label fresh = new Label(text);
                fresh.setId(freshnessId(f.name()));
                fresh.getStyleClass().add(Styles.TEXT_MUTED);
                grid.add(fresh, 2, at);
            });
            row++;
        }
        return new VBox(6, heading(s.heading()), grid);
    }

    private static Control control(FieldSpec f, String value, Map<String, Supplier<String>> typed) {
        Control c;
        switch (f.kind()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(value));
                typed.put(f.name(), () -> Boolean.toString(box.isSelected()));
                c = box;
            }
            case CHOICE -> {
                ComboBox<String> box = ChoiceBoxes.of(f.allowed(), value);
                typed.put(f.name(), () -> box.getValue() == null ? "" : box.getValue());
                c = box;
            }
            case DATE -> {
                DatePicker picker = DateFields.picker(value.isEmpty() ? null : LocalDate.parse(value));
                typed.put(f.name(), () -> dateText(picker));
                c = picker;
            }
            default -> {
                TextInputControl t = f.kind() == FieldSpec.Kind.TEXT && f.max() > FieldSpec.MAX_LINE
                        ? area(value)
                        : new TextField(value);
                t.setPromptText(
                        switch (f.kind()) {
                            case TEXT_LIST -> "Separated by commas";
                            case MONEY -> "A whole amount, e.g. 1200000";
                            case INTEGER, DECIMAL -> f.max() > 0 ? "0 to " + f.max() : "";
                            default -> f.pattern() != null && f.name().equals("currency") ? "e.g. INR" : "";
                        });
                typed.put(f.name(), t::getText);
                c = t;
            }
        }
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    /**
     * The picker's date as ISO text; what was typed and no form reads stays as typed, so the rule
     * refuses it in words instead of the picker quietly keeping its old date.
     */
    static String dateText(DatePicker picker) {
        String text = picker.getEditor().getText().strip();
        if (text.isEmpty()) {
            return "";
        }
        LocalDate read = picker.getConverter().fromString(text);
        return read == null ? text : read.toString();
    }

    private static void reveal(ScrollPane scroll, VBox form, Node focused) {
        if (focused == null || !isInside(focused, form)) {
            return;
        }
        javafx.geometry.Bounds at = form.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double shown = scroll.getViewportBounds().getHeight();
        double range = form.getHeight() - shown;
        if (range <= 0) {
            return;
        }
        double top = scroll.getVvalue() * range;
        if (at.getMinY() < top) {
            scroll.setVvalue(Math.max(0, at.getMinY() - 24) / range);
        } else if (at.getMaxY() > top + shown) {
            scroll.setVvalue(Math.min(range, at.getMaxY() - shown + 24) / range);
        }
    }

    private static boolean isInside(Node n, Node parent) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at == parent) {
                return true;
            }
        }
        return false;
    }

    private static void watch(Control c, Runnable check) {
        switch (c) {
            case CheckBox box -> box.selectedProperty().addListener((o, a, b) -> check.run());
            case ComboBox<?> box -> box.valueProperty().addListener((o, a, b) -> check.run());
            case DatePicker picker -> {
                picker.valueProperty().addListener((o, a, b) -> check.run());
                picker.getEditor().textProperty().addListener((o, a, b) -> check.run());
            }
            case TextInputControl t -> t.textProperty().addListener((o, a, b) -> check.run());
            default -> {}
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints label = new ColumnConstraints(170);
        ColumnConstraints control = new ColumnConstraints();
        control.setHgrow(Priority.ALWAYS);
        ColumnConstraints fresh = new ColumnConstraints(160);
        grid.getColumnConstraints().addAll(label, control, fresh);
        return grid;
    }

    private static TextArea area(String value) {
        TextArea area = new TextArea(value);
        area.setPrefRowCount(3);
        area.setWrapText(true);
        return area;
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private static String capitalised(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
