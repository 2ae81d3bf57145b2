package com.recruitdesk.app.interviews;

import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.interviews.data.Drafts;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.interviews.data.Schedule;
import com.recruitdesk.app.interviews.data.Scorecards;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The signed-in user's week: interviews they sit on that are over and still want their scorecard,
 * then today and the seven days ahead, by day; the selected one's kit and scorecard show beside it.
 */
public final class AgendaViewModel {
    static final Duration LOOK_BACK = Duration.ofDays(30);
    static final int DAYS_AHEAD = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** What the agenda read: its lines and how many interviews are on it. */
    record Read(List<AgendaEntry> entries, int interviews, int toScore) {}

    private final Schedule schedule;
    private final Scorecards scorecards;
    private final Drafts drafts;
    private final Times times;
    private final ZoneId zone;
    private final UUID me;
    private final ObservableList<AgendaEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<InterviewItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Refresher<Read> refresher;

    AgendaViewModel(
            Schedule schedule,
            Scorecards scorecards,
            Drafts drafts,
            TaskExecutor tasks,
            Times times,
            ZoneId zone,
            UUID me) {
        this.schedule = schedule;
        this.scorecards = scorecards;
        this.drafts = drafts;
        this.times = times;
        this.zone = zone;
        this.me = me;
        this.refresher = new Refresher<>(
                tasks, this::read, this::show, e -> summary.set("Could not read your interviews: " + e));
    }

    public void refresh() {
        refresher.request();
    }

    Read read() {
        Instant now = times.now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant from = now.minus(LOOK_BACK);
        Instant to = today.plusDays(DAYS_AHEAD + 1L).atStartOfDay(zone).toInstant();
        List<InterviewItem> mine = schedule.between(from, to, me);
        Set<UUID> drafted = drafts.all().stream().map(Drafts.Draft::interviewId).collect(Collectors.toSet());
        List<AgendaEntry> out = new ArrayList<>();
        List<InterviewItem> toScore = mine.stream()
                .filter(InterviewItem::takesScorecards)
                .filter(i -> "completed".equals(i.status()) || !i.endsAt().isAfter(now))
                .filter(i ->
                        scorecards.mine(i.id(), me).filter(f -> f.submitted()).isEmpty())
                .toList();
        if (!toScore.isEmpty()) {
            out.add(new AgendaEntry.Heading("To score"));
            toScore.forEach(i -> out.add(entry(i, true, drafted, true)));
        }
        Instant startOfToday = today.atStartOfDay(zone).toInstant();
        LocalDate day = null;
        int count = 0;
        for (InterviewItem i : mine) {
            if (i.scheduledAt().isBefore(startOfToday)
                    || toScore.contains(i)
                    || (i.scheduledAt().isBefore(now)
                            && scorecards
                                    .mine(i.id(), me)
                                    .filter(f -> f.submitted())
                                    .isPresent())) {
                continue;
            }
            LocalDate d = LocalDate.ofInstant(i.scheduledAt(), zone);
            if (!d.equals(day)) {
                day = d;
                out.add(new AgendaEntry.Heading(
                        d.equals(today) ? "Today" : d.equals(today.plusDays(1)) ? "Tomorrow" : DAY.format(d)));
            }
            out.add(entry(i, false, drafted, false));
            count++;
        }
        List<InterviewItem> scored = mine.stream()
                .filter(i -> i.scheduledAt().isBefore(now) && !toScore.contains(i))
                .filter(i ->
                        scorecards.mine(i.id(), me).filter(f -> f.submitted()).isPresent())
                .toList()
                .reversed();
        if (!scored.isEmpty()) {
            out.add(new AgendaEntry.Heading("Scored in the last " + LOOK_BACK.toDays() + " days"));
            scored.forEach(i -> out.add(entry(i, false, drafted, true)));
        }
        return new Read(out, count, toScore.size());
    }

    /** {@code dated}: the line says the day too (it is not under a day's heading). */
    private AgendaEntry.Entry entry(InterviewItem i, boolean toScore, Set<UUID> drafted, boolean dated) {
        String when = CLOCK.format(i.scheduledAt().atZone(zone)) + "–"
                + CLOCK.format(i.endsAt().atZone(zone));
        if (dated) {
            when = times.inList(i.scheduledAt()) + " "
                    + CLOCK.format(i.scheduledAt().atZone(zone));
        }
        return new AgendaEntry.Entry(i, when, toScore, drafted.contains(i.id()));
    }

    private void show(Read r) {
        UUID keep = selected.get() == null ? null : selected.get().id();
        entries.setAll(r.entries());
        summary.set(
                r.interviews() == 0 && r.toScore() == 0
                        ? "Nothing on your calendar this week."
                        : r.interviews() + (r.interviews() == 1 ? " interview" : " interviews") + " this week"
                                + (r.toScore() == 0 ? "" : ", " + r.toScore() + " to score"));
        InterviewItem again = null;
        for (AgendaEntry e : r.entries()) {
            if (e instanceof AgendaEntry.Entry en && en.interview().id().equals(keep)) {
                again = en.interview();
            }
        }
        if (again != null) {
            selected.set(again);
        } else if (selected.get() == null) {
            r.entries().stream()
                    .filter(AgendaEntry.Entry.class::isInstance)
                    .map(e -> ((AgendaEntry.Entry) e).interview())
                    .findFirst()
                    .ifPresent(selected::set);
        }
    }

    /** Selects the interview {@code id} if the agenda holds it. */
    public boolean select(UUID id) {
        for (AgendaEntry e : entries) {
            if (e instanceof AgendaEntry.Entry en && en.interview().id().equals(id)) {
                selected.set(en.interview());
                return true;
            }
        }
        return false;
    }

    public ObservableList<AgendaEntry> entries() {
        return entries;
    }

    public ObjectProperty<InterviewItem> selectedProperty() {
        return selected;
    }

    /** "4 interviews this week, 1 to score". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
