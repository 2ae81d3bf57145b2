package com.recruitdesk.app.signin;

import com.recruitdesk.app.api.ApiFailure;
import com.recruitdesk.app.api.ServerAddress;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.admin.UserRules;
import java.util.List;
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
 * The sign-in form: server address, email and password, one command, and one message when it fails.
 * A temporary password (given at an invitation or a reset) turns the form into one that chooses the
 * user's own password, which then signs them in.
 */
public final class SignInViewModel {
    /** What the form offers before anyone has signed in from this computer. */
    public static final String FIRST_SERVER = "localhost:8080";

    private final StringProperty server = new SimpleStringProperty(FIRST_SERVER);
    private final ObservableList<String> knownServers = FXCollections.observableArrayList();
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper plainHttpHost = new ReadOnlyStringWrapper("");
    private final BooleanProperty plainHttpConfirmed = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSignIn;
    private final BooleanProperty choosing = new SimpleBooleanProperty(false);
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty confirmPassword = new SimpleStringProperty("");
    private final BooleanBinding canChoose;
    private final SignIn signIn;
    private ChoosePassword choosePassword = (server, email, temporary, chosen) -> {
        throw new UnsupportedOperationException("choosing a password is not wired");
    };
    private final TaskExecutor tasks;
    private final Runnable onSignedIn;

    public SignInViewModel(SignIn signIn, TaskExecutor tasks, Runnable onSignedIn) {
        this(signIn, tasks, onSignedIn, List.of());
    }

    /**
     * With the servers signed in to before, the last one first: the form starts with it (after a
     * sign-out, the server the user was just on) and offers the others.
     */
    public SignInViewModel(SignIn signIn, TaskExecutor tasks, Runnable onSignedIn, List<String> known) {
        knownServers.setAll(known);
        if (!known.isEmpty()) {
            server.set(known.getFirst());
        }
        this.signIn = signIn;
        this.tasks = tasks;
        this.onSignedIn = onSignedIn;
        this.canSignIn = Bindings.createBooleanBinding(
                () -> !busy.get()
                        && !server.get().isBlank()
                        && !email.get().isBlank()
                        && !password.get().isEmpty(),
                busy,
                server,
                email,
                password);
        this.canChoose = Bindings.createBooleanBinding(
                () -> !busy.get()
                        && !newPassword.get().isEmpty()
                        && !confirmPassword.get().isEmpty(),
                busy,
                newPassword,
                confirmPassword);
    }

    /** Where a temporary password is turned into the user's own (the app's sign-in path). */
    public SignInViewModel choosingPasswordWith(ChoosePassword choose) {
        this.choosePassword = choose;
        return this;
    }

    public StringProperty serverProperty() {
        return server;
    }

    /** The servers signed in to before, the last one first. */
    public ObservableList<String> knownServers() {
        return knownServers;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The host of a plain {@code http://} address that is not this computer, while it waits for the user's yes. */
    public ReadOnlyStringProperty plainHttpHostProperty() {
        return plainHttpHost.getReadOnlyProperty();
    }

    /** The user's yes to sending their password and data unencrypted to {@link #plainHttpHostProperty()}. */
    public BooleanProperty plainHttpConfirmedProperty() {
        return plainHttpConfirmed;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }

    /** Says why the form is shown (the session ended, the account was deactivated) until the next try. */
    public void notice(String message) {
        error.set(message);
    }

    /** Signs in off the UI thread; on success the password is forgotten and the app moves on. */
    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        Optional<String> address = ServerAddress.normalize(server.get());
        if (address.isEmpty()) {
            error.set("“" + server.get().strip() + "” is not a server address. Try something like localhost:8080.");
            return;
        }
        Optional<String> plain = ServerAddress.plainToAnotherComputer(address.get());
        if (plain.isPresent() && !(plainHttpConfirmed.get() && plain.get().equals(plainHttpHost.get()))) {
            // Refused until the user says yes on the form: the password would cross the network readable.
            plainHttpHost.set(plain.get());
            plainHttpConfirmed.set(false);
            error.set("The address " + address.get() + " is not encrypted (http://): your password and the data"
                    + " would cross the network readable by others. Use https://, or tick the box below to"
                    + " send them unencrypted anyway.");
            return;
        }
        plainHttpHost.set(plain.orElse(""));
        String mail = email.get().strip();
        String secret = password.get();
        busy.set(true);
        error.set("");
        tasks.run(
                () -> {
                    signIn.signIn(address.get(), mail, secret);
                    return Boolean.TRUE;
                },
                ok -> {
                    busy.set(false);
                    password.set("");
                    onSignedIn.run();
                },
                failure -> {
                    busy.set(false);
                    if (failure instanceof ApiFailure api && ErrorCodes.PASSWORD_CHANGE_REQUIRED.equals(api.code())) {
                        choosing.set(true);
                        error.set("");
                        return;
                    }
                    error.set(messageFor(failure, address.get()));
                });
    }

    /** Chooses the new password typed twice, in place of the temporary one, and signs in with it. */
    public void choosePassword() {
        if (!choosing.get() || !canChoose.get()) {
            return;
        }
        Optional<String> weak = UserRules.passwordProblem(newPassword.get());
        if (weak.isPresent()) {
            error.set(weak.get());
            return;
        }
        if (!newPassword.get().equals(confirmPassword.get())) {
            error.set("The two passwords are not the same.");
            return;
        }
        if (newPassword.get().equals(password.get())) {
            error.set("Choose a password other than the one you were given.");
            return;
        }
        String address = ServerAddress.normalize(server.get()).orElse(server.get());
        String mail = email.get().strip();
        String temporary = password.get();
        String chosen = newPassword.get();
        busy.set(true);
        error.set("");
        tasks.run(
                () -> {
                    choosePassword.choose(address, mail, temporary, chosen);
                    return Boolean.TRUE;
                },
                ok -> {
                    busy.set(false);
                    choosing.set(false);
                    password.set("");
                    newPassword.set("");
                    confirmPassword.set("");
                    onSignedIn.run();
                },
                failure -> {
                    busy.set(false);
                    error.set(messageFor(failure, address));
                });
    }

    /** True while the form asks for the user's own password in place of a temporary one. */
    public BooleanProperty choosingProperty() {
        return choosing;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty confirmPasswordProperty() {
        return confirmPassword;
    }

    public BooleanBinding canChooseProperty() {
        return canChoose;
    }

    static String messageFor(Throwable failure, String server) {
        if (failure instanceof Unreachable) {
            return "Cannot reach the server at " + server + ". Check the address and that the server is running.";
        }
        if (failure instanceof ApiFailure api) {
            return switch (api.status()) {
                case 401 -> "The email or password is wrong.";
                case 429 ->
                    api.retryAfter()
                            .map(d -> "Too many failed sign-ins. Try again in " + waitText(d.toSeconds()) + ".")
                            .orElse("Too many failed sign-ins. Try again later.");
                case 400, 426 -> api.getMessage(); // 426: the server's sentence says which version to install
                default -> "The server could not sign you in: " + api.getMessage();
            };
        }
        return "Sign-in failed: " + failure.getMessage();
    }

    private static String waitText(long seconds) {
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
