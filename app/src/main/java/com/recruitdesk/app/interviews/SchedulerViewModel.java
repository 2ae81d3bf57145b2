package com.recruitdesk.app.interviews;

import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.interviews.data.ClashWarning;
import com.recruitdesk.app.interviews.data.Directory;
import com.recruitdesk.app.interviews.data.InterviewCommands;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.interviews.data.Schedule;
import com.recruitdesk.protocol.interviews.InterviewMutations.Details;
import com.recruitdesk.protocol.interviews.InterviewRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Scheduling for recruiters and managers: the interviews of the next two weeks, and a form that
 * schedules a new one or changes the selected one. While the form is filled in it says which of the
 * panel's other interviews the time clashes with, before anything is saved.
 */
public final class SchedulerViewModel {
    static final Duration AHEAD = Duration.ofDays(14);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    record Read(List<InterviewItem> upcoming, List<Directory.Opening> openings, List<Directory.Colleague> colleagues) {}

    private final Schedule schedule;
    private final Directory directory;
    private final InterviewCommands commands;
    private final TaskExecutor tasks;
    private final Times times;
    private final ZoneId zone;

    private final ObservableList<InterviewItem> upcoming = FXCollections.observableArrayList();
    private final ObservableList<Directory.Opening> openings = FXCollections.observableArrayList();
    private final ObservableList<Directory.Colleague> colleagues = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<InterviewItem> editing = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Directory.Opening> opening = new SimpleObjectProperty<>();
    private final StringProperty type = new SimpleStringProperty("technical");
    private final StringProperty mode = new SimpleStringProperty("video");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty("10:00");
    private final StringProperty timezone = new SimpleStringProperty();
    private final IntegerProperty duration = new SimpleIntegerProperty(45);
    private final ObjectProperty<Directory.Colleague> lead = new SimpleObjectProperty<>();
    private final ObservableList<Directory.Colleague> panel = FXCollections.observableArrayList();
    private final StringProperty link = new SimpleStringProperty("");
    private final StringProperty room = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty guide = new SimpleStringProperty("");
    private final StringProperty cancelReason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper clash = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");
    private final Refresher<Read> lists;
    private final Refresher<String> clashes;
    /** The form as it was when a clash check was asked for (read on the UI thread, checked off it). */
    private volatile ClashQuestion question;

    private volatile Map<UUID, String> names = Map.of();

    private record ClashQuestion(Details details, UUID except) {}

    SchedulerViewModel(
            Schedule schedule,
            Directory directory,
            InterviewCommands commands,
            TaskExecutor tasks,
            Times times,
            ZoneId zone) {
        this.schedule = schedule;
        this.directory = directory;
        this.commands = commands;
        this.tasks = tasks;
        this.times = times;
        this.zone = zone;
        this.lists =
                new Refresher<>(tasks, this::read, this::show, e -> problem.set("Could not read the schedule: " + e));
        this.clashes = new Refresher<>(tasks, this::findClash, clash::set, e -> clash.set(""));
        timezone.set(zone.getId());
        date.set(LocalDate.ofInstant(times.now(), zone).plusDays(1));
        for (ObservableValue<?> v : List.of(date, time, timezone, duration, lead, editing)) {
            v.addListener((o, was, now) -> checkClash());
        }
        panel.addListener((javafx.collections.ListChangeListener<Directory.Colleague>) c -> checkClash());
    }

    public void refresh() {
        lists.request();
        checkClash();
    }

    private void checkClash() {
        try {
            question = new ClashQuestion(
                    details(), editing.get() == null ? null : editing.get().id());
        } catch (InterviewRules.Problem e) {
            question = null;
        }
        clashes.request();
    }

    private Read read() {
        Instant now = times.now();
        return new Read(
                schedule.between(now.minus(Duration.ofHours(12)), now.plus(AHEAD), null),
                directory.openings(),
                directory.panelists());
    }

    private void show(Read r) {
        upcoming.setAll(r.upcoming());
        openings.setAll(r.openings());
        colleagues.setAll(r.colleagues());
        names = r.colleagues().stream()
                .collect(Collectors.toMap(Directory.Colleague::id, Directory.Colleague::name, (a, b) -> a));
        if (lead.get() == null && !r.colleagues().isEmpty()) {
            lead.set(r.colleagues().getFirst());
        }
        InterviewItem e = editing.get();
        if (e != null) {
            r.upcoming().stream().filter(i -> i.id().equals(e.id())).findFirst().ifPresent(editing::set);
        }
    }

    /** A new interview: the form is emptied (the time, zone and lead stay as they were). */
    public void newInterview() {
        editing.set(null);
        opening.set(null);
        link.set("");
        room.set("");
        notes.set("");
        guide.set("");
        panel.clear();
        problem.set("");
        done.set("");
    }

    /** Fills the form from {@code interview}, to change it. */
    public void edit(InterviewItem i) {
        editing.set(i);
        problem.set("");
        done.set("");
        if (i == null) {
            return;
        }
        ZoneId own = i.timezone() == null ? zone : ZoneId.of(i.timezone());
        opening.set(openings.stream()
                .filter(o -> o.applicationId().equals(i.applicationId()))
                .findFirst()
                .orElse(null));
        type.set(i.type());
        mode.set(i.mode());
        date.set(LocalDate.ofInstant(i.scheduledAt(), own));
        time.set(CLOCK.format(i.scheduledAt().atZone(own)));
        timezone.set(own.getId());
        duration.set(i.durationMinutes());
        Map<UUID, Directory.Colleague> byId =
                colleagues.stream().collect(Collectors.toMap(Directory.Colleague::id, c -> c, (a, b) -> a));
        InterviewItem.Seat leadSeat = i.lead();
        lead.set(leadSeat == null ? null : byId.get(leadSeat.userId()));
        panel.setAll(i.panel().stream()
                .filter(s -> !s.lead())
                .map(s -> byId.get(s.userId()))
                .filter(Objects::nonNull)
                .toList());
        link.set(Objects.requireNonNullElse(i.meetingLink(), ""));
        room.set(Objects.requireNonNullElse(i.meetingRoom(), ""));
        notes.set(Objects.requireNonNullElse(i.preparationNotes(), ""));
        guide.set(Objects.requireNonNullElse(i.questionGuide(), ""));
    }

    /** The form as the mutation's details; a time that cannot be read is a problem. */
    Details details() {
        LocalTime at;
        try {
            at = LocalTime.parse(time.get().strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InterviewRules.Problem("'" + time.get() + "' is not a time such as 14:30.");
        }
        if (date.get() == null) {
            throw new InterviewRules.Problem("Choose the day of the interview.");
        }
        return new Details(
                type.get(),
                mode.get(),
                date.get().atTime(at).toString(),
                timezone.get(),
                duration.get(),
                lead.get() == null ? null : lead.get().id(),
                panel.stream().map(Directory.Colleague::id).toList(),
                link.get(),
                room.get(),
                notes.get(),
                guide.get());
    }

    /** The clash warning for the form as it stood when it was asked for. */
    private String findClash() {
        ClashQuestion q = question;
        return q == null ? "" : ClashWarning.of(schedule, q.details(), q.except(), names);
    }

    /** Schedules the interview (or saves the change to the one being edited); queued at once, offline too. */
    public void save() {
        InterviewItem e = editing.get();
        Directory.Opening o = opening.get();
        Details d;
        try {
            d = details();
            if (e == null && o == null) {
                throw new InterviewRules.Problem("Choose whose application the interview is for.");
            }
            InterviewRules.checkDetails(d);
            InterviewRules.resolve(d.startsAt(), d.timezone());
        } catch (InterviewRules.Problem p) {
            problem.set(p.getMessage());
            return;
        }
        problem.set("");
        tasks.run(
                () -> {
                    if (e == null) {
                        return commands.schedule(o, d);
                    }
                    commands.reschedule(e, d);
                    return e.id();
                },
                id -> done.set(
                        e == null
                                ? "Scheduled. The panel and the candidate will be told."
                                : "Saved. Everyone will be told."),
                err -> problem.set(err.getMessage()));
    }

    /** Cancels the interview being edited, with the reason in {@link #cancelReasonProperty}. */
    public void cancelInterview() {
        InterviewItem e = editing.get();
        if (e == null) {
            return;
        }
        String reason = cancelReason.get();
        tasks.run(
                () -> {
                    commands.cancel(e, reason);
                    return null;
                },
                x -> {
                    cancelReason.set("");
                    done.set("Cancelled. The panel and the candidate will be told.");
                },
                err -> problem.set(err.getMessage()));
    }

    public void markNoShow() {
        InterviewItem e = editing.get();
        if (e == null) {
            return;
        }
        tasks.run(
                () -> {
                    commands.setStatus(e, "no_show");
                    return null;
                },
                x -> done.set("Marked as a no-show."),
                err -> problem.set(err.getMessage()));
    }

    public ObservableList<InterviewItem> upcoming() {
        return upcoming;
    }

    public ObservableList<Directory.Opening> openings() {
        return openings;
    }

    public ObservableList<Directory.Colleague> colleagues() {
        return colleagues;
    }

    /** The interview being changed; null while a new one is being scheduled. */
    public ReadOnlyObjectProperty<InterviewItem> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ObjectProperty<Directory.Opening> openingProperty() {
        return opening;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty modeProperty() {
        return mode;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** "14:30", in {@link #timezoneProperty}. */
    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty timezoneProperty() {
        return timezone;
    }

    public IntegerProperty durationProperty() {
        return duration;
    }

    public ObjectProperty<Directory.Colleague> leadProperty() {
        return lead;
    }

    /** The panelists besides the lead. */
    public ObservableList<Directory.Colleague> panel() {
        return panel;
    }

    public StringProperty linkProperty() {
        return link;
    }

    public StringProperty roomProperty() {
        return room;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty guideProperty() {
        return guide;
    }

    public StringProperty cancelReasonProperty() {
        return cancelReason;
    }

    /** "Clash: Ivy Interviewer has a technical interview with …"; empty when the time is free. */
    public ReadOnlyStringProperty clashProperty() {
        return clash.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last save did, for the user. */
    public ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
