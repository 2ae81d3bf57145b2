package com.recruitdesk.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.server.admin.Administration;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.auth.AuthController;
import com.recruitdesk.server.auth.AuthService;
import com.recruitdesk.server.auth.FirstAdministrator;
import com.recruitdesk.server.auth.LoginFailures;
import com.recruitdesk.server.auth.LoginThrottle;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.auth.RefreshTokens;
import com.recruitdesk.server.auth.ServerSecrets;
import com.recruitdesk.server.blobs.BlobController;
import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.blobs.FileBlobStore;
import com.recruitdesk.server.cohorts.Cohorts;
import com.recruitdesk.server.demo.DemoData;
import com.recruitdesk.server.demo.DemoDocuments;
import com.recruitdesk.server.interviews.InterviewTasks;
import com.recruitdesk.server.pipelines.JobPages;
import com.recruitdesk.server.pipelines.PipelineTasks;
import com.recruitdesk.server.platform.StartupException;
import com.recruitdesk.server.platform.access.AccessTokens;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.config.ServerConfig;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.EmbeddedDatabase;
import com.recruitdesk.server.platform.health.HealthController;
import com.recruitdesk.server.platform.http.HttpApi;
import com.recruitdesk.server.platform.http.JsonBodies;
import com.recruitdesk.server.platform.sync.ChangeFeed;
import com.recruitdesk.server.platform.sync.FeedCompaction;
import com.recruitdesk.server.platform.sync.Mutators;
import com.recruitdesk.server.platform.sync.Pokes;
import com.recruitdesk.server.platform.sync.PushService;
import com.recruitdesk.server.platform.sync.SyncController;
import com.recruitdesk.server.whatsapp.WhatsApp;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sync server: {@link #start} wires every part by hand, {@link #stop} takes them down in reverse. */
public final class SyncServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);

    private final Optional<EmbeddedDatabase> embedded;
    private final Database database;
    private final GracefulHandler graceful;
    private final Pokes pokes;
    private final PushService push;
    private final FeedCompaction compaction;
    private final WhatsApp whatsApp;
    private final InterviewTasks interviews;
    private final PipelineTasks pipelineTasks;
    private final Administration administration;
    private final Javalin http;
    private boolean stopped;

    private SyncServer(
            Optional<EmbeddedDatabase> embedded,
            Database database,
            GracefulHandler graceful,
            Pokes pokes,
            PushService push,
            FeedCompaction compaction,
            WhatsApp whatsApp,
            InterviewTasks interviews,
            PipelineTasks pipelineTasks,
            Administration administration,
            Javalin http) {
        this.embedded = embedded;
        this.database = database;
        this.graceful = graceful;
        this.pokes = pokes;
        this.push = push;
        this.compaction = compaction;
        this.whatsApp = whatsApp;
        this.interviews = interviews;
        this.pipelineTasks = pipelineTasks;
        this.administration = administration;
        this.http = http;
    }

    public static SyncServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static SyncServer start(ServerConfig config, Clock clock) {
        return start(config, clock, null);
    }

    /**
     * Starts every part with these mutators (tests put a failing one in; null: the product's, made with
     * the server's password hasher and Meta); whatever started is stopped again if a later part fails.
     */
    public static SyncServer start(ServerConfig config, Clock clock, Mutators mutators) {
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
            database = Database.open(settings);

            PasswordHasher hasher = new PasswordHasher();
            var accounts = new Accounts(database);
            config.firstAdmin().ifPresent(admin -> FirstAdministrator.ensure(admin, accounts, hasher));
            if (config.demo()) {
                DemoData.load(database, hasher, clock);
            }
            return startHttp(config, clock, embedded, database, hasher, mutators);
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
            PasswordHasher hasher,
            Mutators mutators) {
        ObjectMapper mapper = Json.newMapper();
        AccessTokens accessTokens =
                new AccessTokens(new ServerSecrets(database).getOrCreate("access-token-key", 32), clock);
        AuthService authService = new AuthService(
                new Accounts(database),
                new RefreshTokens(database, clock),
                accessTokens,
                hasher,
                new LoginThrottle(new LoginFailures(database), clock),
                clock);
        var health = new HealthController(database);
        var authenticator = new Authenticator(accessTokens, database);
        var bodies = new JsonBodies(mapper);
        var blobs = new Blobs(database, new FileBlobStore(config.dataDir().resolve("blobs")), config.blobMaxBytes());
        var auth = new AuthController(authService, bodies);
        var feed = new ChangeFeed(database, mapper);
        var whatsApp = WhatsApp.start(config, database, blobs, mapper, clock);
        var push = new PushService(
                database, mutators != null ? mutators : Features.mutators(hasher, whatsApp.business()), mapper, clock);
        var sync = new SyncController(feed, push, bodies);
        var compaction = new FeedCompaction(database, config.feedRetention(), clock).start();
        var pokes = new Pokes(database.connectionSettings(), feed, authenticator);
        var graceful = new GracefulHandler();
        var interviews = InterviewTasks.start(database, mapper, clock);
        var pipelineTasks = PipelineTasks.start(database, blobs, clock);
        var cohorts = Cohorts.create(database, blobs, clock);
        if (config.demo()) {
            DemoDocuments.load(database, blobs, clock); // the demo students' files need the blob store
        }
        var administration = Administration.start(database, mapper, clock);

        config.tls().ifPresent(tls -> LOG.info("Serving HTTPS with the {}", tls.source()));
        Javalin http = HttpApi.create(
                mapper,
                graceful,
                config.tls(),
                config.httpPort(),
                routes -> Routes.register(
                        routes,
                        health,
                        authenticator,
                        auth,
                        sync,
                        pokes,
                        new BlobController(blobs),
                        whatsApp,
                        new JobPages(database, mapper),
                        cohorts,
                        administration));
        try {
            http.start(config.httpPort());
        } catch (RuntimeException e) {
            http.stop();
            interviews.close();
            pipelineTasks.close();
            administration.close();
            push.close();
            compaction.close();
            whatsApp.close();
            whatsApp.closeWebhooks();
            pokes.close();
            if (isBindFailure(e)) {
                throw new StartupException(
                        "Port " + config.httpPort()
                                + " is already in use; stop what uses it or set RD_HTTP_PORT to a free port.",
                        e);
            }
            throw new StartupException("The HTTP listener did not start: " + e.getMessage(), e);
        }
        LOG.info("RecruitDesk server listening on port {}", http.port());
        return new SyncServer(
                embedded,
                database,
                graceful,
                pokes,
                push,
                compaction,
                whatsApp,
                interviews,
                pipelineTasks,
                administration,
                http);
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

    /** The poke listener, for tests that wait until it is subscribed. */
    public Pokes pokes() {
        return pokes;
    }

    /** Pushes queued for a group commit and not yet taken into a batch; tests wait on it. */
    public int pushesWaiting() {
        return push.waiting();
    }

    /** Webhooks queued for a group commit and not yet taken into a batch; tests wait on it. */
    public int webhooksWaiting() {
        return whatsApp.webhooksWaiting();
    }

    /** Requests being handled now; shutdown waits for them. */
    public int inFlightRequests() {
        return (int) graceful.getCurrentRequestCount();
    }

    /** Stops taking requests, lets those in flight finish, then closes the listener, the pool and the database. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        pokes.close();
        interviews.close();
        administration.close();
        compaction.close();
        whatsApp.close(); // background senders stop before the pool closes
        pipelineTasks.close();
        http.stop(); // graceful: waits up to HttpApi.STOP_TIMEOUT for requests in flight
        if (graceful.getCurrentRequestCount() > 0) {
            LOG.warn("{} requests were cut off by the stop timeout", graceful.getCurrentRequestCount());
        }
        push.close(); // pushes still queued are applied and answered before the pool closes
        whatsApp.closeWebhooks(); // as are webhooks
        database.close();
        embedded.ifPresent(EmbeddedDatabase::close);
        LOG.info("RecruitDesk server stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
