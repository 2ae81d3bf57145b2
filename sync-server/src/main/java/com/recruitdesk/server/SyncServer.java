package com.recruitdesk.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.server.auth.AccessTokens;
import com.recruitdesk.server.auth.AuthController;
import com.recruitdesk.server.auth.AuthService;
import com.recruitdesk.server.auth.Authenticator;
import com.recruitdesk.server.auth.LoginThrottle;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.bootstrap.DemoData;
import com.recruitdesk.server.bootstrap.FirstAdministrator;
import com.recruitdesk.server.config.ServerConfig;
import com.recruitdesk.server.database.ConnectionSettings;
import com.recruitdesk.server.database.EmbeddedDatabase;
import com.recruitdesk.server.health.HealthController;
import com.recruitdesk.server.http.HttpApi;
import com.recruitdesk.server.http.InFlightRequests;
import com.recruitdesk.server.http.JsonBodies;
import com.recruitdesk.server.persistence.Database;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sync server: {@link #start} wires every part by hand, {@link #stop} takes them down in reverse. */
public final class SyncServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private final Optional<EmbeddedDatabase> embedded;
    private final Database database;
    private final InFlightRequests inFlight;
    private final Javalin http;
    private boolean stopped;

    private SyncServer(
            Optional<EmbeddedDatabase> embedded, Database database, InFlightRequests inFlight, Javalin http) {
        this.embedded = embedded;
        this.database = database;
        this.inFlight = inFlight;
        this.http = http;
    }

    public static SyncServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts every part; whatever started is stopped again if a later part fails. */
    public static SyncServer start(ServerConfig config, Clock clock) {
        Optional<EmbeddedDatabase> embedded = Optional.empty();
        Database database = null;
        try {
            ConnectionSettings settings;
            if (config.database().isPresent()) {
                var external = config.database().get();
                settings = new ConnectionSettings(external.url(), external.user(), external.password());
            } else {
                embedded = Optional.of(EmbeddedDatabase.start(config.dataDir()));
                settings = embedded.get().connectionSettings();
            }
            database = Database.open(settings, clock);

            PasswordHasher hasher = new PasswordHasher();
            var accounts = database.accounts();
            config.firstAdmin().ifPresent(admin -> FirstAdministrator.ensure(admin, accounts, hasher));
            if (config.demo()) {
                DemoData.load(database, hasher, clock);
            }
            return startHttp(config, clock, embedded, database, hasher);
        } catch (RuntimeException | Error e) {
            if (database != null) {
                database.close();
            }
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    private static SyncServer startHttp(
            ServerConfig config,
            Clock clock,
            Optional<EmbeddedDatabase> embedded,
            Database database,
            PasswordHasher hasher) {
        ObjectMapper mapper = Json.newMapper();
        AccessTokens accessTokens = new AccessTokens(database.secrets().getOrCreate("access-token-key", 32), clock);
        AuthService authService = new AuthService(
                database.accounts(),
                database.refreshTokens(),
                accessTokens,
                hasher,
                new LoginThrottle(database.loginFailures(), clock),
                clock);
        var health = new HealthController(database);
        var authenticator = new Authenticator(accessTokens);
        var auth = new AuthController(authService, new JsonBodies(mapper));
        var inFlight = new InFlightRequests();

        Javalin http = HttpApi.create(mapper, inFlight, routes -> Routes.register(routes, health, authenticator, auth));
        try {
            http.start(config.httpPort());
        } catch (RuntimeException e) {
            http.stop();
            if (isBindFailure(e)) {
                throw new StartupException(
                        "Port " + config.httpPort()
                                + " is already in use; stop what uses it or set RD_HTTP_PORT to a free port.",
                        e);
            }
            throw new StartupException("The HTTP listener did not start: " + e.getMessage(), e);
        }
        LOG.info("RecruitDesk server listening on port {}", http.port());
        return new SyncServer(embedded, database, inFlight, http);
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || t.getClass().getSimpleName().contains("Bind")
                    || (t.getMessage() != null && t.getMessage().contains("already in use"))) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return http.port();
    }

    /** Requests being handled now; shutdown waits for them. */
    public int inFlightRequests() {
        return inFlight.active();
    }

    /** Stops taking requests, lets those in flight finish, then closes the listener, the pool and the database. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (!inFlight.drain(DRAIN_TIMEOUT)) {
                LOG.warn("{} requests were still running after {}; stopping anyway", inFlight.active(), DRAIN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop();
        database.close();
        embedded.ifPresent(EmbeddedDatabase::close);
        LOG.info("RecruitDesk server stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
