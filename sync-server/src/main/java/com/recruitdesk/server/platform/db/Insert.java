package com.recruitdesk.server.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One {@code insert} statement built column by column, for the row writers of the features (one per
 * table, decision 0018). A column given {@code null} is left out, so the table's default applies
 * (no nullable column of the schema has a default of its own). Values bind as in {@link Sql}; use
 * {@link #json} for {@code jsonb} columns.
 */
public final class Insert {
    /** Compiled once: every column of every row written passes it. */
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*");

    private final String table;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private String onConflict = "";

    private Insert(String table) {
        this.table = identifier(table);
    }

    public static Insert into(String table) {
        return new Insert(table);
    }

    /** Sets (or replaces) a column's value; {@code null} leaves the column to its default. */
    public Insert set(String column, Object value) {
        if (value == null) {
            values.remove(identifier(column));
        } else {
            values.put(identifier(column), value);
        }
        return this;
    }

    public String table() {
        return table;
    }

    /** The columns given a value, in the order they were set. */
    public java.util.Set<String> columns() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    /** The value given for {@code column}, or null. */
    public Object get(String column) {
        return values.get(column);
    }

    /** A {@code jsonb} column: a Jackson tree, or a map or list written as JSON. */
    public Insert json(String column, Object value) {
        return set(column, Sql.jsonb(value));
    }

    /** Skips a row that would break a unique rule ({@code on conflict do nothing}). */
    public Insert orSkip() {
        onConflict = " on conflict do nothing";
        return this;
    }

    /** Skips a row whose id is taken already (loading the same rows twice changes nothing). */
    public Insert orSkipExistingId() {
        onConflict = " on conflict (id) do nothing";
        return this;
    }

    public String sql() {
        if (values.isEmpty()) {
            return "insert into " + table + " default values" + onConflict;
        }
        return sql(1);
    }

    /** The statement writing {@code rows} rows of this one's columns (at least one column). */
    private String sql(int rows) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
        return "insert into " + table + " (" + String.join(", ", values.keySet()) + ") values "
                + String.join(", ", java.util.Collections.nCopies(rows, row)) + onConflict;
    }

    /**
     * This insert as {@code insert into t (…) select ?, …, <expression>, … from <source>}: the value
     * of {@code column} is {@code expression} over {@code source} (say, a locked row of a CTE) instead
     * of a parameter; no row of the source, no insert. Bind with {@link #bindSelecting}.
     */
    public String sqlSelecting(String source, String column, String expression) {
        if (!values.containsKey(column)) {
            throw new IllegalStateException(column + " must be set to insert it from " + source);
        }
        return "insert into " + table + " (" + String.join(", ", values.keySet()) + ") select "
                + String.join(
                        ", ",
                        values.keySet().stream()
                                .map(c -> c.equals(column) ? expression : "?")
                                .toList())
                + " from " + source + onConflict;
    }

    /** Binds the parameters of {@link #sqlSelecting} from index {@code first}; returns the next free index. */
    public int bindSelecting(PreparedStatement ps, int first, String column) throws SQLException {
        int i = first;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (!value.getKey().equals(column)) {
                Sql.bind(ps, i++, value.getValue());
            }
        }
        return i;
    }

    /** Runs it; returns 1 when the row was written, 0 when it was skipped. */
    public int execute(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql())) {
            bindAll(ps);
            return ps.executeUpdate();
        }
    }

    /** Runs it and returns the new row's id; empty when the row was skipped. */
    public Optional<UUID> returningId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql() + " returning id")) {
            bindAll(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /**
     * Runs {@code inserts} in as few round trips as their shapes allow: one JDBC batch per distinct
     * statement (the same columns set), in the order each statement first comes.
     */
    public static void executeAll(Connection c, java.util.List<Insert> inserts) throws SQLException {
        Map<String, java.util.List<Insert>> bySql = new LinkedHashMap<>();
        for (Insert insert : inserts) {
            bySql.computeIfAbsent(insert.sql(), k -> new java.util.ArrayList<>())
                    .add(insert);
        }
        for (Map.Entry<String, java.util.List<Insert>> group : bySql.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement(group.getKey())) {
                for (Insert insert : group.getValue()) {
                    insert.bindAll(ps);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** At most this many rows go in one multi-row statement (PostgreSQL binds at most 65,535 parameters). */
    private static final int MAX_ROWS = 1_000;

    /**
     * Runs {@code inserts} in their order, one multi-row statement per run of the same statement (up
     * to {@link #MAX_ROWS} rows): a row may refer to one before it (a reply to a message of the same
     * batch). One statement of many rows costs the database less than as many statements.
     */
    public static void executeInOrder(Connection c, java.util.List<Insert> inserts) throws SQLException {
        int from = 0;
        while (from < inserts.size()) {
            Insert first = inserts.get(from);
            String sql = first.sql();
            int limit = first.values.isEmpty() ? 1 : Math.min(MAX_ROWS, 30_000 / first.values.size());
            int to = from + 1;
            while (to < inserts.size()
                    && to - from < limit
                    && inserts.get(to).sql().equals(sql)) {
                to++;
            }
            first.executeRows(c, inserts.subList(from, to));
            from = to;
        }
    }

    /** {@code rows} (this one's statement, this one first) as one statement. */
    private void executeRows(Connection c, java.util.List<Insert> rows) throws SQLException {
        if (rows.size() == 1) {
            execute(c);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql(rows.size()))) {
            int i = 1;
            for (Insert insert : rows) {
                for (Object value : insert.values.values()) {
                    Sql.bind(ps, i++, value);
                }
            }
            ps.executeUpdate();
        }
    }

    private void bindAll(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object value : values.values()) {
            Sql.bind(ps, i++, value);
        }
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table or column name: " + name);
        }
        return name;
    }
}
