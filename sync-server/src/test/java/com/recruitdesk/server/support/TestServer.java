package com.recruitdesk.server.support;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.auth.LoginRequest;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server on a free port, over a fresh database of the shared test PostgreSQL, with the
 * demo data loaded (its media downloaded) and a clock the test controls.
 */
public final class TestServer implements AutoCloseable {
    public static final String RECRUITER = "recruiter@demo.test";
    public static final String PASSWORD = "demo-password";

    public final MutableClock clock = new MutableClock();
    public final ConnectionSettings database;
    /** {@code RD_DATA_DIR}: the blob store is its {@code blobs/} folder. */
    public final Path dataDir;

    public final SyncServer server;
    public final Api api;

    private TestServer(Map<String, String> extraEnv) {
        this.database = TestPostgres.freshDatabase();
        Map<String, String> env = new HashMap<>();
        env.put("RD_DB_URL", database.url());
        env.put("RD_DB_USER", database.user());
        env.put("RD_HTTP_PORT", "0");
        env.put("RD_DEMO", "true");
        env.put("RD_DATA_DIR", TempDirs.create("recruitdesk-test-data").toString());
        env.putAll(extraEnv);
        this.dataDir = Path.of(env.get("RD_DATA_DIR"));
        this.server = SyncServer.start(ConfigLoader.load(env), clock);
        this.api = new Api(server.port());
        // The demo's media are fetched in the background right after start; let that settle first, so
        // a test sees only the changes it makes itself.
        try {
            Eventually.await(
                    Duration.ofSeconds(60),
                    "the demo's media to be downloaded",
                    () -> SyncFixture.count(database, "select count(*) from whatsapp_media_downloads") == 0);
        } catch (AssertionError e) {
            server.stop();
            throw e;
        }
    }

    public static TestServer start() {
        return new TestServer(Map.of());
    }

    public static TestServer start(Map<String, String> extraEnv) {
        return new TestServer(extraEnv);
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
        server.stop();
        TempDirs.delete(dataDir);
    }
}
