package com.recruitdesk.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.admin.data.AdminCommands;
import com.recruitdesk.app.admin.data.AdminDirectory;
import com.recruitdesk.app.admin.data.NumberRow;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.protocol.admin.BusinessHours;
import com.recruitdesk.protocol.admin.Settings;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings tab: the organization's settings the product reads ({@link Settings}) as a form, one
 * Save for all, which sends a {@code systemSetting.save} for each setting that changed. Each value is
 * checked by the rules the server applies before it is sent. A setting changed elsewhere (another
 * administrator, through sync) replaces the form's value unless it was being edited here.
 */
public final class SettingsViewModel {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A number's greeting as the form edits it. */
    public record Greeting(NumberRow number, StringProperty text) {}

    /** One day's hours as the form edits them. */
    public record Day(DayOfWeek day, BooleanProperty open, StringProperty from, StringProperty to) {}

    private final AdminCommands commands;
    private final TaskExecutor tasks;
    private final boolean canEdit;
    private final StringProperty visibility = new SimpleStringProperty(Settings.DEFAULT_SCORECARD_VISIBILITY);
    private final StringProperty timeZone = new SimpleStringProperty("UTC");
    private final Map<DayOfWeek, Day> days = new EnumMap<>(DayOfWeek.class);
    private final ObservableList<Greeting> greetings = FXCollections.observableArrayList();
    private final StringProperty retention =
            new SimpleStringProperty(Integer.toString(Settings.DEFAULT_RETENTION_DAYS));
    private final StringProperty publicAddress = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSave;
    /** The values the form last took from the store, per setting: what "unchanged" means. */
    private final Map<String, JsonNode> loaded = new HashMap<>();

    public SettingsViewModel(AdminCommands commands, TaskExecutor tasks, boolean canEdit) {
        this.commands = commands;
        this.tasks = tasks;
        this.canEdit = canEdit;
        for (DayOfWeek d : DayOfWeek.values()) {
            Day day =
                    new Day(d, new SimpleBooleanProperty(), new SimpleStringProperty(""), new SimpleStringProperty(""));
            day.open().subscribe(v -> validate());
            day.from().subscribe(v -> validate());
            day.to().subscribe(v -> validate());
            days.put(d, day);
        }
        visibility.subscribe(v -> validate());
        timeZone.subscribe(v -> validate());
        retention.subscribe(v -> validate());
        publicAddress.subscribe(v -> validate());
        canSave = Bindings.createBooleanBinding(() -> canEdit && problem.get().isEmpty(), problem);
        show(Settings.BUSINESS_HOURS, Settings.defaultValue(Settings.BUSINESS_HOURS));
    }

    void setDirectory(AdminDirectory d) {
        Map<String, String> typed = new HashMap<>();
        greetings.forEach(g -> typed.put(g.number().id().toString(), g.text().get()));
        List<Greeting> rows = new ArrayList<>();
        for (NumberRow n : d.numbers()) {
            StringProperty text = new SimpleStringProperty(typed.getOrDefault(n.id().toString(), ""));
            text.subscribe(v -> validate());
            rows.add(new Greeting(n, text));
        }
        greetings.setAll(rows);
        for (String key : Settings.KEYS) {
            JsonNode stored = d.settings().get(key);
            JsonNode before = loaded.get(key);
            if (before == null || value(key).map(before::equals).orElse(false)) {
                show(key, stored);
                loaded.put(key, stored);
            }
        }
        validate();
    }

    /** Puts {@code value} of {@code key} into the form. */
    private void show(String key, JsonNode value) {
        switch (key) {
            case Settings.SCORECARD_VISIBILITY -> visibility.set(value.asText());
            case Settings.BUSINESS_HOURS -> {
                BusinessHours hours = BusinessHours.parse(value).hours().orElseGet(BusinessHours::standard);
                timeZone.set(hours.zone().getId());
                days.forEach((d, day) -> {
                    BusinessHours.Opening o = hours.days().get(d);
                    day.open().set(o != null);
                    day.from().set(o == null ? "08:00" : o.from().toString());
                    day.to().set(o == null ? "17:00" : o.to().toString());
                });
            }
            case Settings.BOT_GREETINGS ->
                greetings.forEach(
                        g -> g.text().set(value.path(g.number().id().toString()).asText("")));
            case Settings.FEED_RETENTION_DAYS -> retention.set(value.asText());
            case Settings.PUBLIC_ADDRESS -> publicAddress.set(value.asText());
            default -> {}
        }
    }

    /** The form's value of {@code key}; empty while it cannot be one (a time not yet typed whole). */
    private Optional<JsonNode> value(String key) {
        return switch (key) {
            case Settings.SCORECARD_VISIBILITY -> Optional.of(JSON.textNode(visibility.get()));
            case Settings.BUSINESS_HOURS -> {
                ObjectNode hours =
                        JSON.objectNode().put("timeZone", timeZone.get().strip());
                ObjectNode open = hours.putObject("days");
                days.forEach((d, day) -> {
                    if (day.open().get()) {
                        open.putObject(d.name())
                                .put("from", day.from().get().strip())
                                .put("to", day.to().get().strip());
                    }
                });
                yield Optional.of(hours);
            }
            case Settings.BOT_GREETINGS -> {
                ObjectNode texts = JSON.objectNode();
                greetings.stream()
                        .filter(g -> !g.text().get().isBlank())
                        .forEach(g -> texts.put(
                                g.number().id().toString(), g.text().get().strip()));
                yield Optional.of(texts);
            }
            case Settings.FEED_RETENTION_DAYS -> {
                try {
                    yield Optional.of(
                            JSON.numberNode(Integer.parseInt(retention.get().strip())));
                } catch (NumberFormatException e) {
                    yield Optional.of(JSON.textNode(retention.get()));
                }
            }
            case Settings.PUBLIC_ADDRESS ->
                Optional.of(JSON.textNode(publicAddress.get().strip()));
            default -> Optional.empty();
        };
    }

    private void validate() {
        if (days.size() < DayOfWeek.values().length) {
            return; // still constructing
        }
        for (String key : Settings.KEYS) {
            Optional<String> p = value(key).flatMap(v -> Settings.problem(key, v));
            if (p.isPresent()) {
                problem.set(p.get());
                return;
            }
        }
        problem.set("");
    }

    /** Sends each setting whose value the form changed. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Map<String, JsonNode> changed = new HashMap<>();
        for (String key : Settings.KEYS) {
            value(key).filter(v -> !v.equals(loaded.get(key))).ifPresent(v -> changed.put(key, v));
        }
        if (changed.isEmpty()) {
            saved.set("Nothing changed.");
            return;
        }
        loaded.putAll(changed);
        tasks.run(
                () -> {
                    changed.forEach(commands::saveSetting);
                    return changed.size();
                },
                n -> saved.set("Saved " + n + (n == 1 ? " setting." : " settings.")),
                failure -> problem.set("Not saved on this computer: " + failure.getMessage()));
    }

    public StringProperty visibilityProperty() {
        return visibility;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public Day day(DayOfWeek d) {
        return days.get(d);
    }

    public ObservableList<Greeting> greetings() {
        return greetings;
    }

    public StringProperty retentionProperty() {
        return retention;
    }

    public StringProperty publicAddressProperty() {
        return publicAddress;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public boolean canEdit() {
        return canEdit;
    }
}
