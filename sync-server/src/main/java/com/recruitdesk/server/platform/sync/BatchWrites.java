package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the mutations of one group-committed batch write once, at its end, inside its transaction
 * (decision 0043), instead of one statement each: their recorded answers ({@code applied_mutations}),
 * their activity log rows, and the last of a row write that many of them repeat (a conversation's
 * last message, which 500 replies would otherwise update 500 times — each update of a row the
 * transaction updated before walks every version it left, so the cost grew with the square).
 *
 * <p>A mutation's share is kept in its {@link Member} and joins the batch only once the mutation is
 * applied (or its rejection is final); a mutation rolled back to its savepoint leaves nothing here.
 *
 * <p>New rows too ({@link MutationContext#insertAtEnd}, decision 0048): a batch's replies are
 * inserted in one JDBC batch, not one round trip each. Should that batch fail, the mutations whose
 * rows it held are named in {@code insertNow} and the batch is applied again ({@link #REPLAY}); then
 * those insert their rows at once, under their own savepoints, so one failure rejects only itself.
 */
final class BatchWrites {
    /** A row named by table and id. */
    record RowKey(String table, UUID id) {}

    /** A deferred write of a row: the columns as it sets them (overlaid on reads of the row), and the write. */
    private record Deferred(ObjectNode columns, MutationContext.RowWrite write) {}

    /** A mutation's answer to record, with who pushed it. */
    private record Answer(UUID userId, String name, MutationResult result) {}

    private final Map<RowKey, Deferred> rows = new LinkedHashMap<>();
    private final List<ActivityLog> logs = new ArrayList<>();
    private final Map<UUID, Answer> answers = new LinkedHashMap<>();
    /** Rows to insert, by table and id, with the mutation each belongs to. */
    private final Map<RowKey, Held> inserts = new LinkedHashMap<>();
    /** Mutations whose rows are inserted when they are applied, not at the end: shared with later batches. */
    private final Set<UUID> insertNow;

    private record Held(UUID mutationId, Insert insert) {}

    BatchWrites(Set<UUID> insertNow) {
        this.insertNow = insertNow;
    }

    /** The answer a mutation of this batch got (not yet written), as the pushing user may see it. */
    Optional<MutationResult> answered(UUID id, Principal principal) {
        Answer a = answers.get(id);
        if (a == null) {
            return Optional.empty();
        }
        return Optional.of(
                a.userId().equals(principal.userId())
                        ? a.result()
                        : MutationResult.rejected(
                                id,
                                MutationResult.INVALID,
                                "This mutation id was used by someone else; make a new one."));
    }

    /** Records a final answer of a mutation whose effects (if any) are in the transaction. */
    void answer(Principal principal, String name, MutationResult result) {
        answers.put(result.id(), new Answer(principal.userId(), name == null ? "" : name, result));
    }

    /** {@code row} with the columns this batch's deferred write of it sets, if there is one. */
    ObjectNode overlay(String table, UUID id, ObjectNode row) {
        Deferred d = rows.get(new RowKey(table, id));
        if (d != null) {
            row.setAll(d.columns());
        }
        return row;
    }

    /**
     * Writes the held rows and the deferred row writes now, in the order they were first deferred (a
     * mutation about to read them).
     */
    void writeRows(Connection c) throws SQLException {
        writeInserts(c);
        for (Deferred d : rows.values()) {
            d.write().run(c);
        }
        rows.clear();
    }

    /**
     * The held rows in their order, one JDBC batch per run of one statement shape. A failure that is not the connection's or
     * the transaction's names their mutations to insert at once and asks for the batch again
     * ({@link #REPLAY}): which row broke which rule is then found under each one's savepoint.
     */
    private void writeInserts(Connection c) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        List<Held> held = List.copyOf(inserts.values());
        inserts.clear();
        try {
            Insert.executeInOrder(c, held.stream().map(Held::insert).toList());
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            if (MutationApplier.transientFault(cause)) {
                throw e;
            }
            held.forEach(h -> insertNow.add(h.mutationId()));
            throw new SQLException(REPLAY, "40001", e);
        }
    }

    /** Whether mutation {@code id} is to write at once, under a savepoint: its batch failed at its end before. */
    boolean insertsNow(UUID id) {
        return insertNow.contains(id);
    }

    /**
     * The fault that abandons this batch after mutation {@code id} failed in a way that aborted the
     * transaction without a savepoint to roll back to; applied again, it gets one.
     */
    SQLException replayWithSavepoint(UUID id, SQLException cause) {
        insertNow.add(id);
        return new SQLException(REPLAY, "40001", cause);
    }

    /** The row this batch holds to insert into {@code table} under {@code id}, if it holds one. */
    private Optional<Insert> held(String table, UUID id) {
        Held h = inserts.get(new RowKey(table, id));
        return h == null ? Optional.empty() : Optional.of(h.insert());
    }

    /** Writes the activity log held so far; returns what it wrote. */
    private List<ActivityLog> writeLogs(Connection c) throws SQLException {
        List<ActivityLog> written = List.copyOf(logs);
        ActivityLog.writeAll(c, written);
        logs.clear();
        return written;
    }

    /**
     * Everything still held, in one statement per kind: the deferred rows, the activity log, the
     * answers. Throws {@link #CLASH} (a serialization failure: the batch is to be applied again)
     * when another transaction recorded one of the answers' ids first: that mutation was pushed twice
     * at once and the other push won, so this batch's effects of it must go.
     */
    void writeAll(Connection c) throws SQLException {
        writeRows(c);
        writeLogs(c);
        if (answers.isEmpty()) {
            return;
        }
        // One statement for the batch's answers (decision 0050): a row it skips was recorded by another push.
        List<Answer> all = List.copyOf(answers.values());
        try (PreparedStatement ps = c.prepareStatement("""
                insert into applied_mutations (id, user_id, name, status, code, message, current)
                select id, user_id, name, status, code, message, current::jsonb
                  from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       as a(id, user_id, name, status, code, message, current)
                on conflict (id) do nothing
                """)) {
            ps.setArray(1, column(c, "uuid", all, a -> a.result().id()));
            ps.setArray(2, column(c, "uuid", all, Answer::userId));
            ps.setArray(3, column(c, "text", all, Answer::name));
            ps.setArray(4, column(c, "text", all, a -> a.result().status()));
            ps.setArray(5, column(c, "text", all, a -> a.result().code()));
            ps.setArray(6, column(c, "text", all, a -> a.result().message()));
            ps.setArray(
                    7,
                    column(
                            c,
                            "text",
                            all,
                            a -> a.result().current() == null
                                    ? null
                                    : a.result().current().toString()));
            if (ps.executeUpdate() != all.size()) {
                throw new SQLException(CLASH, "40001");
            }
        }
        answers.clear();
    }

    /** One column of the answers as an SQL array of {@code type}. */
    private static java.sql.Array column(
            Connection c, String type, List<Answer> answers, java.util.function.Function<Answer, Object> value)
            throws SQLException {
        return Sql.array(c, type, answers.stream().map(value));
    }

    /** The message of the fault {@link #writeAll} throws when another push recorded a mutation first. */
    static final String CLASH = "a mutation of the batch was applied concurrently by another push";

    /** The message of the fault thrown when the batch's held rows could not be inserted together. */
    static final String REPLAY = "a row held to the end of the batch could not be inserted";

    /** Whether {@code e} asks for the batch to be applied again: {@link #CLASH} or {@link #REPLAY}. */
    static boolean applyAgain(SQLException e) {
        return CLASH.equals(e.getMessage()) || REPLAY.equals(e.getMessage());
    }

    /** One mutation's writes, held until it is applied. */
    Member member(UUID mutationId) {
        return new Member(mutationId, insertNow.remove(mutationId));
    }

    final class Member {
        private final UUID mutationId;
        /** Its rows are inserted when it inserts them: the batch was applied again after their batch failed. */
        private final boolean insertsNow;

        private final Map<RowKey, Deferred> rows = new HashMap<>();
        private final Map<RowKey, Insert> inserts = new LinkedHashMap<>();
        private final List<ActivityLog> logs = new ArrayList<>();
        private List<ActivityLog> earlierLogsWritten = List.of();

        private Member(UUID mutationId, boolean insertsNow) {
            this.mutationId = mutationId;
            this.insertsNow = insertsNow;
        }

        /** Inserts a new row (with an {@code id}) at the batch's end, or now if this mutation inserts now. */
        void insertAtEnd(Connection c, Insert insert) throws SQLException {
            if (insertsNow) {
                insert.execute(c);
            } else {
                if (!(insert.get("id") instanceof UUID id)) {
                    throw new IllegalArgumentException("a row inserted at the batch's end needs its id");
                }
                inserts.put(new RowKey(insert.table(), id), insert);
            }
        }

        /** The row this mutation or the batch before it holds to insert into {@code table} under {@code id}. */
        Optional<Insert> heldInsert(String table, UUID id) {
            Insert own = inserts.get(new RowKey(table, id));
            return own != null ? Optional.of(own) : held(table, id);
        }

        void log(ActivityLog log) {
            logs.add(log);
        }

        /**
         * Writes the activity log the batch holds, this mutation's too, for a mutator about to read
         * it; if this mutation is then rolled back, the batch's earlier lines are held again.
         */
        void writeActivityLog(Connection c) throws SQLException {
            earlierLogsWritten =
                    List.copyOf(java.util.stream.Stream.concat(earlierLogsWritten.stream(), writeLogs(c).stream())
                            .toList());
            ActivityLog.writeAll(c, logs);
            logs.clear();
        }

        /** The mutation was rolled back to its savepoint: what it wrote of the batch's is held again. */
        void rolledBack() {
            BatchWrites.this.logs.addAll(0, earlierLogsWritten);
        }

        /** Defers a write of a row; a later one of the same row replaces it (it must set what this one set). */
        void defer(String table, UUID id, ObjectNode columns, MutationContext.RowWrite write) {
            rows.put(new RowKey(table, id), new Deferred(columns, write));
        }

        /** The row as this mutation and the batch before it left it. */
        ObjectNode overlay(String table, UUID id, ObjectNode row) {
            BatchWrites.this.overlay(table, id, row);
            Deferred own = rows.get(new RowKey(table, id));
            if (own != null) {
                row.setAll(own.columns());
            }
            return row;
        }

        /** The mutation is applied: its writes join the batch's. */
        void join() {
            BatchWrites.this.rows.putAll(rows);
            BatchWrites.this.logs.addAll(logs);
            inserts.forEach((key, insert) -> BatchWrites.this.inserts.put(key, new Held(mutationId, insert)));
        }
    }
}
