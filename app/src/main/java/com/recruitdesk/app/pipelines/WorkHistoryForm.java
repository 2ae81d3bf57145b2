package com.recruitdesk.app.pipelines;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.pipelines.data.Profile;
import com.recruitdesk.app.widgets.DateFields;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Section F of the profile: the person's roles, the current one first, each with Edit and Remove,
 * and a line to add one (company, title, from, to, current) or change the one being edited, checked
 * by the protocol's rules before it is sent. Roles are saved as they are added, changed or removed,
 * apart from the profile's Save.
 */
final class WorkHistoryForm {
    static final String ID = "profile-work-history";
    static final String COMPANY_ID = "profile-role-company";
    static final String TITLE_ID = "profile-role-title";
    static final String ADD_ID = "profile-role-add";
    static final String PROBLEMS_ID = "profile-role-problems";
    static final String REMOVE_CLASS = "profile-role-remove";
    static final String EDIT_CLASS = "profile-role-edit";
    static final String CANCEL_ID = "profile-role-cancel";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private WorkHistoryForm() {}

    static Node create(Profile.View v, ProfileViewModel vm) {
        TextField company = new TextField();
        company.setId(COMPANY_ID);
        company.setPromptText("Company");
        TextField title = new TextField();
        title.setId(TITLE_ID);
        title.setPromptText("Title");
        DatePicker from = DateFields.picker(null);
        from.setPromptText("From");
        DatePicker to = DateFields.picker(null);
        to.setPromptText("To");
        CheckBox current = new CheckBox("Current");
        current.setMinWidth(Region.USE_PREF_SIZE);
        to.disableProperty().bind(current.selectedProperty());
        Label problems = new Label();
        problems.setId(PROBLEMS_ID);
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: -color-danger-fg;");
        problems.managedProperty().bind(problems.textProperty().isNotEmpty()); // no gap while all is well
        Button add = new Button("Add role");
        add.setId(ADD_ID);
        add.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId(CANCEL_ID);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setVisible(false);
        UUID[] editing = {null}; // the role the line changes; null: the line adds one
        Runnable clear = () -> {
            editing[0] = null;
            company.clear();
            title.clear();
            from.setValue(null);
            to.setValue(null);
            current.setSelected(false);
            add.setText("Add role");
            cancel.setVisible(false);
        };
        Roles roles = new Roles(v, vm, new VBox(4), r -> {
            editing[0] = r.id();
            company.setText(r.company());
            title.setText(r.title() == null ? "" : r.title());
            from.setValue(r.start());
            to.setValue(r.end());
            current.setSelected(r.current());
            add.setText("Save role");
            cancel.setVisible(true);
            problems.setText("");
            company.requestFocus();
        });
        roles.show(v.history());
        add.setOnAction(e -> {
            List<String> wrong = vm.saveRole(
                    v,
                    editing[0],
                    company.getText(),
                    title.getText(),
                    ProfileEditor.dateText(from),
                    current.isSelected() ? "" : ProfileEditor.dateText(to),
                    current.isSelected(),
                    roles::show);
            problems.setText(String.join(" ", wrong));
            if (wrong.isEmpty()) {
                clear.run();
            }
        });
        cancel.setOnAction(e -> {
            clear.run();
            problems.setText("");
        });
        HBox.setHgrow(company, Priority.ALWAYS);
        HBox.setHgrow(title, Priority.ALWAYS);
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        HBox form = new HBox(6, company, title, from, to, current, add, cancel);
        form.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, ProfileEditor.heading("F · Work history"), roles.list(), form, problems);
    }

    /** The roles as they show, refilled after each change; {@code edit} puts one in the line below. */
    private record Roles(Profile.View v, ProfileViewModel vm, VBox list, Consumer<Profile.Role> edit) {
        Roles {
            list.setId(ID);
        }

        void show(List<Profile.Role> roles) {
            list.getChildren().clear();
            if (roles.isEmpty()) {
                list.getChildren().add(muted("No work history on file."));
            }
            for (Profile.Role r : roles) {
                Label what = new Label((r.title() == null ? "" : r.title() + " · ") + r.company());
                what.setStyle("-fx-font-weight: bold;");
                Button remove = new Button("Remove");
                remove.getStyleClass().addAll(REMOVE_CLASS, Styles.SMALL, Styles.FLAT);
                remove.setOnAction(e -> vm.removeRole(v, r.id(), this::show));
                Button change = new Button("Edit");
                change.getStyleClass().addAll(EDIT_CLASS, Styles.SMALL, Styles.FLAT);
                change.setOnAction(e -> edit.accept(r));
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                HBox line = new HBox(8, new VBox(1, what, muted(span(r))), gap, change, remove);
                line.setAlignment(Pos.CENTER_LEFT);
                list.getChildren().add(line);
            }
        }
    }

    private static String span(Profile.Role r) {
        String from = r.start() == null ? "?" : MONTH.format(r.start());
        if (r.current()) {
            return from + " – now · current role";
        }
        return from + " – " + (r.end() == null ? "?" : MONTH.format(r.end()));
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }
}
