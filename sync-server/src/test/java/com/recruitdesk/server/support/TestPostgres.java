package com.recruitdesk.server.support;

import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test run (started through the product's own
 * {@link EmbeddedDatabase}); each caller gets a database of its own, so tests never share rows.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase instance;

    private TestPostgres() {}

    private static synchronized EmbeddedDatabase instance() {
        if (instance == null) {
            Path dir = TempDirs.create("recruitdesk-test-pg");
            instance = EmbeddedDatabase.start(dir);
            TempDirs.atExit(instance::close); // stopped before its folder is deleted
        }
        return instance;
    }

    /** A new, empty database on the shared server. */
    public static ConnectionSettings freshDatabase() {
        EmbeddedDatabase pg = instance();
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        ConnectionSettings admin = pg.connectionSettings();
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ConnectionSettings(admin.url().replace("/recruitdesk", "/" + name), admin.user(), admin.password());
    }
}
