package com.recruitdesk.server.support;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.auth.LoginRequest;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.demo.DemoUsers;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.sync.Mutators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real server on a free port, over a database of its own on the shared test PostgreSQL, and a
 * clock the test controls. {@link #start()} brings the demo data with its media downloaded;
 * {@link #withoutDemo()} only the demo organization and its staff (so tests still sign in as
 * {@code recruiter@demo.test}). Both copy a database prepared once per test JVM
 * ({@link TestPostgres}), so a test server starts in a fraction of a second; the demo's files are
 * linked into the server's own data directory.
 */
public final class TestServer implements AutoCloseable {
    public static final String RECRUITER = "recruiter@demo.test";
    public static final String PASSWORD = "demo-password";

    /** The demo is placed around the time it was loaded; a copy older than this is loaded again. */
    private static final Duration DEMO_MAX_AGE = Duration.ofMinutes(10);

    private static DemoTemplate demo;

    public final MutableClock clock = new MutableClock();
    public final ConnectionSettings database;
    /** {@code RD_DATA_DIR}: the blob store is its {@code blobs/} folder. */
    public final Path dataDir;

    public final SyncServer server;
    public final Api api;

    private TestServer(ConnectionSettings database, Path dataDir, boolean loadDemo, Map<String, String> extraEnv) {
        this(database, dataDir, loadDemo, extraEnv, null); // the server makes its own, with Meta as configured
    }

    private TestServer(
            ConnectionSettings database,
            Path dataDir,
            boolean loadDemo,
            Map<String, String> extraEnv,
            Mutators mutators) {
        this.database = database;
        this.dataDir = dataDir;
        Map<String, String> env = new HashMap<>();
        env.put("RD_DB_URL", database.url());
        env.put("RD_DB_USER", database.user());
        env.put("RD_HTTP_PORT", "0");
        env.put("RD_DEMO", Boolean.toString(loadDemo));
        env.put("RD_DATA_DIR", dataDir.toString());
        env.putAll(extraEnv);
        this.server = SyncServer.start(ConfigLoader.load(env), clock, mutators);
        this.api = new Api(server.port());
        if (loadDemo) {
            // The demo's media are fetched in the background right after start; let that settle first, so
            // a test sees only the changes it makes itself.
            try {
                awaitDemoMedia(database);
            } catch (AssertionError e) {
                server.stop();
                throw e;
            }
        }
    }

    /** With the demo data, its photos, CVs and voice notes downloaded. */
    public static TestServer start() {
        return start(Map.of());
    }

    /** With the demo data and extra server settings. */
    public static TestServer start(Map<String, String> extraEnv) {
        DemoTemplate template = demoTemplate();
        Path dataDir = TempDirs.create("recruitdesk-test-data");
        template.linkBlobsInto(dataDir);
        ConnectionSettings copy = TestPostgres.copyOf(template.name(), unused -> {
            throw new IllegalStateException("the demo template was made above");
        });
        return new TestServer(copy, dataDir, false, extraEnv);
    }

    /** The demo organization and its staff, none of the demo's data. */
    public static TestServer withoutDemo() {
        return withoutDemo(Map.of());
    }

    public static TestServer withoutDemo(Map<String, String> extraEnv) {
        return new TestServer(staffDatabase(), TempDirs.create("recruitdesk-test-data"), false, extraEnv);
    }

    /** The demo's staff, and the server's mutators replaced by {@code mutators} (to plant a failing one). */
    public static TestServer withoutDemo(Mutators mutators) {
        return new TestServer(staffDatabase(), TempDirs.create("recruitdesk-test-data"), false, Map.of(), mutators);
    }

    /** Loads the demo on start ({@code RD_DEMO=true}), as {@code ./dev start} does, instead of copying it. */
    public static TestServer loadingDemo() {
        return new TestServer(staffDatabase(), TempDirs.create("recruitdesk-test-data"), true, Map.of());
    }

    public Api.Reply login(String email, String password) {
        return api.post(Paths.LOGIN, new LoginRequest(email, password));
    }

    /** Signs in as the demo recruiter and returns the token response. */
    public Api.Reply loginRecruiter() {
        Api.Reply reply = login(RECRUITER, PASSWORD);
        if (reply.status() != 200) {
            throw new AssertionError("demo sign-in failed: " + reply);
        }
        return reply;
    }

    @Override
    public void close() {
        Api.closeIdleConnections(); // the test is done talking; the stop need not wait for idle connections
        server.stop();
        TempDirs.delete(dataDir);
    }

    private static ConnectionSettings staffDatabase() {
        return TestPostgres.copyOf("staff", settings -> {
            try (Database db = Database.open(settings)) {
                DemoUsers.load(new Accounts(db), new PasswordHasher());
            }
        });
    }

    private static void awaitDemoMedia(ConnectionSettings database) {
        Eventually.await(
                Duration.ofSeconds(60),
                "the demo's media to be downloaded",
                () -> SyncFixture.count(database, "select count(*) from whatsapp_media_downloads") == 0);
    }

    /** The demo loaded by a real server start and its media downloaded, once; copied for each test server. */
    private static synchronized DemoTemplate demoTemplate() {
        if (demo != null && demo.loadedAt().plus(DEMO_MAX_AGE).isBefore(Instant.now())) {
            TestPostgres.dropTemplate(demo.name());
            demo = null;
        }
        if (demo == null) {
            String name = "demo_" + System.nanoTime();
            Path dataDir = TempDirs.create("recruitdesk-test-demo");
            Instant loadedAt = Instant.now();
            TestPostgres.copyOf(name, settings -> {
                Map<String, String> env = Map.of(
                        "RD_DB_URL", settings.url(),
                        "RD_DB_USER", settings.user(),
                        "RD_HTTP_PORT", "0",
                        "RD_DEMO", "true",
                        "RD_DATA_DIR", dataDir.toString());
                SyncServer server = SyncServer.start(ConfigLoader.load(env), Clock.systemUTC());
                try {
                    awaitDemoMedia(settings);
                } finally {
                    server.stop();
                }
            });
            demo = new DemoTemplate(name, dataDir.resolve("blobs"), loadedAt);
        }
        return demo;
    }

    /** A demo database template and the blob files its rows name. */
    private record DemoTemplate(String name, Path blobs, Instant loadedAt) {
        /** Blob files never change once stored (they are named by their content), so links are as good as copies. */
        void linkBlobsInto(Path dataDir) {
            if (!Files.isDirectory(blobs)) {
                return;
            }
            Path target = dataDir.resolve("blobs");
            try (Stream<Path> files = Files.walk(blobs)) {
                for (Path source : files.toList()) {
                    Path copy = target.resolve(blobs.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        try {
                            Files.createLink(copy, source);
                        } catch (IOException | UnsupportedOperationException e) {
                            Files.copy(source, copy);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
