package com.recruitdesk.app.admin;

import com.recruitdesk.app.admin.data.AdminDirectory;
import com.recruitdesk.app.admin.data.AdminServer;
import com.recruitdesk.app.admin.data.UserRow;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.protocol.admin.ActivityEntry;
import com.recruitdesk.protocol.admin.ActivityPage;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.sync.MutationTypes;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Activity log tab: every person's changes as the server logged them, newest first, filtered by
 * person, kind (an action such as {@code user.setRoles}, or all of a kind such as {@code user.}),
 * entity and days, a page at a time; and the same lines exported to a CSV file. The log lives on the
 * server only, so this tab needs the network.
 */
public final class ActivityViewModel {
    static final int PAGE = 100;
    /** What the kind filter offers: every kind of change at once, then each mutation. */
    public static final List<String> KINDS = Stream.concat(
                    MutationTypes.ALL.stream()
                            .map(t -> t.name().substring(0, t.name().indexOf('.') + 1))
                            .distinct(),
                    MutationTypes.ALL.stream().map(MutationType::name))
            .toList();
    /** The entities the log names most. */
    public static final List<String> ENTITIES = List.of(
            Entities.USER,
            Entities.WHATSAPP_ACCOUNT,
            Entities.MESSAGE_TEMPLATE,
            Entities.SYSTEM_SETTING,
            Entities.CONVERSATION,
            Entities.MESSAGE,
            Entities.CANDIDATE,
            Entities.APPLICATION,
            Entities.CANNED_RESPONSE);

    private final AdminServer server;
    private final TaskExecutor tasks;
    private final ZoneId zone;
    private final ObservableList<UserRow> people = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> person = new SimpleObjectProperty<>();
    private final StringProperty kind = new SimpleStringProperty("");
    private final StringProperty entity = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<ActivityEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private String next;
    private long generation;

    public ActivityViewModel(AdminServer server, TaskExecutor tasks, ZoneId zone) {
        this.server = server;
        this.tasks = tasks;
        this.zone = zone;
    }

    void setDirectory(AdminDirectory d) {
        UserRow keep = person.get();
        people.setAll(d.users());
        if (keep != null) {
            person.set(d.user(keep.id()).orElse(null));
        }
    }

    /** The filter as the server takes it; {@code to} includes its whole day. */
    AdminServer.ActivityQuery query() {
        String k = kind.get() == null ? "" : kind.get().strip();
        String e = entity.get() == null ? "" : entity.get().strip();
        Instant start =
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null
                ? null
                : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new AdminServer.ActivityQuery(
                person.get() == null ? null : person.get().id(),
                k.isEmpty() ? null : k,
                e.isEmpty() ? null : e,
                start,
                end);
    }

    /** Reads the first page for the filter as it is now. */
    public void load() {
        long mine = ++generation;
        entries.clear();
        next = null;
        read(mine, null);
    }

    /** Reads the next page. */
    public void loadMore() {
        if (next != null && !loading.get()) {
            read(generation, next);
        }
    }

    private void read(long mine, String before) {
        AdminServer.ActivityQuery q = query();
        loading.set(true);
        state.set("Reading the activity log…");
        tasks.run(
                () -> server.activity(q, before, PAGE),
                (ActivityPage page) -> {
                    if (mine != generation) {
                        return; // a newer filter asked meanwhile
                    }
                    loading.set(false);
                    entries.addAll(page.entries());
                    next = page.next();
                    more.set(next != null);
                    state.set(
                            entries.isEmpty()
                                    ? "Nothing was logged that matches."
                                    : entries.size() + (next == null ? " lines." : " lines so far; there are more."));
                },
                failure -> {
                    loading.set(false);
                    state.set("The activity log is on the server, which cannot be reached now (" + failure.getMessage()
                            + ").");
                });
    }

    /** Writes every line of the filter (not only those shown) to {@code file} as CSV. */
    public void export(Path file) {
        AdminServer.ActivityQuery q = query();
        state.set("Exporting…");
        tasks.run(
                () -> server.exportActivity(q, file),
                written -> state.set("Exported to " + written.getFileName() + "."),
                failure -> state.set("The export failed: " + failure.getMessage()));
    }

    public void clearFilters() {
        person.set(null);
        kind.set("");
        entity.set("");
        from.set(null);
        to.set(null);
        load();
    }

    public ObservableList<UserRow> people() {
        return people;
    }

    public ObjectProperty<UserRow> personProperty() {
        return person;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty entityProperty() {
        return entity;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<ActivityEntry> entries() {
        return entries;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
