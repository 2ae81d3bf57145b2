package com.recruitdesk.server.platform.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A push's savepoints, one per mutation: each is opened in the same round trip that releases the
 * one before it (decision 0035), so a mutation costs one savepoint statement, not two.
 */
final class Savepoints {
    private static final AtomicLong NAMES = new AtomicLong();
    private final Connection c;
    private String open;

    Savepoints(Connection c) {
        this.c = c;
    }

    /** The name of the next mutation's savepoint, before it is opened. */
    String nextName() {
        return "mutation_" + NAMES.incrementAndGet();
    }

    /**
     * Opens savepoint {@code name} and, in the same round trip, makes the mutation's reads
     * {@code ahead}; if one of them fails, the savepoint was opened before it: roll back to it.
     */
    void open(String name, ReadsAhead ahead) throws SQLException {
        String sql = open == null ? "savepoint " + name : "release savepoint " + open + "; savepoint " + name;
        open = name;
        ahead.runAfter(c, sql);
    }

    /** The statement that releases the open savepoint, if one is open; none is open after it. */
    String releaseOpen() {
        String sql = open == null ? null : "release savepoint " + open;
        open = null;
        return sql;
    }

    void rollback(String name) throws SQLException {
        execute("rollback to savepoint " + name);
    }

    void releaseLast() throws SQLException {
        if (open != null) {
            execute("release savepoint " + open);
            open = null;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
