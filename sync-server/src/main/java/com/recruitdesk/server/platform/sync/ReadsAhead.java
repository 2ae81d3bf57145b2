package com.recruitdesk.server.platform.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reads a mutation starts with — its access rule's rows and the row its mutator locks first —
 * sent in the same round trip as the statement that opens its savepoint (decision 0043), so they
 * cost no round trip of their own and still read the rows as the batch's earlier mutations left
 * them, at the moment the check would have run. Each is one query answering at most one row of one
 * text column; its text (with the ids as literals) is its key, so the code that needs the answer
 * builds the same text and takes the answer, or reads the row itself when it was not read ahead.
 *
 * <p>A run of mutations that write only at the batch's end reads ahead together (decision 0048):
 * a read several of them make with different ids ({@link FirstRead#together}) is one statement
 * for the whole run instead of one per mutation (decision 0050), and one they make with the same
 * ids is read once. The run changes no table before its end, so each answer is the one its own
 * query would have read.
 */
final class ReadsAhead {
    private final List<FirstRead> reads = new ArrayList<>();
    private final Map<String, Optional<String>> answers = new HashMap<>();

    /** An id as an SQL literal: a UUID's text is hex digits and dashes, nothing to escape. */
    static String literal(UUID id) {
        return "'" + id + "'";
    }

    void add(String query) {
        add(FirstRead.of(query));
    }

    void add(FirstRead read) {
        if (reads.stream().noneMatch(r -> r.query().equals(read.query()))) {
            reads.add(read);
        }
    }

    /** {@code sql} (no result set of its own) followed by every query, in one simple-protocol round trip. */
    void runAfter(Connection c, String sql) throws SQLException {
        runAll(c, sql, List.of(this));
    }

    /** The mutations of a run asking one read: its query, and who asked it. */
    private record Askers(String query, List<ReadsAhead> owners) {}

    /**
     * The statement reading one shape of {@link FirstRead#together} (or one query on its own) for
     * every tuple of keys the run asks it for, in the order they were first asked.
     */
    private static final class Shape {
        private final String together;
        private final Map<List<UUID>, Askers> byKeys = new LinkedHashMap<>();

        private Shape(String together) {
            this.together = together;
        }

        private void ask(ReadsAhead owner, FirstRead read) {
            byKeys.computeIfAbsent(read.keys(), k -> new Askers(read.query(), new ArrayList<>()))
                    .owners()
                    .add(owner);
        }

        /** One tuple: its own query, as a mutation on its own reads it. */
        private boolean alone() {
            return together == null || byKeys.size() == 1;
        }

        private String sql() {
            if (alone()) {
                return byKeys.values().iterator().next().query();
            }
            List<List<UUID>> tuples = List.copyOf(byKeys.keySet());
            int arity = tuples.getFirst().size();
            List<String> arrays = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < arity; i++) {
                int column = i;
                arrays.add(tuples.stream()
                        .map(t -> t.get(column).toString())
                        .collect(Collectors.joining(",", "'{", "}'::uuid[]")));
                columns.add("k" + (i + 1));
            }
            columns.add("n");
            return together.replace(
                    FirstRead.KEYS,
                    "unnest(" + String.join(", ", arrays) + ") with ordinality as k(" + String.join(", ", columns)
                            + ")");
        }

        /** Gives every asker its answer from the statement's result. */
        private void answer(ResultSet rs) throws SQLException {
            List<Askers> askers = List.copyOf(byKeys.values());
            List<Optional<String>> found =
                    new ArrayList<>(java.util.Collections.nCopies(askers.size(), Optional.empty()));
            if (alone()) {
                found.set(0, rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty());
            } else {
                while (rs.next()) {
                    found.set((int) rs.getLong(1) - 1, Optional.ofNullable(rs.getString(2)));
                }
            }
            for (int i = 0; i < askers.size(); i++) {
                for (ReadsAhead owner : askers.get(i).owners()) {
                    owner.answers.put(askers.get(i).query(), found.get(i));
                }
            }
        }
    }

    /**
     * {@code sql} (no result set of its own; null: none) followed by the reads of every one of
     * {@code reads}, in one simple-protocol round trip: one statement per shape of read the run
     * makes together, one per other query, in the order each was first asked.
     */
    static void runAll(Connection c, String sql, List<ReadsAhead> reads) throws SQLException {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (ReadsAhead owner : reads) {
            for (FirstRead read : owner.reads) {
                // A query read on its own is its own shape; '\0' keeps it apart from any together text.
                String shape = read.together() != null ? read.together() : "\0" + read.query();
                shapes.computeIfAbsent(shape, s -> new Shape(read.together())).ask(owner, read);
            }
        }
        List<String> statements = new ArrayList<>();
        if (sql != null) {
            statements.add(sql);
        }
        for (Shape shape : shapes.values()) {
            statements.add(shape.sql());
        }
        if (statements.isEmpty()) {
            return;
        }
        java.util.Iterator<Shape> next = shapes.values().iterator();
        try (Statement s = c.createStatement()) {
            boolean resultSet = s.execute(String.join("; ", statements));
            while (true) {
                if (resultSet) {
                    try (ResultSet rs = s.getResultSet()) {
                        next.next().answer(rs);
                    }
                } else if (s.getUpdateCount() == -1) {
                    return;
                }
                resultSet = s.getMoreResults();
            }
        }
    }

    /**
     * The first column of {@code query}'s row (empty inside: no row) if it was read ahead for this
     * mutation; taken once, since a second read is of a row the mutation may have changed since.
     * Empty outside when it was not read ahead: the caller reads it itself.
     */
    static Optional<Optional<String>> take(MutationContext ctx, String query) {
        ReadsAhead ahead = ctx.readsAhead();
        return ahead == null ? Optional.empty() : Optional.ofNullable(ahead.answers.remove(query));
    }
}
