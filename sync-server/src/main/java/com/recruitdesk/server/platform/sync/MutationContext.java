package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Insert;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Everything a mutator works with besides its arguments: the caller, the time, and the transaction's connection. */
public final class MutationContext {
    private final Connection connection;
    private final Principal principal;
    private final UUID mutationId;
    private final MutationType<?> type;
    private final ObjectMapper mapper;
    private final Instant now;
    private final String address;
    private final BatchWrites.Member batch;
    private final ReadsAhead readsAhead;

    /** A write of one row made when the batch ends (or before a mutation that does not keep deferred writes). */
    @FunctionalInterface
    public interface RowWrite {
        void run(Connection c) throws SQLException;
    }

    MutationContext(
            Connection connection,
            Principal principal,
            UUID mutationId,
            MutationType<?> type,
            ObjectMapper mapper,
            Instant now) {
        this(connection, principal, mutationId, type, mapper, now, null, null, null);
    }

    MutationContext(
            Connection connection,
            Principal principal,
            UUID mutationId,
            MutationType<?> type,
            ObjectMapper mapper,
            Instant now,
            String address,
            BatchWrites.Member batch,
            ReadsAhead readsAhead) {
        this.connection = connection;
        this.principal = principal;
        this.mutationId = mutationId;
        this.type = type;
        this.mapper = mapper;
        this.now = now;
        this.address = address;
        this.batch = batch;
        this.readsAhead = readsAhead;
    }

    /** An id as an SQL literal, for the queries of {@link Mutator#readsFirst}. */
    public static String literal(UUID id) {
        return ReadsAhead.literal(id);
    }

    /**
     * The first column of {@code query}'s row (empty: no row, or null), as read in the savepoint's
     * round trip when the mutator named it in {@link Mutator#readsFirst}, else read now.
     */
    public Optional<String> readFirst(String query) throws SQLException {
        Optional<Optional<String>> ahead = ReadsAhead.take(this, query);
        if (ahead.isPresent()) {
            return ahead.get();
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    /** What was read for this mutation in its savepoint's round trip; null when nothing was. */
    ReadsAhead readsAhead() {
        return readsAhead;
    }

    public Connection connection() {
        return connection;
    }

    public Principal principal() {
        return principal;
    }

    public UUID organizationId() {
        return principal.organizationId();
    }

    public UUID userId() {
        return principal.userId();
    }

    public UUID mutationId() {
        return mutationId;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Instant now() {
        return now;
    }

    /** The address the push came from (as the HTTP layer sees it), for the activity log; null when unknown. */
    public String address() {
        return address;
    }

    /**
     * Records the caller's state change in the audit log, in the same transaction, under the
     * mutation's name, with the address the push came from.
     */
    public void logActivity(String entityType, UUID entityId, String description, ObjectNode details)
            throws SQLException {
        ActivityLog log = new ActivityLog(
                principal.organizationId(),
                principal.userId(),
                type.name(),
                null,
                entityType,
                entityId,
                description,
                details,
                address);
        if (batch == null) {
            log.write(connection);
        } else {
            batch.log(log); // written with the batch's others at its end, if this mutation is applied
        }
    }

    /**
     * Writes the activity log the batch holds now (lines are otherwise written at the batch's end),
     * for a mutator that reads {@code activity_logs} in its transaction, as a conflict check does.
     */
    public void writeHeldActivityLog() throws SQLException {
        if (batch != null) {
            batch.writeActivityLog(connection);
        }
    }

    /**
     * Writes row {@code id} of {@code table} at the end of the batch instead of now (decision 0043),
     * for a write that many mutations of one batch repeat on one row: the latest replaces the earlier,
     * so it must set every column they set; {@code columns} are those values (snake_case, as
     * {@code to_jsonb}), which {@link #withDeferred} shows to the batch's later mutations. Only a
     * mutator that {@link Mutator#keepsDeferredWrites} reads the row through {@link #withDeferred};
     * any other finds the write made before it runs. Outside a batch the write is made now.
     */
    public void writeAtEnd(String table, UUID id, ObjectNode columns, RowWrite write) throws SQLException {
        if (batch == null) {
            write.run(connection);
        } else {
            batch.defer(table, id, columns, write);
        }
    }

    /**
     * Inserts a new row (its {@code id} set) at the end of the batch instead of now (decision 0048),
     * with the batch's other new rows of its shape in one JDBC batch. Only a mutator that
     * {@link Mutator#keepsDeferredWrites} may, and it finds the row through {@link #heldInsert}
     * (say, to refuse a second row with the same id); any other finds it inserted before it runs.
     * Outside a batch the row is inserted now.
     */
    public void insertAtEnd(Insert insert) throws SQLException {
        if (batch == null) {
            insert.execute(connection);
        } else {
            batch.insertAtEnd(connection, insert);
        }
    }

    /** The row of {@code table} with {@code id} that this batch holds to insert at its end, if it holds one. */
    public Optional<Insert> heldInsert(String table, UUID id) {
        return batch == null ? Optional.empty() : batch.heldInsert(table, id);
    }

    /** {@code row} (of {@code table}, as {@code to_jsonb}) with what the batch's deferred write of it sets. */
    public ObjectNode withDeferred(String table, ObjectNode row) {
        return batch == null
                ? row
                : batch.overlay(table, UUID.fromString(row.path("id").asText()), row);
    }
}
