package com.recruitdesk.server.platform.db;

import com.recruitdesk.server.platform.StartupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose data lives under the server's data directory and survives
 * restarts. The bundled binaries run under the current user, root included. Its superuser has a
 * password made on first start and kept in {@code dataDir/postgres-password} (readable by the
 * server's user only), and every connection must give it (scram-sha-256): no other local account
 * can read the signing secret or the data. Decision 0024.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "recruitdesk";
    static final String PASSWORD_FILE = "postgres-password";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final ConnectionSettings settings;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        // The password rides in the URL too, so whatever is handed only the URL (a second server in a
        // test, a tool) authenticates; ConnectionSettings never prints it.
        String url = postgres.getJdbcUrl(SUPERUSER, DATABASE);
        this.settings = new ConnectionSettings(
                url + (url.contains("?") ? "&" : "?") + "password=" + password, SUPERUSER, password);
    }

    /** Starts PostgreSQL on a free port over {@code dataDir/postgres}, creating the cluster on first use. */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** As {@link #start(Path)} on a given port (0 = any free one). */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        Path cluster = dataDir.resolve("postgres");
        Path logFile = dataDir.resolve("logs").resolve("postgres.log");
        try {
            Files.createDirectories(cluster);
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new StartupException("Cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        stopOrphanedPostmaster(cluster);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        try {
            boolean secured = Files.isRegularFile(passwordFile);
            String password = secured ? Files.readString(passwordFile).strip() : EmbeddedPassword.create(passwordFile);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The library's defaults trade durability for test speed (fsync off); a product keeps its data.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // The library's own readiness check connects too; with this it gives the password.
                    .setConnectConfig("password", password)
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()));
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            if (!secured || !EmbeddedPassword.required(cluster)) {
                // First start (or a cluster from before passwords): set it, then let no one in without it.
                EmbeddedPassword.require(postgres, cluster, password);
            }
            createDatabaseIfMissing(postgres);
            LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), cluster);
            return new EmbeddedDatabase(postgres, password);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new StartupException(
                    "The embedded PostgreSQL did not start (see " + logFile + "): " + StartupException.rootMessage(e),
                    e);
        }
    }

    public ConnectionSettings connectionSettings() {
        return settings;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE);
            }
        }
    }

    /**
     * A server killed with -9 leaves its PostgreSQL running on the data directory, which would keep
     * the next start from taking the lock. Stop that postmaster first; nothing else may hold our data.
     */
    static void stopOrphanedPostmaster(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        postmaster.ifPresent(p -> {
            LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier server", p.pid(), cluster);
            p.destroy(); // SIGTERM: PostgreSQL's smart shutdown, which waits for no clients once ours are gone
            try {
                p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new StartupException(
                        "PostgreSQL (pid " + p.pid() + ") still holds " + cluster + "; stop it and start again.");
            }
        });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
