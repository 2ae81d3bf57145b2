package com.recruitdesk.server.platform.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads a mutation starts with — its access rule's rows and the row its mutator locks first —
 * sent in the same round trip as the statement that opens its savepoint (decision 0043), so they
 * cost no round trip of their own and still read the rows as the batch's earlier mutations left
 * them, at the moment the check would have run. Each is one query answering at most one row of one
 * text column; its text (with the ids as literals) is its key, so the code that needs the answer
 * builds the same text and takes the answer, or reads the row itself when it was not read ahead.
 */
final class ReadsAhead {
    private final List<String> queries = new ArrayList<>();
    private final Map<String, Optional<String>> answers = new HashMap<>();

    /** An id as an SQL literal: a UUID's text is hex digits and dashes, nothing to escape. */
    static String literal(UUID id) {
        return "'" + id + "'";
    }

    void add(String query) {
        if (!queries.contains(query)) {
            queries.add(query);
        }
    }

    /** {@code sql} (no result set of its own) followed by every query, in one simple-protocol round trip. */
    void runAfter(Connection c, String sql) throws SQLException {
        runAll(c, sql, List.of(this));
    }

    /**
     * {@code sql} (no result set of its own; null: none) followed by the queries of every one of
     * {@code reads} in their order, in one simple-protocol round trip: the reads of a run of
     * mutations that write only at the batch's end (decision 0048).
     */
    static void runAll(Connection c, String sql, List<ReadsAhead> reads) throws SQLException {
        List<String> statements = new ArrayList<>();
        if (sql != null) {
            statements.add(sql);
        }
        reads.forEach(r -> statements.addAll(r.queries));
        if (statements.isEmpty()) {
            return;
        }
        java.util.Iterator<ReadsAhead> owners = reads.iterator();
        ReadsAhead owner = null;
        int next = 0;
        try (Statement s = c.createStatement()) {
            boolean resultSet = s.execute(String.join("; ", statements));
            while (true) {
                if (resultSet) {
                    while (owner == null || next == owner.queries.size()) {
                        owner = owners.next();
                        next = 0;
                    }
                    try (ResultSet rs = s.getResultSet()) {
                        owner.answers.put(
                                owner.queries.get(next++),
                                rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty());
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
