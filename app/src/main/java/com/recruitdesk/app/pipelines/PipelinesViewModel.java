package com.recruitdesk.app.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.pipelines.data.Board;
import com.recruitdesk.app.pipelines.data.Card;
import com.recruitdesk.app.pipelines.data.Detail;
import com.recruitdesk.app.pipelines.data.JobForm;
import com.recruitdesk.app.pipelines.data.JobItem;
import com.recruitdesk.app.pipelines.data.PipelineCommands;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.RejectionText;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.JobStatus;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Pipelines pane's state: the jobs (filtered by status and searched), the chosen job's board of
 * applications by stage, the application open in the detail, and what the server refused. Reads
 * run off the UI thread and land on it; every change is a command shown at once.
 */
public final class PipelinesViewModel {
    /** The board's lanes in order; the last two are the closed lanes. */
    public static final List<String> LANES = PipelineMutations.STAGES;

    /** The status filter's choices: live jobs, every job, or one status. */
    public static final String LIVE = "Live jobs";

    public static final String ALL = "All jobs";

    private final Board board;
    private final Detail detail;
    private final PipelineCommands commands;
    private final TaskExecutor tasks;
    private final Clock clock;

    private final ObservableList<JobItem> jobs = FXCollections.observableArrayList();
    private final ObjectProperty<JobItem> job = new SimpleObjectProperty<>();
    private final StringProperty statusFilter = new SimpleStringProperty(LIVE);
    private final StringProperty search = new SimpleStringProperty("");
    private final Map<String, ObservableList<Card>> lanes = new LinkedHashMap<>();
    private final ObjectProperty<UUID> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Detail.View> shown = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private long generation;
    private UUID[] opening; // a job and application to show once the jobs are read

    public PipelinesViewModel(Board board, Detail detail, PipelineCommands commands, TaskExecutor tasks, Clock clock) {
        this.board = board;
        this.detail = detail;
        this.commands = commands;
        this.tasks = tasks;
        this.clock = clock;
        LANES.forEach(stage -> lanes.put(stage, FXCollections.observableArrayList()));
        statusFilter.addListener((o, a, b) -> refreshJobs());
        search.addListener((o, a, b) -> refreshJobs());
        job.addListener((o, a, b) -> refreshBoard());
        selected.addListener((o, a, b) -> refreshDetail());
    }

    public void start() {
        refreshJobs();
    }

    /** The store changed: read again what those entities show. */
    public void changed(Set<String> entities) {
        tasks.onUi(() -> {
            if (entities.contains(Entities.JOB) || entities.contains(Entities.APPLICATION)) {
                refreshJobs();
            }
            if (entities.contains(Entities.APPLICATION)
                    || entities.contains(Entities.APPLICATION_TIMELINE)
                    || entities.contains(Entities.CANDIDATE)) {
                refreshBoard();
            }
            if (entities.stream()
                    .anyMatch(e -> List.of(
                                    Entities.APPLICATION,
                                    Entities.APPLICATION_NOTE,
                                    Entities.APPLICATION_TIMELINE,
                                    Entities.PRESCREEN_ANSWER,
                                    Entities.PRESCREEN_QUESTION,
                                    Entities.CANDIDATE)
                            .contains(e))) {
                refreshDetail();
            }
        });
    }

    private void refreshJobs() {
        String filter = statusFilter.get();
        List<String> statuses =
                LIVE.equals(filter) ? List.copyOf(JobStatus.LIVE) : ALL.equals(filter) ? List.of() : List.of(filter);
        String text = search.get();
        tasks.run(
                () -> board.jobs(statuses, text),
                found -> {
                    UUID current = job.get() == null ? null : job.get().id();
                    jobs.setAll(found);
                    JobItem again = found.stream()
                            .filter(j -> j.id().equals(current))
                            .findFirst()
                            .orElse(null);
                    if (opening != null) {
                        UUID[] o = opening;
                        JobItem wanted = found.stream()
                                .filter(f -> f.id().equals(o[0]))
                                .findFirst()
                                .orElse(null);
                        if (wanted != null) {
                            opening = null;
                            job.set(wanted);
                            selected.set(o[1]);
                            return;
                        }
                    }
                    if (again == null && !found.isEmpty() && current == null) {
                        again = found.getFirst();
                    }
                    if (again != null) {
                        job.set(again); // same id: the board refreshes when it is another job
                    }
                },
                this::failed);
    }

    /** Reads the chosen job's cards and files them by lane, newest in the stage first. */
    public void refreshBoard() {
        JobItem j = job.get();
        if (j == null) {
            lanes.values().forEach(List::clear);
            return;
        }
        long mine = ++generation;
        tasks.run(
                () -> board.cards(j.id()),
                cards -> {
                    if (mine != generation) {
                        return; // a newer read is on its way
                    }
                    Map<String, List<Card>> byLane = new LinkedHashMap<>();
                    LANES.forEach(l -> byLane.put(l, new ArrayList<>()));
                    for (Card c : cards) {
                        byLane.getOrDefault(c.stage(), byLane.get(LANES.getFirst()))
                                .add(c);
                    }
                    byLane.forEach((lane, list) -> {
                        list.sort(Comparator.comparing(
                                        Card::inStageSince, Comparator.nullsLast(Comparator.reverseOrder()))
                                .thenComparing(Card::name));
                        lanes.get(lane).setAll(list);
                    });
                },
                this::failed);
    }

    private void refreshDetail() {
        UUID id = selected.get();
        if (id == null) {
            shown.set(null);
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        tasks.run(() -> detail.of(id, today).orElse(null), shown::set, this::failed);
    }

    /** Shows the job (every job listed, if the filter hides it) and the application in the detail. */
    public void open(UUID jobId, UUID applicationId) {
        JobItem there =
                jobs.stream().filter(j -> j.id().equals(jobId)).findFirst().orElse(null);
        if (there != null) {
            job.set(there);
            selected.set(applicationId);
            return;
        }
        opening = new UUID[] {jobId, applicationId};
        if (ALL.equals(statusFilter.get())) {
            refreshJobs();
        } else {
            statusFilter.set(ALL);
        }
    }

    // --- commands -------------------------------------------------------------------------------

    /** Saves the job editor's changes ({@code jobId} null: a new job, chosen once it is listed). */
    public void saveJob(UUID jobId, ObjectNode changes) {
        tasks.run(
                () -> commands.saveJob(jobId, changes),
                id -> {
                    if (jobId == null) {
                        open(id, null);
                    }
                },
                this::failed);
    }

    /** The chosen job's row and what its reference fields may point at, for the editor. */
    public void editJob(boolean fresh, BiConsumer<ObjectNode, Map<FieldSpec, List<JobForm.Option>>> then) {
        JobItem j = job.get();
        tasks.run(
                () -> Map.entry(
                        Optional.ofNullable(
                                fresh || j == null ? null : board.job(j.id()).orElse(null)),
                        board.references()),
                r -> then.accept(r.getKey().orElse(null), r.getValue()),
                this::failed);
    }

    /** Moves the cards to {@code stage}; the board shows it at once (the optimistic rows). */
    public void move(List<UUID> applications, String stage) {
        if (applications.isEmpty() || !LANES.contains(stage)) {
            return;
        }
        // Shown in this frame: the cards change lanes before the outbox is written.
        for (UUID id : applications) {
            for (Map.Entry<String, ObservableList<Card>> lane : lanes.entrySet()) {
                Card card = lane.getValue().stream()
                        .filter(c -> c.id().equals(id))
                        .findFirst()
                        .orElse(null);
                if (card != null && !lane.getKey().equals(stage)) {
                    lane.getValue().remove(card);
                    lanes.get(stage).addFirst(card.movedTo(stage));
                }
            }
        }
        List<UUID> ids = List.copyOf(applications);
        tasks.run(
                () -> {
                    commands.move(ids, stage);
                    return null;
                },
                ok -> {},
                this::failed);
    }

    /** Moves the cards one lane on ({@code +1}) or back ({@code -1}) from {@code from}. */
    public void moveBy(List<UUID> applications, String from, int step) {
        int at = LANES.indexOf(from) + step;
        if (at >= 0 && at < LANES.size()) {
            move(applications, LANES.get(at));
        }
    }

    public void update(UUID application, ObjectNode changes) {
        if (changes.isEmpty()) {
            return;
        }
        tasks.run(
                () -> {
                    commands.update(application, changes);
                    return null;
                },
                ok -> {},
                this::failed);
    }

    public void addNote(UUID application, String text, String type, boolean isPrivate) {
        if (text == null || text.isBlank()) {
            return;
        }
        tasks.run(
                () -> {
                    commands.addNote(application, text, type, isPrivate);
                    return null;
                },
                ok -> {},
                this::failed);
    }

    public void recordAnswer(UUID application, UUID jobId, UUID question, String value) {
        tasks.run(
                () -> {
                    commands.recordAnswer(application, jobId, question, value);
                    return null;
                },
                ok -> {},
                this::failed);
    }

    public void setJobStatus(UUID jobId, String status) {
        tasks.run(
                () -> {
                    commands.setJobStatus(jobId, status);
                    return null;
                },
                ok -> {},
                this::failed);
    }

    /** A person added to the chosen job from the pane or another pane. */
    public void addToJob(UUID jobId, UUID candidate) {
        tasks.run(() -> commands.addToJob(jobId, candidate), id -> {}, this::failed);
    }

    /** A person not yet on file added with their application to {@code jobId}, opened in the detail. */
    public void addPerson(UUID jobId, String fullName, String phone, String email) {
        tasks.run(() -> commands.addPerson(jobId, fullName, phone, email), id -> open(jobId, id), this::failed);
    }

    public PipelineCommands commands() {
        return commands;
    }

    public void rejected(LocalStore.Rejection r) {
        String text = RejectionText.of(r);
        tasks.onUi(() -> {
            notice.set(text);
            refreshBoard();
        });
    }

    /** The name on the board's card of {@code application}, if it is on the chosen job's board. */
    public Optional<String> cardName(UUID application) {
        return lanes.values().stream()
                .flatMap(List::stream)
                .filter(c -> c.id().equals(application))
                .map(Card::name)
                .findFirst();
    }

    /** Says {@code text} in the pane's notice (on the FX thread). */
    void say(String text) {
        notice.set(text);
    }

    public void dismissNotice() {
        notice.set("");
    }

    void failed(Throwable t) {
        notice.set("Something went wrong on this computer: " + t.getMessage());
    }

    // --- state ---------------------------------------------------------------------------------

    public ObservableList<JobItem> jobs() {
        return jobs;
    }

    public ObjectProperty<JobItem> jobProperty() {
        return job;
    }

    public StringProperty statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<Card> lane(String stage) {
        return lanes.get(stage);
    }

    public ObjectProperty<UUID> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Detail.View> shownProperty() {
        return shown;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public Clock clock() {
        return clock;
    }
}
