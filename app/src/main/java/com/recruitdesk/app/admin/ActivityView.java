package com.recruitdesk.app.admin;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.admin.data.UserRow;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.protocol.admin.ActivityEntry;
import java.io.File;
import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The Activity log tab: the filters, the lines as a table, more lines on demand, and the CSV export. */
final class ActivityView {
    static final String PERSON_ID = "admin-activity-person";
    static final String KIND_ID = "admin-activity-kind";
    static final String ENTITY_ID = "admin-activity-entity";
    static final String FROM_ID = "admin-activity-from";
    static final String TO_ID = "admin-activity-to";
    static final String APPLY_ID = "admin-activity-apply";
    static final String CLEAR_ID = "admin-activity-clear";
    static final String EXPORT_ID = "admin-activity-export";
    static final String TABLE_ID = "admin-activity";
    static final String MORE_ID = "admin-activity-more";
    static final String STATE_ID = "admin-activity-state";

    private ActivityView() {}

    static Node create(ActivityViewModel vm, Times times) {
        ComboBox<UserRow> person = new ComboBox<>(vm.people());
        person.setId(PERSON_ID);
        person.setPromptText("Everyone");
        person.valueProperty().bindBidirectional(vm.personProperty());
        person.setConverter(new StringConverter<>() {
            @Override
            public String toString(UserRow u) {
                return u == null ? "Everyone" : u.name();
            }

            @Override
            public UserRow fromString(String s) {
                return null;
            }
        });
        ComboBox<String> kind = editable(KIND_ID, "Any kind", ActivityViewModel.KINDS);
        kind.getEditor().textProperty().bindBidirectional(vm.kindProperty());
        ComboBox<String> entity = editable(ENTITY_ID, "Any entity", ActivityViewModel.ENTITIES);
        entity.getEditor().textProperty().bindBidirectional(vm.entityProperty());
        DatePicker from = date(FROM_ID, "From", vm.fromProperty());
        DatePicker to = date(TO_ID, "To", vm.toProperty());
        Button apply = new Button("Show");
        apply.setId(APPLY_ID);
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(true);
        apply.setOnAction(e -> vm.load());
        Button clear = new Button("Clear");
        clear.setId(CLEAR_ID);
        clear.setOnAction(e -> vm.clearFilters());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button export = new Button("Export CSV…");
        export.setId(EXPORT_ID);
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the activity log");
            chooser.setInitialFileName("activity-log-" + LocalDate.now() + ".csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
            File file = chooser.showSaveDialog(export.getScene().getWindow());
            if (file != null) {
                vm.export(file.toPath());
            }
        });
        HBox filters = new HBox(8, person, kind, entity, from, to, apply, clear, spring, export);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<ActivityEntry> table = new TableView<>(vm.entries());
        table.setId(TABLE_ID);
        table.setPlaceholder(new Label("Choose what to see and press Show."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Time", 160, e -> times.stamp(e.at())));
        table.getColumns()
                .add(column(
                        "Person", 140, e -> e.userName() != null ? e.userName() : e.userId() == null ? "System" : ""));
        table.getColumns().add(column("Action", 170, ActivityEntry::actionType));
        table.getColumns().add(column("Entity", 130, e -> e.entityType() == null ? "" : e.entityType()));
        table.getColumns().add(column("Address", 110, e -> e.ipAddress() == null ? "" : e.ipAddress()));
        table.getColumns().add(column("What happened", 420, e -> e.description() == null ? "" : e.description()));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label state = Forms.shown(STATE_ID, vm.stateProperty());
        state.getStyleClass().add(Styles.TEXT_MUTED);
        Button more = new Button("Load more");
        more.setId(MORE_ID);
        more.visibleProperty().bind(vm.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.disableProperty().bind(vm.loadingProperty());
        more.setOnAction(e -> vm.loadMore());
        HBox foot = new HBox(12, state, more);
        foot.setAlignment(Pos.CENTER_LEFT);

        VBox tab = new VBox(10, filters, table, foot);
        tab.setPadding(new Insets(12));
        return tab;
    }

    private static ComboBox<String> editable(String id, String prompt, java.util.List<String> items) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(prompt);
        box.getItems().setAll(items);
        box.setPrefWidth(190);
        return box;
    }

    private static DatePicker date(String id, String prompt, javafx.beans.property.ObjectProperty<LocalDate> value) {
        DatePicker picker = com.recruitdesk.app.widgets.DateFields.picker(null);
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setPrefWidth(140);
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    private static TableColumn<ActivityEntry, String> column(
            String title, double width, Function<ActivityEntry, String> value) {
        TableColumn<ActivityEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
