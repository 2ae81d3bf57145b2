package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.cohorts.data.CohortBook;
import com.recruitdesk.app.cohorts.data.CohortCommands;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.widgets.Banners;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.Notice;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Cohorts tab: the reviewer's cohorts on the left; the chosen one's details to edit, the moves its
 * state allows, and its students with a form to enrol one. A new cohort is a blank form. Edits are
 * queued like decisions (offline too) and a refusal comes back in the banner with its sentence.
 */
final class CohortsTab {
    private static final CohortBook.Choice NO_SPONSOR = new CohortBook.Choice(null, null, "No sponsor");

    final Notice message = new Notice();
    private final CohortBook book;
    private final CohortCommands commands;
    private final TaskExecutor tasks;

    private final ListView<CohortBook.Cohort> cohorts = new ListView<>();
    private final ListView<CohortBook.Student> students = new ListView<>();
    private final Label heading = new Label();
    private final TextField name = new TextField();
    private final ComboBox<String> program = new ComboBox<>(FXCollections.observableList(CohortRules.PROGRAM_TYPES));
    private final ComboBox<CohortBook.Choice> institution = new ComboBox<>();
    private final ComboBox<CohortBook.Choice> sponsor = new ComboBox<>();
    private final DatePicker start = com.recruitdesk.app.widgets.DateFields.picker(null);
    private final DatePicker end = com.recruitdesk.app.widgets.DateFields.picker(null);
    private final TextField count = new TextField();
    private final List<CheckBox> required = new ArrayList<>();
    private final HBox moves = new HBox(8);
    private final VBox studentsBox = new VBox(8);
    private final TextField studentName = new TextField();
    private final TextField studentEmail = new TextField();
    private final TextField studentWhatsapp = new TextField();
    private final DemographicsForm studentData = new DemographicsForm("enrol");
    private final StudentDetail detail;
    private CohortBook.Cohort editing;
    private List<CohortBook.Choice> allSponsors = List.of();

    CohortsTab(CohortBook book, CohortCommands commands, TaskExecutor tasks, TrailActions links, Times times) {
        this.book = book;
        this.commands = commands;
        this.tasks = tasks;
        this.detail = new StudentDetail(commands, links, tasks, times, message);
    }

    Node create() {
        BorderPane root = new BorderPane();
        root.setId("cohorts-tab");
        root.getStyleClass().add("cohort-admin");
        root.getStylesheets()
                .add(Objects.requireNonNull(CohortsTab.class.getResource("cohorts.css"))
                        .toExternalForm());
        Button add = new Button("New cohort");
        add.setId("cohort-new");
        add.setOnAction(e -> cohorts.getSelectionModel().clearSelection());
        VBox left = new VBox(8, add, cohorts);
        VBox.setVgrow(cohorts, Priority.ALWAYS);
        left.getStyleClass().add("cohort-tools");
        left.setPrefWidth(300);
        cohorts.setId("cohort-list");
        cohorts.setCellFactory(l -> new CohortCells.CohortCell());
        cohorts.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> show(now));
        root.setLeft(left);

        ScrollPane details = new ScrollPane(form());
        details.setFitToWidth(true);
        details.setFitToHeight(true);
        root.setCenter(details);
        root.setTop(Banners.notice("cohorts-notice", message, Icons.WARNING));
        reload();
        return root;
    }

    private Node form() {
        heading.getStyleClass().add("cohort-title");
        name.setId("cohort-name");
        program.setId("cohort-program");
        institution.setId("cohort-institution");
        institution.valueProperty().addListener((o, was, now) -> offerSponsors(now));
        sponsor.setId("cohort-sponsor");
        start.setId("cohort-start");
        end.setId("cohort-end");
        count.setId("cohort-count");
        count.setPrefColumnCount(5);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        var labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a label is never cut
        grid.getColumnConstraints().add(labels);
        int row = 0;
        grid.addRow(row++, new Label("Name"), name);
        grid.addRow(row++, new Label("Programme"), program);
        grid.addRow(row++, new Label("Institution"), institution);
        grid.addRow(row++, new Label("Sponsor"), sponsor);
        grid.addRow(row++, new Label("Starts"), start);
        grid.addRow(row++, new Label("Ends"), end);
        grid.addRow(row++, new Label("Expected students"), count);
        FlowPane docs = new FlowPane(12, 6);
        for (String type : CohortRules.DOCUMENT_TYPES) {
            CheckBox box = new CheckBox(CohortRules.documentLabel(type));
            box.setUserData(type);
            box.setId("cohort-requires-" + type);
            required.add(box);
            docs.getChildren().add(box);
        }
        grid.addRow(row, new Label("Asks for"), docs);
        GridPane.setHgrow(name, Priority.ALWAYS);

        Button save = new Button("Save cohort");
        save.setId("cohort-save");
        save.setDefaultButton(false);
        save.setOnAction(e -> save());
        moves.setAlignment(Pos.CENTER_LEFT);
        for (String to : CohortRules.STATES) {
            Button move = new Button(moveLabel(to));
            move.setId("cohort-move-" + to);
            move.setUserData(to);
            move.setOnAction(e -> move(to));
            moves.getChildren().add(move);
        }
        HBox actions = new HBox(12, save, moves);

        Label studentsTitle = new Label("Students");
        studentsTitle.getStyleClass().add("cohort-strong");
        students.setId("cohort-students");
        students.setPrefHeight(180);
        students.setMinHeight(120); // the student's details below never squeeze the list shut
        students.setCellFactory(l -> new CohortCells.StudentCell());
        studentName.setPromptText("Full name");
        studentName.setId("enrol-name");
        studentEmail.setPromptText("Email");
        studentEmail.setId("enrol-email");
        studentWhatsapp.setPromptText("WhatsApp number, +27…");
        studentWhatsapp.setId("enrol-whatsapp");
        Button enrol = new Button("Enrol student");
        enrol.setId("enrol-student");
        enrol.setOnAction(e -> enrol());
        VBox enrolForm = new VBox(6, studentName, studentEmail, studentWhatsapp, studentData.node(), enrol);
        Label hint = new Label("An enrolled student gets an upload link: pick them above to copy or send it.");
        hint.getStyleClass().add("cohort-muted");
        hint.setWrapText(true);
        Label enrolTitle = new Label("Enrol a student");
        enrolTitle.getStyleClass().add("cohort-strong");
        students.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> detail.show(now));
        studentsBox.getChildren().setAll(studentsTitle, students, detail.create(), enrolTitle, enrolForm, hint);

        VBox box = new VBox(12, heading, grid, actions);
        box.getStyleClass().add("cohort-canvas");
        studentsBox.getStyleClass().add("cohort-canvas");
        studentsBox.setPrefWidth(420);
        VBox.setVgrow(students, Priority.ALWAYS);
        HBox both = new HBox(box, studentsBox);
        HBox.setHgrow(box, Priority.ALWAYS);
        return both;
    }

    /** Reads the store again, keeping the cohort being edited selected. */
    void reload() {
        UUID selected = editing == null ? null : editing.id();
        List<CohortBook.Cohort> all = book.cohorts();
        cohorts.getItems().setAll(all);
        CohortBook.Choice where = institution.getValue();
        CohortBook.Choice by = sponsor.getValue();
        institution.getItems().setAll(book.institutions());
        allSponsors = book.sponsors();
        institution.setValue(where);
        offerSponsors(where);
        if (sponsor.getItems().contains(by)) {
            sponsor.setValue(by); // the institution's list was refilled meanwhile
        }
        if (selected == null) {
            if (where == null) {
                show(null); // the first time: the blank form with the institution picked
            }
            return; // a new cohort's form keeps what is being typed
        }
        all.stream()
                .filter(c -> c.id().equals(selected))
                .findFirst()
                // Missing for a moment while its sent row gives way to the server's: the form stays.
                .ifPresent(c -> cohorts.getSelectionModel().select(c));
    }

    /** The sponsors of {@code where} only: a cohort's sponsor is of its institution. */
    private void offerSponsors(CohortBook.Choice where) {
        List<CohortBook.Choice> offered = new ArrayList<>();
        offered.add(NO_SPONSOR);
        allSponsors.stream()
                .filter(s -> where != null && where.id().equals(s.institutionId()))
                .forEach(offered::add);
        CohortBook.Choice was = sponsor.getValue();
        sponsor.getItems().setAll(offered);
        sponsor.setValue(offered.contains(was) ? was : NO_SPONSOR);
    }

    private void show(CohortBook.Cohort cohort) {
        editing = cohort;
        heading.setText(cohort == null ? "New cohort" : cohort.name());
        name.setText(cohort == null ? "" : cohort.name());
        program.setValue(cohort == null ? CohortRules.PROGRAM_TYPES.getFirst() : cohort.programType());
        institution.setDisable(cohort != null || institution.getItems().size() < 2);
        institution.setValue(institution.getItems().stream()
                .filter(i -> cohort == null || i.id().equals(cohort.institutionId()))
                .findFirst()
                .orElse(null));
        offerSponsors(institution.getValue());
        sponsor.setValue(sponsor.getItems().stream()
                .filter(s -> Objects.equals(s.id(), cohort == null ? null : cohort.sponsorId()))
                .findFirst()
                .orElse(NO_SPONSOR));
        start.setValue(cohort == null ? null : cohort.startDate());
        end.setValue(cohort == null ? null : cohort.endDate());
        count.setText(
                cohort == null || cohort.studentCount() == null
                        ? ""
                        : cohort.studentCount().toString());
        List<String> asked = cohort == null ? CohortRules.DEFAULT_REQUIRED : cohort.requiredDocuments();
        required.forEach(b -> b.setSelected(asked.contains((String) b.getUserData())));
        // The buttons stay the same nodes; each is shown while the cohort's state allows its move.
        for (Node move : moves.getChildren()) {
            boolean allowed = cohort != null && CohortRules.canMove(cohort.state(), (String) move.getUserData());
            move.setVisible(allowed);
            move.setManaged(allowed);
        }
        studentsBox.setVisible(cohort != null);
        studentsBox.setManaged(cohort != null);
        UUID picked = students.getSelectionModel().getSelectedItem() == null
                ? null
                : students.getSelectionModel().getSelectedItem().enrollmentId();
        students.getItems().setAll(cohort == null ? List.of() : book.students(cohort.id()));
        students.getItems().stream()
                .filter(st -> st.enrollmentId().equals(picked))
                .findFirst()
                .ifPresentOrElse(st -> students.getSelectionModel().select(st), () -> detail.show(null));
    }

    private void move(String to) {
        CohortBook.Cohort cohort = editing;
        if (cohort == null) {
            return;
        }
        tasks.run(
                () -> {
                    commands.setState(cohort.id(), to);
                    return null;
                },
                done -> reload(),
                this::failed);
    }

    private void save() {
        CohortBook.Choice where = institution.getValue();
        if (name.getText().isBlank()) {
            message.problem("Give the cohort a name.");
            return;
        }
        if (where == null) {
            message.problem("Pick the institution the cohort belongs to.");
            return;
        }
        Integer expected;
        try {
            expected = count.getText().isBlank()
                    ? null
                    : Integer.valueOf(count.getText().strip());
        } catch (NumberFormatException e) {
            message.problem(
                    "Expected students is a number, not '" + count.getText().strip() + "'.");
            return;
        }
        List<String> asked = required.stream()
                .filter(CheckBox::isSelected)
                .map(b -> (String) b.getUserData())
                .toList();
        CohortBook.Cohort was = editing;
        var args = new CohortMutations.SaveCohort(
                was == null ? UUID.randomUUID() : was.id(),
                where.id(),
                name.getText().strip(),
                program.getValue(),
                start.getValue(),
                end.getValue(),
                expected,
                sponsor.getValue() == null ? null : sponsor.getValue().id(),
                asked,
                was == null ? null : was.version());
        message.clear();
        tasks.run(
                () -> {
                    commands.save(args);
                    return args.cohortId();
                },
                id -> {
                    editing = new CohortBook.Cohort(
                            id, null, args.name(), null, null, null, null, null, null, List.of(), 0, 0);
                    reload();
                },
                this::failed);
    }

    private void enrol() {
        CohortBook.Cohort cohort = editing;
        if (cohort == null) {
            return;
        }
        if (studentName.getText().isBlank()
                || (studentEmail.getText().isBlank()
                        && studentWhatsapp.getText().isBlank())) {
            message.problem("A student needs a name and an email or a WhatsApp number.");
            return;
        }
        var problem = studentData.problem();
        if (problem.isPresent()) {
            message.problem(problem.get());
            return;
        }
        String who = studentName.getText().strip();
        String email = studentEmail.getText();
        String whatsapp = studentWhatsapp.getText();
        var data = studentData.values();
        message.clear();
        tasks.run(
                () -> commands.enroll(cohort.id(), cohort.institutionId(), who, email, whatsapp, data),
                id -> {
                    studentName.clear();
                    studentEmail.clear();
                    studentWhatsapp.clear();
                    studentData.clear();
                    reload();
                },
                this::failed);
    }

    /** The server refused a change made here: say why, and show the cohorts as they are. */
    void rejected(com.recruitdesk.app.store.LocalStore.Rejection rejection) {
        tasks.onUi(() -> {
            message.problem(com.recruitdesk.app.sync.RejectionText.of(rejection));
            reload();
        });
    }

    private void failed(Throwable e) {
        message.problem("That was not saved: " + e.getMessage());
    }

    private static String moveLabel(String to) {
        return switch (to) {
            case "active" -> "Start the cohort";
            case "completed" -> "Mark completed";
            case "cancelled" -> "Cancel the cohort";
            default -> to;
        };
    }
}
