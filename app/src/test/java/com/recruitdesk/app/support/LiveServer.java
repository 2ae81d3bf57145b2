package com.recruitdesk.app.support;

import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The real sync server with the demo data, in-process on its own fresh database, that a test can
 * stop and start again on the same port and database (as when the office server goes down).
 */
public final class LiveServer implements AutoCloseable {
    private final TestServer first;
    private final Map<String, String> env;
    private final int port;
    private SyncServer current;

    private LiveServer(TestServer first, Map<String, String> env) {
        this.first = first;
        this.env = Map.copyOf(env);
        this.port = first.server.port();
        this.current = first.server;
    }

    public static LiveServer start() {
        return start(Map.of());
    }

    /** With extra server settings (e.g. WhatsApp webhook credentials), kept across restarts. */
    public static LiveServer start(Map<String, String> env) {
        return new LiveServer(TestServer.start(env), env);
    }

    /** Only the demo organization's staff (a test builds its own rows, e.g. with {@code CohortFixture}). */
    public static LiveServer withoutDemo() {
        return new LiveServer(TestServer.withoutDemo(), Map.of());
    }

    /** The first server's database and data directory, for fixtures that write rows and files. */
    public TestServer first() {
        return first;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized boolean running() {
        return current != null;
    }

    /**
     * Stops the server once the app's poke stream is connected. (A stream that connects while the
     * server stops is not closed by it, and Jetty's graceful stop then waits its full timeout for it.)
     */
    public synchronized void stop() {
        if (current != null) {
            SyncServer s = current;
            current = null;
            try {
                awaitStream(s);
            } finally {
                s.stop(); // also when the wait fails, so the next test can have the port
            }
        }
    }

    /** Waits until an app's poke stream is connected. */
    public synchronized void awaitStream() {
        awaitStream(current);
    }

    private static void awaitStream(SyncServer s) {
        com.recruitdesk.server.support.Eventually.await(
                java.time.Duration.ofSeconds(30),
                "the app's poke stream to connect",
                () -> s.pokes().connectedClients() > 0);
    }

    /** Stops the server whether or not a client is connected (end of a test class). */
    @Override
    public synchronized void close() {
        if (current != null) {
            SyncServer s = current;
            current = null;
            s.stop();
        }
    }

    /** Starts the server again on the same port and database. */
    public synchronized void restart() {
        if (current != null) {
            return;
        }
        ConnectionSettings db = first.database;
        Map<String, String> env = new HashMap<>(this.env);
        env.put("RD_DB_URL", db.url());
        env.put("RD_DB_USER", db.user());
        if (db.password() != null) {
            env.put("RD_DB_PASSWORD", db.password());
        }
        env.put("RD_HTTP_PORT", Integer.toString(port));
        env.put("RD_DATA_DIR", first.dataDir.toString()); // the same blob store, as an office server keeps its disk
        current = SyncServer.start(ConfigLoader.load(env), first.clock);
    }

    /** Runs one statement straight on the server's database (another system, or an operator). */
    public int execute(String sql, Object... params) {
        return com.recruitdesk.server.support.SyncFixture.execute(first.database, sql, params);
    }

    /** One value read straight from the server's database. */
    public String text(String sql, Object... params) {
        ConnectionSettings db = first.database;
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in a server table, read straight from its database. */
    public long count(String sql) {
        ConnectionSettings db = first.database;
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
