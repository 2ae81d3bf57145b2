package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pipelines.data.JobItem;
import com.recruitdesk.app.widgets.Banners;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.protocol.pipelines.JobStatus;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Pipelines pane: the jobs on the left, the chosen job's board in the middle, an application's detail on the right. */
public final class PipelinesView {
    public static final String ID = "pipelines";
    public static final String JOBS_ID = "pipelines-jobs";
    public static final String NOTICE_ID = "pipelines-notice";
    public static final String BOARD_ID = BoardView.ID;
    public static final String DETAIL_ID = DetailView.ID;
    public static final String CHAIN_ID = DetailView.CHAIN_ID;
    public static final String SCORE_ID = DetailView.SCORE_ID;
    public static final String JOB_TITLE_ID = "pipelines-job-title";
    public static final String REMARKS_ID = DetailView.REMARKS_ID;
    public static final String APPROVED_ID = DetailView.APPROVED_ID;
    public static final String DETAIL_SAVE_ID = DetailView.SAVE_ID;
    public static final String OPEN_CONVERSATION_ID = ConversationButton.ID;
    public static final String ACTION_CONVERSATION_CLASS = QueueView.OPEN_CONVERSATION_CLASS;
    public static final String MERGE_ID = MergeDialog.ID;
    public static final String LIST_ID = ApplicationTable.ID;
    public static final String ADD_PERSON_ID = "pipelines-add-person";
    public static final String ADD_PERSON_NAME_ID = AddPersonDialog.NAME_ID;
    public static final String ADD_PERSON_PHONE_ID = AddPersonDialog.PHONE_ID;
    public static final String ADD_PERSON_EMAIL_ID = AddPersonDialog.EMAIL_ID;
    public static final String ADD_PERSON_PROBLEMS_ID = AddPersonDialog.PROBLEMS_ID;
    public static final String ADD_PERSON_SAVE_ID = AddPersonDialog.SAVE_ID;
    public static final String SHOW_LIST_ID = BoardOrList.LIST_TOGGLE_ID;
    public static final String SHOW_BOARD_ID = BoardOrList.BOARD_TOGGLE_ID;
    public static final String MOVE_CHOSEN_ID = BoardOrList.MOVE_ID;
    public static final String REJECT_CHOSEN_ID = BoardOrList.REJECT_ID;

    public static String moveChosenToId(String stage) {
        return BoardOrList.moveToId(stage);
    }

    public static final String MERGE_SAVE_ID = MergeDialog.SAVE_ID;
    public static final String PROFILE_ID = ProfileButton.ID;
    public static final String PROFILE_EDITOR_ID = ProfileEditor.ID;
    public static final String PROFILE_SAVE_ID = ProfileEditor.SAVE_ID;
    public static final String PROFILE_PROBLEMS_ID = ProfileEditor.PROBLEMS_ID;
    public static final String PROFILE_HISTORY_ID = WorkHistoryForm.ID;
    public static final String PROFILE_ROLE_COMPANY_ID = WorkHistoryForm.COMPANY_ID;
    public static final String PROFILE_ROLE_TITLE_ID = WorkHistoryForm.TITLE_ID;
    public static final String PROFILE_ROLE_ADD_ID = WorkHistoryForm.ADD_ID;
    public static final String PROFILE_ROLE_PROBLEMS_ID = WorkHistoryForm.PROBLEMS_ID;
    public static final String PROFILE_ROLE_REMOVE_CLASS = WorkHistoryForm.REMOVE_CLASS;
    public static final String PROFILE_ROLE_EDIT_CLASS = WorkHistoryForm.EDIT_CLASS;

    public static String profileFieldId(String name) {
        return ProfileEditor.fieldId(name);
    }

    public static String profileFreshnessId(String name) {
        return ProfileEditor.freshnessId(name);
    }

    /** The merge dialog's choice of the user's own value of {@code field}. */
    public static String mergeMineId(String field) {
        return MergeDialog.mineId(field);
    }

    public static String mergeTheirsId(String field) {
        return MergeDialog.theirsId(field);
    }

    private PipelinesView() {}

    public static String laneId(String stage) {
        return BoardView.laneId(stage);
    }

    public static final String ACTIONS_ID = QueueView.ACTIONS_ID;
    public static final String EXPORT_ID = QueueView.EXPORT_ID;
    public static final String EXPORT_STATE_ID = QueueView.EXPORT_STATE_ID;
    public static final String NEW_JOB_ID = "pipelines-new-job";
    public static final String EDIT_JOB_ID = "pipelines-edit-job";
    public static final String JOB_EDITOR_ID = JobEditor.ID;
    public static final String PRESCREEN_ID = "pipelines-prescreen";
    public static final String JOB_EDITOR_PROBLEMS_ID = JobEditor.PROBLEMS_ID;

    public static String jobFieldId(String name) {
        return JobEditor.fieldId(name);
    }

    public static Node create(
            PipelinesViewModel vm,
            QueueViewModel queue,
            MergeViewModel merges,
            ConversationLinkViewModel link,
            ProfileViewModel profiles,
            PrescreenViewModel prescreen) {
        BorderPane root = new BorderPane();
        root.setId(ID);
        root.setTop(Banners.notice(NOTICE_ID, vm.noticeProperty(), Icons.ERROR, vm::dismissNotice));
        root.setLeft(jobs(vm, queue));
        BoardOrList shown = BoardOrList.create(vm);
        VBox center = new VBox(8, header(vm, queue, prescreen, shown.tools()), shown.body());
        VBox.setVgrow(center.getChildren().get(1), Priority.ALWAYS);
        center.setPadding(new Insets(10));
        root.setCenter(center);
        root.setRight(DetailView.create(vm, link, ProfileButton.create(vm.shownProperty(), profiles)));
        // Offered when it comes, or when the pane is next shown if another pane was up then.
        Runnable offer = () -> {
            var offered = merges.offeredProperty().get();
            if (offered != null
                    && root.getScene() != null
                    && root.getProperties().get(MergeDialog.ID) != offered) {
                root.getProperties().put(MergeDialog.ID, offered);
                MergeDialog.open(
                        root.getScene().getWindow(),
                        offered,
                        MergeDialog.subject(offered, vm),
                        new Times(vm.clock(), vm.clock().getZone()),
                        merges);
            }
        };
        merges.offeredProperty().addListener((o, a, b) -> offer.run());
        root.sceneProperty().addListener((o, a, b) -> offer.run());
        root.getStylesheets()
                .add(Objects.requireNonNull(PipelinesView.class.getResource("pipelines.css"))
                        .toExternalForm());
        return root;
    }

    private static void openEditor(PipelinesViewModel vm, Node from, boolean fresh) {
        JobItem j = vm.jobProperty().get();
        vm.editJob(
                fresh,
                (row, references) -> JobEditor.open(
                        from.getScene().getWindow(),
                        fresh || j == null ? null : j.id(),
                        row,
                        references,
                        java.time.LocalDate.ofInstant(
                                vm.clock().instant(), vm.clock().getZone()),
                        vm::saveJob));
    }

    private static Node jobs(PipelinesViewModel vm, QueueViewModel queue) {
        ComboBox<String> filter = new ComboBox<>();
        filter.getItems().addAll(PipelinesViewModel.LIVE, PipelinesViewModel.ALL);
        filter.getItems().addAll(JobStatus.ALL);
        filter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        filter.setMaxWidth(Double.MAX_VALUE);
        TextField search = new TextField();
        search.setPromptText("Search jobs");
        search.textProperty().bindBidirectional(vm.searchProperty());
        ListView<JobItem> list = new ListView<>(vm.jobs());
        list.setId(JOBS_ID);
        list.getStyleClass().add("job-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(JobItem job, boolean empty) {
                super.updateItem(job, empty);
                if (empty || job == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(job.title());
                title.getStyleClass().add("job-title");
                Label meta = new Label(JobStatus.label(job.status()) + " · " + job.active() + " active"
                        + (job.location() == null ? "" : " · " + job.location()));
                meta.getStyleClass().add("muted");
                VBox box = new VBox(2, title, meta);
                box.getStyleClass().add("job-row");
                setGraphic(box);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null
                    && (vm.jobProperty().get() == null
                            || !b.id().equals(vm.jobProperty().get().id()))) {
                vm.jobProperty().set(b);
            }
        });
        Runnable reselect = () -> {
            JobItem b = vm.jobProperty().get();
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        };
        vm.jobProperty().addListener((o, a, b) -> reselect.run());
        vm.jobs().addListener((javafx.collections.ListChangeListener<JobItem>) c -> reselect.run());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, filter, search, list, QueueView.actions(queue));
        box.getStyleClass().add("jobs");
        box.setPadding(new Insets(10));
        box.setPrefWidth(220);
        box.setMinWidth(200);
        return box;
    }

    private static Node header(PipelinesViewModel vm, QueueViewModel queue, PrescreenViewModel prescreen, Node views) {
        Label title = new Label();
        title.setId(JOB_TITLE_ID);
        title.getStyleClass().add("board-title");
        javafx.scene.control.Tooltip fullTitle = new javafx.scene.control.Tooltip();
        fullTitle.textProperty().bind(title.textProperty());
        title.setTooltip(fullTitle);
        Label status = new Label();
        status.getStyleClass().add("muted");
        MenuButton move = new MenuButton("Status");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Runnable show = () -> {
            JobItem j = vm.jobProperty().get();
            title.setText(j == null ? "No job chosen" : j.title());
            status.setText(j == null ? "" : JobStatus.label(j.status()));
            move.getItems().clear();
            if (j != null) {
                JobStatus.next(j.status()).stream().sorted().forEach(next -> {
                    MenuItem item = new MenuItem(JobStatus.label(next));
                    item.setOnAction(e -> vm.setJobStatus(j.id(), next));
                    move.getItems().add(item);
                });
            }
            move.setDisable(move.getItems().isEmpty());
        };
        vm.jobProperty().addListener((o, a, b) -> show.run());
        show.run();
        status.setMinWidth(Region.USE_PREF_SIZE);
        move.setMinWidth(Region.USE_PREF_SIZE);
        Button edit = new Button("Edit job");
        edit.setId(EDIT_JOB_ID);
        edit.disableProperty().bind(vm.jobProperty().isNull());
        edit.setOnAction(e -> openEditor(vm, edit, false));
        Button fresh = new Button("New job");
        fresh.setId(NEW_JOB_ID);
        fresh.setOnAction(e -> openEditor(vm, fresh, true));
        // The board's keys are told in the Board switch's tooltip (and the README).
        // The job's status menu sits with the job's other tools on the second row, so the title
        // has the room it needs beside the view switch.
        HBox header = new HBox(10, title, status, gap, views);
        header.setAlignment(Pos.CENTER_LEFT);
        edit.setMinWidth(Region.USE_PREF_SIZE);
        fresh.setMinWidth(Region.USE_PREF_SIZE);
        Button person = new Button("Add person");
        person.setId(ADD_PERSON_ID);
        person.setMinWidth(Region.USE_PREF_SIZE);
        person.disableProperty().bind(vm.jobProperty().isNull());
        person.setOnAction(e -> AddPersonDialog.open(
                person.getScene().getWindow(), vm.jobProperty().get(), vm));
        Button questions = new Button("Prescreen");
        questions.setId(PRESCREEN_ID);
        questions.setMinWidth(Region.USE_PREF_SIZE);
        questions.disableProperty().bind(vm.jobProperty().isNull());
        questions.setOnAction(e -> PrescreenEditor.open(
                questions.getScene().getWindow(), vm.jobProperty().get(), prescreen));
        // Wraps rather than widening the pane: in a row, the tools and an export's progress pushed the
        // detail column out of the window.
        FlowPane tools = new FlowPane(10, 6, move, edit, questions, fresh, person, QueueView.export(queue));
        tools.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, header, tools);
    }
}
