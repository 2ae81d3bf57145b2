package com.recruitdesk.server.support;

import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One real PostgreSQL for the whole test run (started through the product's own
 * {@link EmbeddedDatabase}); each caller gets a database of its own, so tests never share rows.
 * Databases with the schema are copies ({@code CREATE DATABASE … TEMPLATE}) of one migrated once
 * per test JVM, so a test pays milliseconds for a database instead of a migration. The cluster is a
 * test cluster: it does not wait for the disk on commit (its files are deleted at exit anyway).
 */
public final class TestPostgres {
    /**
     * PostgreSQL's default strategy; measured here it copies the 11 MB migrated database in about
     * 0.1–0.2 s, a little faster than FILE_COPY, whose checkpoint costs more than writing the WAL.
     */
    private static final String COPY = " strategy wal_log";

    /** System property: keep the cluster's durability settings (fsync on) as a product's. */
    public static final String DURABLE = "recruitdesk.test.durable";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Map<String, String> TEMPLATES = new HashMap<>();
    private static EmbeddedDatabase instance;

    private TestPostgres() {}

    private static synchronized EmbeddedDatabase instance() {
        if (instance == null) {
            Path dir = TempDirs.create("recruitdesk-test-pg");
            instance = EmbeddedDatabase.start(dir);
            TempDirs.atExit(instance::close); // stopped before its folder is deleted
            // Durability buys nothing for a cluster deleted at exit; the product's embedded one keeps it.
            admin(
                    "alter system set fsync = off",
                    "alter system set synchronous_commit = off",
                    "alter system set full_page_writes = off",
                    "select pg_reload_conf()");
        }
        return instance;
    }

    /** A new, empty database (no schema) on the shared server. */
    public static ConnectionSettings freshDatabase() {
        return create("test", "");
    }

    /** A new database at the newest schema: a copy of one migrated once per test JVM. */
    public static ConnectionSettings migratedDatabase() {
        return copyOf(migratedTemplate());
    }

    /**
     * A new database copied from the template {@code name}, which {@code build} makes once per JVM
     * from a migrated database; {@code build} must close every connection it opened.
     */
    public static ConnectionSettings copyOf(String name, Consumer<ConnectionSettings> build) {
        return copyOf(template(name, build));
    }

    /** Forgets the template {@code name}, so the next {@link #copyOf} builds it again. */
    public static synchronized void dropTemplate(String name) {
        String database = TEMPLATES.remove(name);
        if (database != null) {
            admin("alter database " + database + " is_template false", "drop database " + database);
        }
    }

    private static synchronized String migratedTemplate() {
        String existing = TEMPLATES.get("migrated");
        if (existing != null) {
            return existing;
        }
        ConnectionSettings settings = create("template_migrated", "");
        Database.open(settings).close();
        return seal("migrated", settings);
    }

    private static synchronized String template(String name, Consumer<ConnectionSettings> build) {
        String existing = TEMPLATES.get(name);
        if (existing != null) {
            return existing;
        }
        ConnectionSettings settings = create("template_" + name, " template " + migratedTemplate() + COPY);
        build.accept(settings);
        return seal(name, settings);
    }

    /** No connection may be open to a template while it is copied; none will be from now on. */
    private static String seal(String name, ConnectionSettings settings) {
        String database = databaseName(settings);
        admin("alter database " + database + " with allow_connections false is_template true");
        TEMPLATES.put(name, database);
        return database;
    }

    private static ConnectionSettings copyOf(String template) {
        return create("test", " template " + template + COPY);
    }

    private static ConnectionSettings create(String prefix, String clause) {
        EmbeddedDatabase pg = instance();
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        admin("create database " + name + clause);
        ConnectionSettings admin = pg.connectionSettings();
        return new ConnectionSettings(admin.url().replace("/recruitdesk", "/" + name), admin.user(), admin.password());
    }

    /**
     * Makes {@code database} unreachable (every connection to it cut, new ones refused) or
     * reachable again, as when PostgreSQL is briefly away.
     */
    public static void reachable(ConnectionSettings database, boolean reachable) {
        String name = databaseName(database);
        if (reachable) {
            admin("alter database " + name + " allow_connections true");
        } else {
            admin(
                    "alter database " + name + " allow_connections false",
                    "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
        }
    }

    private static String databaseName(ConnectionSettings settings) {
        String url = settings.url();
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
    }

    private static void admin(String... statements) {
        ConnectionSettings admin = instance().connectionSettings();
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
