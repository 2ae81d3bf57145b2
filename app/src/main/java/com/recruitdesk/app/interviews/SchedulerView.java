package com.recruitdesk.app.interviews;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.interviews.data.Directory;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.protocol.interviews.InterviewRules;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/** The schedule of the next two weeks, and the form that schedules an interview or changes the chosen one. */
final class SchedulerView {
    static final String LIST_ID = "schedule-list";
    static final String NEW_ID = "schedule-new";
    static final String APPLICATION_ID = "schedule-application";
    static final String DATE_ID = "schedule-date";
    static final String TIME_ID = "schedule-time";
    static final String ZONE_ID = "schedule-zone";
    static final String LEAD_ID = "schedule-lead";
    static final String CLASH_ID = "schedule-clash";
    static final String SAVE_ID = "schedule-save";
    static final String PROBLEM_ID = "schedule-problem";
    static final String DONE_ID = "schedule-done";
    static final String CANCEL_REASON_ID = "schedule-cancel-reason";
    static final String CANCEL_ID = "schedule-cancel";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final List<String> ZONES = List.of(
            "Africa/Johannesburg",
            "Africa/Lagos",
            "Africa/Nairobi",
            "Africa/Cairo",
            "Europe/London",
            "Europe/Berlin",
            "America/New_York",
            "Asia/Dubai",
            "Asia/Kolkata",
            "UTC");

    private SchedulerView() {}

    static Node create(SchedulerViewModel vm, ZoneId zone) {
        ListView<InterviewItem> list = new ListView<>(vm.upcoming());
        list.setId(LIST_ID);
        list.setCellFactory(l -> new Cell(zone));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.edit(now);
            }
        });
        Button add = new Button("New interview");
        add.setId(NEW_ID);
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.newInterview();
        });
        Label upcoming = new Label("The next two weeks");
        upcoming.getStyleClass().add("section-title");
        VBox left = new VBox(8, add, upcoming, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(10, 8, 8, 10));
        left.setMinWidth(300);

        SplitPane split = new SplitPane(left, form(vm));
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(left, false);
        return split;
    }

    private static Node form(SchedulerViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.editingProperty().get() == null
                                ? "Schedule an interview"
                                : "Change the interview with "
                                        + vm.editingProperty().get().candidateName(),
                        vm.editingProperty()));

        ComboBox<Directory.Opening> application = new ComboBox<>(vm.openings());
        application.setId(APPLICATION_ID);
        application.setPromptText("Whose application");
        application.valueProperty().bindBidirectional(vm.openingProperty());
        application.disableProperty().bind(vm.editingProperty().isNotNull());
        application.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> type = choice(InterviewRules.TYPES, vm.typeProperty());
        ComboBox<String> mode = choice(InterviewRules.MODES, vm.modeProperty());
        DatePicker date = new DatePicker();
        date.setId(DATE_ID);
        date.setConverter(new javafx.util.converter.LocalDateStringConverter(
                DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH),
                DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)));
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField time = new TextField();
        time.setId(TIME_ID);
        time.setPrefColumnCount(5);
        time.setPromptText("14:30");
        time.textProperty().bindBidirectional(vm.timeProperty());
        ComboBox<String> tz = new ComboBox<>();
        tz.setId(ZONE_ID);
        tz.setEditable(true);
        tz.getItems().setAll(ZONES);
        tz.valueProperty().bindBidirectional(vm.timezoneProperty());
        ComboBox<Integer> duration = new ComboBox<>();
        duration.getItems().setAll(15, 30, 45, 60, 90, 120);
        duration.setValue(vm.durationProperty().get());
        duration.valueProperty()
                .addListener((o, was, now) -> vm.durationProperty().set(now == null ? 45 : now));
        vm.durationProperty().subscribe(v -> duration.setValue(v.intValue()));
        duration.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null ? "" : m + " minutes";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replaceAll("\\D", ""));
            }
        });
        ComboBox<Directory.Colleague> lead = new ComboBox<>(vm.colleagues());
        lead.setId(LEAD_ID);
        lead.valueProperty().bindBidirectional(vm.leadProperty());
        CheckComboBox<Directory.Colleague> panel = new CheckComboBox<>(vm.colleagues());
        panel.setTitle("Add panelists");
        panel.setShowCheckedCount(true);
        bindPanel(vm, panel);
        TextField link = text(vm.linkProperty(), "https://…");
        TextField room = text(vm.roomProperty(), "Boardroom 2");
        TextArea notes = area(vm.notesProperty(), "What the panel should read first");
        TextArea guide = area(vm.guideProperty(), "The questions to cover");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, label("Application"), application);
        grid.addRow(row++, label("Type"), new HBox(8, type, label("Mode"), mode));
        grid.addRow(row++, label("When"), new HBox(8, date, time, tz));
        grid.addRow(row++, label("Length"), duration);
        grid.addRow(row++, label("Lead"), lead);
        grid.addRow(row++, label("Panel"), panel);
        grid.addRow(row++, label("Meeting link"), link);
        grid.addRow(row++, label("Room"), room);
        grid.addRow(row++, label("Preparation"), notes);
        grid.addRow(row, label("Question guide"), guide);
        GridPane.setHgrow(application, Priority.ALWAYS);

        Label clashText = new Label();
        clashText.textProperty().bind(vm.clashProperty());
        clashText.setWrapText(true);
        HBox clash = new HBox(8, Icons.WARNING.node(16), clashText);
        clash.setId(CLASH_ID);
        clash.setAlignment(Pos.CENTER_LEFT);
        clash.getStyleClass().add("clash");
        clash.visibleProperty().bind(vm.clashProperty().isNotEmpty());
        clash.managedProperty().bind(clash.visibleProperty());

        Label problem = status(vm.problemProperty(), Styles.DANGER, PROBLEM_ID);
        Label done = status(vm.doneProperty(), Styles.SUCCESS, DONE_ID);
        Button save = new Button();
        save.setId(SAVE_ID);
        save.getStyleClass().add(Styles.ACCENT);
        save.textProperty()
                .bind(Bindings.when(vm.editingProperty().isNull())
                        .then("Schedule")
                        .otherwise("Save changes"));
        save.setOnAction(e -> vm.save());
        Label told = new Label("The panel is notified and the candidate gets a WhatsApp message.");
        told.getStyleClass().add(Styles.TEXT_MUTED);
        HBox actions = new HBox(10, save, told);
        actions.setAlignment(Pos.CENTER_LEFT);

        TextField reason = text(vm.cancelReasonProperty(), "Why it is cancelled");
        reason.setId(CANCEL_REASON_ID);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button cancel = new Button("Cancel interview");
        cancel.setId(CANCEL_ID);
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> vm.cancelInterview());
        Button noShow = new Button("No-show");
        noShow.setOnAction(e -> vm.markNoShow());
        HBox cancelling = new HBox(8, reason, cancel, noShow);
        cancelling.setAlignment(Pos.CENTER_LEFT);
        cancelling
                .visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.editingProperty().get() != null
                                && vm.editingProperty().get().open(),
                        vm.editingProperty()));
        cancelling.managedProperty().bind(cancelling.visibleProperty());

        VBox body = new VBox(12, title, grid, clash, problem, done, actions, cancelling);
        body.setPadding(new Insets(14, 18, 18, 18));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The checked panelists follow the view model's panel and back. */
    private static void bindPanel(SchedulerViewModel vm, CheckComboBox<Directory.Colleague> panel) {
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            panel.getCheckModel().clearChecks();
            vm.panel().forEach(c -> panel.getCheckModel().check(c));
            syncing[0] = false;
        };
        vm.panel().addListener((ListChangeListener<Directory.Colleague>) c -> fromModel.run());
        vm.colleagues().addListener((ListChangeListener<Directory.Colleague>) c -> fromModel.run());
        panel.getCheckModel().getCheckedItems().addListener((ListChangeListener<Directory.Colleague>) c -> {
            if (!syncing[0]) {
                vm.panel().setAll(List.copyOf(panel.getCheckModel().getCheckedItems()));
            }
        });
    }

    private static ComboBox<String> choice(List<String> values, javafx.beans.property.StringProperty value) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(value);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : InterviewRules.label(v);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label status(javafx.beans.value.ObservableStringValue text, String style, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static TextField text(javafx.beans.property.StringProperty value, String prompt) {
        TextField t = new TextField();
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static TextArea area(javafx.beans.property.StringProperty value, String prompt) {
        TextArea a = new TextArea();
        a.setPromptText(prompt);
        a.setWrapText(true);
        a.setPrefRowCount(3);
        a.textProperty().bindBidirectional(value);
        return a;
    }

    private static final class Cell extends ListCell<InterviewItem> {
        private final ZoneId zone;

        Cell(ZoneId zone) {
            this.zone = zone;
            setPrefWidth(0); // as wide as the list, never wider: long lines end in "…"
        }

        @Override
        protected void updateItem(InterviewItem i, boolean empty) {
            super.updateItem(i, empty);
            if (empty || i == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label when = new Label(WHEN.format(i.scheduledAt().atZone(zone)));
            when.getStyleClass().add("agenda-time");
            Label who = new Label(i.candidateName());
            who.getStyleClass().add(Styles.TEXT_BOLD);
            InterviewItem.Seat lead = i.lead();
            Label what = new Label(Labels.what(i) + (lead == null || lead.name() == null ? "" : " · " + lead.name()));
            what.getStyleClass().add(Styles.TEXT_MUTED);
            HBox top = new HBox(8, when);
            if (!"scheduled".equals(i.status())) {
                top.getChildren()
                        .add(com.recruitdesk.app.widgets.Pills.of(Labels.status(i.status()), "pill-" + i.status()));
            }
            if (i.pending()) {
                top.getChildren().add(com.recruitdesk.app.widgets.Pills.of("Waiting to send", "pill-pending"));
            }
            setGraphic(new VBox(2, top, who, what));
            setText(null);
        }
    }
}
