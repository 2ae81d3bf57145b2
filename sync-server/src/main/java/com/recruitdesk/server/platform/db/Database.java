package com.recruitdesk.server.platform.db;

import com.recruitdesk.server.platform.StartupException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one way into PostgreSQL: a HikariCP pool, Flyway migrations run at open, and
 * transactions on plain JDBC. Every row is written by its feature's row writer on the transaction's
 * connection and read back with {@code to_jsonb}; the change feed is written by triggers (decisions
 * 0008 and 0018).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /**
     * Whose access a committed transaction changed: raised at its commit (V20) and read with the
     * commit's answer (no extra round trip), so what hangs on it (the access cache, decision 0035) is
     * updated before the transaction's caller is answered. A notice, not a LISTEN on every pooled
     * connection: a notification wakes every listening backend, whatever its channel (decision 0056).
     */
    public static final String ACCESS_CHANNEL = "sync_access";

    private static final String ACCESS_NOTICE = ACCESS_CHANNEL + " ";

    private final HikariDataSource dataSource;
    private final String schemaVersion;
    private final ConnectionSettings settings;
    private volatile BiConsumer<String, String> notices = (channel, payload) -> {};

    private Database(HikariDataSource dataSource, String schemaVersion, ConnectionSettings settings) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.schemaVersion = schemaVersion;
    }

    /** Connects and migrates to the newest schema. */
    public static Database open(ConnectionSettings settings) {
        HikariDataSource dataSource = pool(settings);
        try {
            String version = migrate(dataSource);
            LOG.info("Database ready at schema version {}", version);
            return new Database(dataSource, version, settings);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource pool(ConnectionSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("recruitdesk");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(10);
        // Fail requests fast when PostgreSQL is away, so readiness answers 503 quickly.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        config.setAutoCommit(true);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StartupException(
                    "Cannot connect to the database at " + settings.safeUrl() + ": " + StartupException.rootMessage(e),
                    e);
        }
    }

    private static String migrate(HikariDataSource dataSource) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .cleanDisabled(true)
                    .load();
            flyway.migrate();
            return Optional.ofNullable(flyway.info().current())
                    .map(m -> m.getVersion().getVersion())
                    .orElseThrow(() -> new StartupException("No database migration was found."));
        } catch (FlywayException e) {
            throw new StartupException(
                    "The database schema could not be migrated: " + StartupException.rootMessage(e), e);
        }
    }

    /** Work on one JDBC connection inside a transaction. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one read-committed transaction; commits when it returns, rolls back when it throws. */
    public <T> T transaction(JdbcWork<T> work) throws SQLException {
        return jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, work);
    }

    /**
     * Runs {@code work} in one transaction at the given isolation level (a {@link Connection}
     * constant); commits when it returns, rolls back when it throws.
     */
    public <T> T jdbcTransaction(int isolation, JdbcWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // Read committed is the pool's default; setting it anyway would cost a round trip per transaction.
            boolean otherIsolation = isolation != Connection.TRANSACTION_READ_COMMITTED;
            if (otherIsolation) {
                c.setTransactionIsolation(isolation);
            }
            try {
                T result = work.run(c);
                c.commit();
                deliverNotices(c);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                c.clearWarnings(); // a notice of what was rolled back is no one's
                throw e;
            } finally {
                if (otherIsolation) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Who hears the notices the pooled connections receive (channel, payload); one listener. A null
     * payload on every channel says notices may have been lost.
     */
    public void onNotice(BiConsumer<String, String> listener) {
        this.notices = listener;
    }

    /** Hands on the access notices that came with this connection's commit, and forgets its warnings. */
    private void deliverNotices(Connection c) {
        try {
            for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
                String message = w.getMessage();
                if (message != null && message.startsWith(ACCESS_NOTICE)) {
                    notices.accept(ACCESS_CHANNEL, message.substring(ACCESS_NOTICE.length()));
                }
            }
            c.clearWarnings();
        } catch (SQLException e) {
            LOG.warn("Could not read the notices of a committed transaction: {}", e.getMessage());
            notices.accept(ACCESS_CHANNEL, null);
        }
    }

    /**
     * As {@link #transaction} for callers with no retry of their own (sign-in, start-up): a database
     * fault becomes an unchecked {@link DatabaseException}, which the HTTP layer answers with a 5xx.
     */
    public <T> T inTransaction(JdbcWork<T> work) {
        try {
            return transaction(work);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Connection settings for a connection of its own outside the pool (e.g. to LISTEN). */
    public ConnectionSettings connectionSettings() {
        return settings;
    }

    /** Empty when the database answers and carries this server's schema; else the reason it is not ready. */
    public Optional<String> notReadyReason() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery(
                    "select version from flyway_schema_history where success order by installed_rank desc limit 1")) {
                if (!rs.next() || !schemaVersion.equals(rs.getString(1))) {
                    return Optional.of("the database schema is not at version " + schemaVersion);
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.of("the database is unreachable: " + StartupException.rootMessage(e));
        }
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
