package com.recruitdesk.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The store's one write connection, shared by its parts: transactions, prepared statements (kept,
 * since a first sync runs the same ones for every row) and JSON. Everything that touches the
 * connection holds this object's lock, through {@link #inTransaction} or {@link #read}.
 */
final class Writer implements AutoCloseable {
    interface Work {
        void run() throws SQLException;
    }

    interface Read<T> {
        T read() throws SQLException;
    }

    private final Connection db;
    private final ObjectMapper mapper = Json.newMapper();
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Writer(Connection db) {
        this.db = db;
    }

    synchronized void inTransaction(Work work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * A transaction of rows the server can send again, a pulled page and its cursor: committed at
     * {@code synchronous = normal}, so the commit does not wait for the disk. A power cut may lose the
     * newest such commits, never corrupt the store; the cursor goes back with its rows, so they are
     * pulled again. Every other transaction stays at {@code full}, and its commit makes everything
     * written before it durable too (decision 0053).
     */
    synchronized void inRefetchableTransaction(Work work) {
        synchronous("normal");
        try {
            inTransaction(work);
        } finally {
            synchronous("full");
        }
    }

    private void synchronous(String level) {
        pragma("synchronous = " + level);
    }

    /** Runs {@code pragma setting} (some answer a row, which {@link #update} would refuse). */
    void pragma(String setting) {
        try (var s = db.createStatement()) {
            s.execute("pragma " + setting);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Reads through the write connection (what must see the writer's own newest state, like the outbox). */
    synchronized <T> T read(Read<T> read) {
        try {
            return read.read();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A statement, prepared the first time it is asked for; callers hold this object's lock. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = db.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Runs {@code sql} with {@code params}; returns the rows changed. */
    int update(String sql, Object... params) throws SQLException {
        PreparedStatement ps = statement(sql);
        bind(ps, params);
        return ps.executeUpdate();
    }

    /** The first column of the first row of {@code sql}, as an int (a count). */
    int count(String sql, Object... params) throws SQLException {
        PreparedStatement ps = statement(sql);
        bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The rowid the last INSERT on this connection gave its row. */
    long lastRowid() throws SQLException {
        PreparedStatement ps = statement("select last_insert_rowid()");
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Could not write JSON: " + e.getMessage(), e);
        }
    }

    ObjectNode parse(String json) {
        return parse(mapper, json);
    }

    static ObjectNode parse(ObjectMapper mapper, String json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new StoreException("A stored row is not a JSON object", null);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored row is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        db.close();
    }
}
