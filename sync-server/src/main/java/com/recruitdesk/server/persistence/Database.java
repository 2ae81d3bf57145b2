package com.recruitdesk.server.persistence;

import com.recruitdesk.server.platform.StartupException;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one way into PostgreSQL: a HikariCP pool, Flyway migrations run at open, and a
 * Hibernate session factory that validates the mapped entities against the migrated schema.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final SessionFactory sessions;
    private final String schemaVersion;
    private final Clock clock;
    private final ConnectionSettings settings;

    private Database(
            HikariDataSource dataSource,
            SessionFactory sessions,
            String schemaVersion,
            Clock clock,
            ConnectionSettings settings) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.schemaVersion = schemaVersion;
        this.clock = clock;
    }

    /** Connects, migrates to the newest schema and validates the entity mapping against it. */
    public static Database open(ConnectionSettings settings, Clock clock) {
        HikariDataSource dataSource = pool(settings);
        try {
            String version = migrate(dataSource);
            SessionFactory sessions = sessionFactory(dataSource);
            LOG.info("Database ready at schema version {}", version);
            return new Database(dataSource, sessions, version, clock, settings);
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
                    "Cannot connect to the database at " + settings.url() + ": " + StartupException.rootMessage(e), e);
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

    private static SessionFactory sessionFactory(HikariDataSource dataSource) {
        Configuration configuration = new Configuration();
        Entities.ALL.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
        // Fields are the camelCase of their snake_case columns (organizationId -> organization_id).
        configuration.setPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl());
        // jsonb columns are read and written with Jackson 2, the library of the wire protocol.
        configuration.getProperties().put(AvailableSettings.JSON_FORMAT_MAPPER, new JacksonJsonFormatMapper());
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
        try {
            return configuration.buildSessionFactory();
        } catch (RuntimeException e) {
            throw new StartupException(
                    "The database schema does not match this server: " + StartupException.rootMessage(e), e);
        }
    }

    /** Runs {@code work} in one transaction; it commits when {@code work} returns and rolls back if it throws. */
    <T> T transaction(Function<Session, T> work) {
        return sessions.fromTransaction(work);
    }

    Clock clock() {
        return clock;
    }

    /** Work on one JDBC connection inside a transaction. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
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
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                if (otherIsolation) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                c.setAutoCommit(true);
            }
        }
    }

    /** Connection settings for a connection of its own outside the pool (e.g. to LISTEN). */
    public ConnectionSettings connectionSettings() {
        return settings;
    }

    public Accounts accounts() {
        return new Accounts(this);
    }

    public RefreshTokens refreshTokens() {
        return new RefreshTokens(this);
    }

    public LoginFailures loginFailures() {
        return new LoginFailures(this);
    }

    public DemoDataset demoDataset() {
        return new DemoDataset(this);
    }

    public ServerSecrets secrets() {
        return new ServerSecrets(this);
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
        sessions.close();
        dataSource.close();
    }
}
