package com.recruitdesk.app;

import atlantafx.base.theme.PrimerLight;
import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.auth.KnownServers;
import com.recruitdesk.app.auth.SessionStore;
import com.recruitdesk.app.auth.StoredSession;
import com.recruitdesk.app.common.FxTaskExecutor;
import com.recruitdesk.app.conversations.ConversationsPane;
import com.recruitdesk.app.conversations.ConversationsViewModel;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.main.MainViewModel;
import com.recruitdesk.app.main.WindowBounds;
import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.app.pane.RejectionRouter;
import com.recruitdesk.app.pane.SignedInUser;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.signin.SignInViewModel;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.status.StatusBarViewModel;
import com.recruitdesk.app.sync.SyncStatus;
import com.recruitdesk.app.widgets.Widgets;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.sync.Feature;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: wires every part by hand and switches between sign-in and the main window. */
public final class RecruitDeskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(RecruitDeskApp.class);

    private final AppConfig config;
    private final AtomicReference<UserSession> session = new AtomicReference<>();
    /** Whether the demo command's credentials were used already this run (they sign in once). */
    private final java.util.concurrent.atomic.AtomicBoolean autoSignInUsed =
            new java.util.concurrent.atomic.AtomicBoolean();

    private volatile Map<PaneFactory, Pane> panes = Map.of();
    private FxTaskExecutor tasks;
    private OkHttpClient http;
    private SessionStore sessions;
    private KnownServers servers;
    /** The servers signed in to before, read at start and kept here, so the sign-in form reads no file. */
    private volatile List<String> knownServers = List.of();

    private Stage stage;
    private Scene scene;
    private boolean mainShownOnce;

    public RecruitDeskApp() {
        this(AppConfig.fromEnvironment());
    }

    public RecruitDeskApp(AppConfig config) {
        this.config = config;
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        tasks = new FxTaskExecutor();
        http = ApiClient.newHttpClient();
        sessions = new SessionStore(config.sessionFile());
        servers = new KnownServers(config.serversFile());
        knownServers = servers.load();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowBounds bounds = WindowBounds.load(config.windowFile())
                .orElseGet(() -> WindowBounds.firstRun(screen.getWidth(), screen.getHeight()));
        scene = new Scene(new StackPane(), bounds.width(), bounds.height());
        scene.getStylesheets()
                .addAll(
                        Objects.requireNonNull(RecruitDeskApp.class.getResource("app.css"))
                                .toExternalForm(),
                        Widgets.STYLESHEET);
        stage.setTitle("RecruitDesk");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        if (bounds.visibleOn(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight())) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
        stage.show();

        Optional<StoredSession> stored = sessions.load();
        if (stored.isPresent()) {
            // Local first: the stored session opens the local data at once; the engine refreshes the token.
            tasks.run(
                    () -> UserSession.open(config, http, sessions, stored.get(), null),
                    this::showMain,
                    failure -> showSignIn("Could not open your local data: " + failure.getMessage()));
        } else {
            signInAutomatically(showSignIn(""), null);
        }
    }

    /**
     * Signs in with the demo command's credentials ({@link AppConfig#autoSignIn()}), once per run, at
     * start or when a session stored by an earlier run against {@code server} turns out to have ended
     * (its server's data was made anew): the demo opens signed in either way.
     */
    private void signInAutomatically(SignInViewModel vm, String server) {
        config.autoSignIn()
                .filter(auto -> server == null || auto.server().equals(server))
                .filter(auto -> autoSignInUsed.compareAndSet(false, true))
                .ifPresent(auto -> {
                    vm.serverProperty().set(auto.server());
                    vm.emailProperty().set(auto.email());
                    vm.passwordProperty().set(auto.password());
                    vm.signIn();
                });
    }

    /** The Conversations pane's view model while signed in and shown (tests and the screenshot tool drive it). */
    public Optional<ConversationsViewModel> conversations() {
        return pane(ConversationsPane.class).map(ConversationsPane::viewModel);
    }

    /** The open pane of this class, if the signed-in user has it. */
    public <P extends Pane> Optional<P> pane(Class<P> type) {
        return panes.values().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The session now open, if any (tests reach the store and engine through it). */
    public Optional<UserSession> session() {
        return Optional.ofNullable(session.get());
    }

    private SignInViewModel showSignIn(String message) {
        AtomicReference<UserSession> opened = new AtomicReference<>();
        SignInViewModel vm = new SignInViewModel(
                        (server, email, password) -> opened.set(signIn(server, email, password)),
                        tasks,
                        () -> showMain(opened.get()),
                        knownServers)
                .choosingPasswordWith((server, email, temporary, chosen) ->
                        opened.set(signedIn(server, ApiClient.changePassword(http, server, email, temporary, chosen))));
        Parent view = SignInView.create(vm);
        scene.setRoot(view);
        stage.setTitle("RecruitDesk — sign in");
        if (!message.isEmpty()) {
            LOG.info("Showing sign-in: {}", message);
            vm.notice(message);
        }
        return vm;
    }

    /** Runs off the FX thread: signs in, stores the session, opens the user's store. */
    private UserSession signIn(String server, String email, String password) throws Exception {
        return signedIn(server, ApiClient.login(http, server, email, password));
    }

    /** Runs off the FX thread: stores the session {@code tokens} began and opens the user's store. */
    private UserSession signedIn(String server, TokenResponse tokens) throws Exception {
        StoredSession stored = StoredSession.signedIn(server, tokens);
        sessions.save(stored);
        knownServers = servers.remember(server);
        return UserSession.open(config, http, sessions, stored, tokens);
    }

    private void showMain(UserSession opened) {
        session.set(opened);
        SignedInUser user = opened.user();
        var status = new StatusBarViewModel(tasks, ZoneId.systemDefault());
        var main = new MainViewModel(
                user.displayName(),
                opened.stored().server(),
                tasks,
                removeCopy -> signOut(opened, removeCopy),
                () -> {
                    session.set(null);
                    showSignIn("");
                },
                () -> opened.store().pendingCount());
        opened.engine().addListener(status::accept);
        opened.engine().addListener(s -> {
            if (s.state() == SyncStatus.State.SIGNED_OUT) {
                tasks.onUi(() -> sessionEnded(opened, s.lastError()));
            }
        });
        List<PaneFactory> shown = PaneFactory.forRoles(Features.PANES, user.roles());
        var navigator = new AppNavigator(
                opened.store(), shown.contains(ConversationsPane.FACTORY), shown.contains(PipelinesPane.FACTORY));
        PaneContext context = new PaneContext(
                opened.store(),
                opened.engine(),
                opened.api(),
                opened.files(),
                user,
                tasks,
                Clock.systemUTC(),
                ZoneId.systemDefault(),
                getHostServices()::showDocument,
                navigator);
        List<MainView.Entry> entries = new ArrayList<>();
        Map<Feature, Pane> owners = new EnumMap<>(Feature.class);
        Map<PaneFactory, Pane> made = new LinkedHashMap<>();
        for (PaneFactory factory : shown) {
            Pane pane = factory.create().apply(context);
            made.put(factory, pane);
            factory.feature().ifPresent(f -> owners.putIfAbsent(f, pane));
            entries.add(new MainView.Entry(factory.title(), factory.navigationId(), pane.view()));
        }
        panes = Map.copyOf(made);
        opened.engine().addRejectionListener(new RejectionRouter(owners, status::rejected));
        opened.store()
                .addChangeListener(new OwnRoles(
                        opened.store(),
                        user,
                        // a deactivation is the sync engine's: the server refuses the account at once
                        changed -> tasks.onUi(() -> {
                            if (changed.active()) {
                                rolesChanged(opened, changed.roles());
                            }
                        })));
        Parent root = MainView.create(main, StatusBarView.create(status), StatusBarView.firstSync(status), entries);
        navigator.attach(
                stage,
                pane(ConversationsPane.class).orElse(null),
                pane(PipelinesPane.class).orElse(null),
                id -> MainView.show(root, id));
        scene.setRoot(root);
        stage.setTitle("RecruitDesk — " + user.displayName());
        opened.engine().start();
        if (!mainShownOnce) {
            mainShownOnce = true;
            ProcessHandle.current()
                    .info()
                    .startInstant()
                    .ifPresent(t -> LOG.info(
                            "Main window shown {} ms after the process started",
                            Duration.between(t, Instant.now()).toMillis()));
        }
    }

    /**
     * An administrator changed the signed-in user's roles: the window opens the session again, without
     * a password, with the panes of the new roles (its first request fetches an access token with them).
     */
    private void rolesChanged(UserSession old, Set<Role> roles) {
        if (!session.compareAndSet(old, null)) {
            return;
        }
        LOG.info("The signed-in user's roles are now {}; opening the panes for them", roles);
        tasks.run(
                () -> {
                    old.close();
                    StoredSession next = old.stored().withRoles(List.copyOf(roles));
                    sessions.save(next);
                    return UserSession.open(config, http, sessions, next, null);
                },
                this::showMain,
                failure -> showSignIn("Could not open your local data: " + failure.getMessage()));
    }

    /**
     * The server ended the session. For an account that was deactivated this computer's copy of its
     * data goes too (nobody may read it here any more); otherwise it stays for the next sign-in.
     */
    private void sessionEnded(UserSession ended, String message) {
        if (session.compareAndSet(ended, null)) {
            tasks.run(
                    () -> {
                        ended.close();
                        sessions.clear();
                        if (ended.engine().accountDeactivated()) {
                            ended.removeLocalCopy();
                            LOG.info("The account was deactivated; this computer's copy of its data was removed");
                        }
                        return Boolean.TRUE;
                    },
                    ok -> signInAutomatically(
                            showSignIn(message == null ? "Sign in again." : message),
                            ended.stored().server()),
                    failure -> showSignIn(failure.getMessage()));
        }
    }

    /**
     * Runs off the FX thread: stop syncing, tell the server, forget the token; the local data stays
     * unless {@code removeCopy}.
     */
    private void signOut(UserSession s, boolean removeCopy) throws IOException {
        s.engine().close();
        try {
            s.api().logout();
        } catch (Exception e) {
            LOG.info("Could not tell the server about the sign-out ({}); the token is forgotten here", e.getMessage());
        }
        sessions.clear();
        s.store().close();
        if (removeCopy) {
            s.removeLocalCopy();
        }
    }

    @Override
    public void stop() {
        if (stage != null) {
            try {
                new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())
                        .save(config.windowFile());
            } catch (IOException e) {
                LOG.warn("Could not remember the window size: {}", e.getMessage());
            }
        }
        UserSession s = session.getAndSet(null);
        if (s != null) {
            s.close();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
