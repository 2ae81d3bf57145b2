package com.recruitdesk.app.admin;

import com.recruitdesk.app.admin.data.AdminCommands;
import com.recruitdesk.app.admin.data.AdminDirectory;
import com.recruitdesk.app.admin.data.Institution;
import com.recruitdesk.app.admin.data.TemporaryPasswords;
import com.recruitdesk.app.admin.data.UserRow;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.UserRules;
import com.recruitdesk.protocol.auth.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Users tab: everyone of the organization, and a form that invites a new user or changes the
 * selected one's roles, deactivates or reactivates them, or resets their password. A temporary
 * password made here is shown once, for the administrator to hand over; it is in no row. What the
 * server would refuse (no name, no role, an institution admin without an institution) is said
 * before anything is sent, by the same rules ({@link UserRules}). Managers see it all and change
 * nothing.
 */
public final class UsersViewModel {
    private final AdminCommands commands;
    private final TaskExecutor tasks;
    private final UUID me;
    private final boolean canEdit;
    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final ObservableList<Institution> institutions = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    private final ObjectProperty<Institution> institution = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper handOver = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSave;
    private AdminDirectory directory = AdminDirectory.EMPTY;

    public UsersViewModel(AdminCommands commands, TaskExecutor tasks, UUID me, boolean canEdit) {
        this.commands = commands;
        this.tasks = tasks;
        this.me = me;
        this.canEdit = canEdit;
        for (Role r : UserRules.ROLES) {
            BooleanProperty held = new SimpleBooleanProperty(false);
            held.subscribe(v -> validate());
            roles.put(r, held);
        }
        name.subscribe(v -> validate());
        email.subscribe(v -> validate());
        institution.subscribe(v -> validate());
        selected.subscribe(this::edit);
        canSave = Bindings.createBooleanBinding(
                () -> canEdit && !busy.get() && problem.get().isEmpty(), busy, problem);
        validate();
    }

    void setDirectory(AdminDirectory d) {
        directory = d;
        UUID keep = selected.get() == null ? null : selected.get().id();
        users.setAll(d.users());
        institutions.setAll(d.institutions());
        if (keep != null) {
            // The same row again keeps the form as the user left it; a row that changed shows the change.
            Optional<UserRow> now = d.user(keep);
            if (now.isEmpty()) {
                selected.set(null);
            } else if (!now.get().equals(selected.get())) {
                selected.set(now.get());
            }
        }
    }

    /** Empties the form for a new user. */
    public void newUser() {
        selected.set(null);
        edit(null);
        handOver.set("");
    }

    private void edit(UserRow u) {
        creating.set(u == null);
        name.set(u == null ? "" : u.name());
        email.set(u == null ? "" : u.email());
        roles.forEach((r, held) -> held.set(u != null && u.holds(r)));
        institution.set(
                u == null || u.institutionId() == null
                        ? null
                        : institutions.stream()
                                .filter(i -> i.id().equals(u.institutionId()))
                                .findFirst()
                                .orElse(null));
        validate();
    }

    private List<AdminMutations.Grant> grants() {
        List<AdminMutations.Grant> grants = new ArrayList<>();
        roles.forEach((r, held) -> {
            if (held.get()) {
                grants.add(new AdminMutations.Grant(
                        r.name(),
                        r == Role.INSTITUTION_ADMIN && institution.get() != null
                                ? institution.get().id()
                                : null));
            }
        });
        return grants;
    }

    private void validate() {
        if (roles.isEmpty()) {
            return; // still constructing
        }
        Optional<String> p = creating.get()
                ? UserRules.nameProblem(name.get())
                        .or(() -> UserRules.emailProblem(UserRules.normaliseEmail(email.get())))
                        .or(() -> UserRules.grantsProblem(grants()))
                : UserRules.grantsProblem(grants());
        problem.set(p.orElse(""));
    }

    /** Invites the user of the form with a new temporary password, which is then shown to hand over. */
    public void invite() {
        if (!creating.get() || !canSave.get()) {
            return;
        }
        String password = TemporaryPasswords.next();
        String who = name.get().strip();
        String mail = UserRules.normaliseEmail(email.get());
        List<AdminMutations.Grant> grants = grants();
        run(() -> commands.invite(mail, who, grants, password), id -> {
            newUser();
            handOver.set("Give " + who + " (" + mail + ") this temporary password: " + password
                    + ". They choose their own when they first sign in.");
        });
    }

    /** Gives the selected user the roles ticked in the form. */
    public void saveRoles() {
        UserRow u = selected.get();
        if (u == null || !canSave.get()) {
            return;
        }
        List<AdminMutations.Grant> grants = grants();
        run(
                () -> {
                    commands.setRoles(u.id(), grants);
                    return u.id();
                },
                id -> handOver.set(""));
    }

    /** Deactivates the selected user (they are signed out everywhere) or reactivates them. */
    public void toggleActive() {
        UserRow u = selected.get();
        if (u == null || !canEdit || busy.get()) {
            return;
        }
        run(
                () -> {
                    commands.setActive(u.id(), !u.active());
                    return u.id();
                },
                id -> handOver.set(""));
    }

    /** Gives the selected user a new temporary password, shown to hand over; their sessions end. */
    public void resetPassword() {
        UserRow u = selected.get();
        if (u == null || !canEdit || busy.get()) {
            return;
        }
        String password = TemporaryPasswords.next();
        run(
                () -> {
                    commands.resetPassword(u.id(), password);
                    return u.id();
                },
                id -> handOver.set("Give " + u.name() + " this temporary password: " + password
                        + ". Their sessions have ended; they choose a new password when they sign in."));
    }

    private void run(java.util.concurrent.Callable<UUID> work, java.util.function.Consumer<UUID> done) {
        busy.set(true);
        tasks.run(
                work,
                id -> {
                    busy.set(false);
                    done.accept(id);
                },
                failure -> {
                    busy.set(false);
                    problem.set("Not saved on this computer: " + failure.getMessage());
                });
    }

    /** "Recruiter, Interviewer", and whose cohorts an institution admin manages. */
    public String rolesText(UserRow u) {
        if (u.roles().isEmpty()) {
            return "No role";
        }
        List<String> parts = new ArrayList<>();
        for (Role r : u.roles()) {
            parts.add(
                    r == Role.INSTITUTION_ADMIN && u.institutionId() != null
                            ? "Institution admin of " + directory.institutionName(u.institutionId())
                            : UserRules.label(r));
        }
        return String.join(", ", parts);
    }

    /** Whether {@code u} is the signed-in user (who cannot deactivate themselves). */
    public boolean isMe(UserRow u) {
        return u != null && u.id().equals(me);
    }

    public ObservableList<UserRow> users() {
        return users;
    }

    public ObservableList<Institution> institutions() {
        return institutions;
    }

    public ObjectProperty<UserRow> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public BooleanProperty roleProperty(Role role) {
        return roles.get(role);
    }

    public ObjectProperty<Institution> institutionProperty() {
        return institution;
    }

    /** True while the form makes a new user, false while it edits the selected one. */
    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The temporary password to hand over, in a sentence; empty when there is none. */
    public ReadOnlyStringProperty handOverProperty() {
        return handOver.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public boolean canEdit() {
        return canEdit;
    }
}
