package com.recruitdesk.app.admin;

import com.recruitdesk.app.admin.data.AdminCommands;
import com.recruitdesk.app.admin.data.AdminDirectory;
import com.recruitdesk.app.admin.data.AdminServer;
import com.recruitdesk.app.admin.data.NumberRow;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.NumberHealth;
import com.recruitdesk.protocol.admin.NumberRules;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The WhatsApp numbers tab: the organization's numbers with each one's health (read from the
 * server: its sends, failures and their codes in 24 hours, the last webhook, what Meta last said of
 * it, its templates), and a form that adds a number (a Cloud API one is checked with Meta by the
 * server before it is saved; the answer, or Meta's objection, comes back through sync), edits one,
 * checks one with Meta again, or connects or disconnects it.
 */
public final class NumbersViewModel {
    private final AdminCommands commands;
    private final AdminServer server;
    private final TaskExecutor tasks;
    private final Times times;
    private final boolean canEdit;
    private final ObservableList<NumberRow> numbers = FXCollections.observableArrayList();
    private final ObjectProperty<NumberRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<NumberHealth> health = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper healthState = new ReadOnlyStringWrapper("");
    private final Map<UUID, NumberHealth> healthById = new HashMap<>();
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty provider = new SimpleStringProperty(NumberRules.CLOUD_API);
    private final StringProperty phoneNumberId = new SimpleStringProperty("");
    private final StringProperty wabaId = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSave;

    public NumbersViewModel(
            AdminCommands commands, AdminServer server, TaskExecutor tasks, Times times, boolean canEdit) {
        this.commands = commands;
        this.server = server;
        this.tasks = tasks;
        this.times = times;
        this.canEdit = canEdit;
        for (StringProperty p : new StringProperty[] {displayName, phone, provider, phoneNumberId, wabaId}) {
            p.subscribe(v -> validate());
        }
        selected.subscribe(this::edit);
        canSave = Bindings.createBooleanBinding(
                () -> canEdit && !busy.get() && problem.get().isEmpty(), busy, problem);
        validate();
    }

    void setDirectory(AdminDirectory d) {
        UUID keep = selected.get() == null ? null : selected.get().id();
        numbers.setAll(d.numbers());
        if (keep != null) {
            Optional<NumberRow> now = d.number(keep);
            if (now.isEmpty()) {
                selected.set(null);
            } else if (!now.get().equals(selected.get())) {
                selected.set(now.get());
            }
        }
    }

    public void newNumber() {
        selected.set(null);
        edit(null);
    }

    private void edit(NumberRow n) {
        creating.set(n == null);
        displayName.set(n == null ? "" : n.displayName());
        phone.set(n == null ? "" : n.phone());
        provider.set(n == null ? NumberRules.CLOUD_API : n.provider());
        phoneNumberId.set(n == null || n.phoneNumberId() == null ? "" : n.phoneNumberId());
        wabaId.set(n == null || n.wabaId() == null ? "" : n.wabaId());
        health.set(n == null ? null : healthById.get(n.id()));
        saved.set("");
        validate();
    }

    private AdminMutations.SaveWhatsAppAccount form() {
        return new AdminMutations.SaveWhatsAppAccount(
                selected.get() == null ? null : selected.get().id(),
                displayName.get(),
                phone.get(),
                provider.get(),
                phoneNumberId.get(),
                wabaId.get());
    }

    private void validate() {
        problem.set(NumberRules.problem(form()).orElse(""));
    }

    /**
     * Saves the form: a new number or the selected one's changes (for a Cloud API number, the same
     * values again check it with Meta again).
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        AdminMutations.SaveWhatsAppAccount number = form();
        boolean cloud = NumberRules.CLOUD_API.equals(number.provider());
        busy.set(true);
        tasks.run(
                () -> commands.saveNumber(number),
                id -> {
                    busy.set(false);
                    saved.set(
                            cloud
                                    ? "Sent. The server checks the number with Meta; its verified name, quality and tier show"
                                            + " here when Meta has answered."
                                    : "Saved.");
                },
                failure -> {
                    busy.set(false);
                    problem.set("Not saved on this computer: " + failure.getMessage());
                });
    }

    /** Disconnects the selected number (it sends nothing until connected again) or connects it. */
    public void toggleConnected() {
        NumberRow n = selected.get();
        if (n == null || !canEdit) {
            return;
        }
        tasks.run(
                () -> {
                    commands.setNumberStatus(n.id(), !n.connected());
                    return Boolean.TRUE;
                },
                ok -> {},
                failure -> problem.set("Not saved on this computer: " + failure.getMessage()));
    }

    /** Asks the server how every number is doing now. */
    public void refreshHealth() {
        healthState.set("Measuring…");
        tasks.run(
                server::health,
                this::showHealth,
                failure -> healthState.set("The numbers' health comes from the server, which cannot be reached now ("
                        + failure.getMessage() + ")."));
    }

    private void showHealth(NumberHealth.Report report) {
        healthById.clear();
        report.numbers().forEach(h -> healthById.put(h.whatsappAccountId(), h));
        healthState.set("Measured at " + times.clock(report.at()) + " for the last 24 hours.");
        NumberRow n = selected.get();
        health.set(n == null ? null : healthById.get(n.id()));
    }

    /** The health last measured of {@code number}, if any. */
    public Optional<NumberHealth> healthOf(UUID number) {
        return Optional.ofNullable(healthById.get(number));
    }

    public Times times() {
        return times;
    }

    public ObservableList<NumberRow> numbers() {
        return numbers;
    }

    public ObjectProperty<NumberRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<NumberHealth> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty healthStateProperty() {
        return healthState.getReadOnlyProperty();
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    /** {@code cloud_api} or {@code simulator}. */
    public StringProperty providerProperty() {
        return provider;
    }

    public StringProperty phoneNumberIdProperty() {
        return phoneNumberId;
    }

    public StringProperty wabaIdProperty() {
        return wabaId;
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What became of the last save, in a sentence. */
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
