package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.server.platform.access.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one pushed mutation inside a transaction it shares with others (group commit, decision
 * 0033): under a savepoint of its own, recording its id in {@code applied_mutations} beside its
 * effects. A rejection or a failure rolls back to the savepoint, so only this mutation's effects go,
 * and its answer is recorded in the same transaction; a retry finds the id and gets that answer.
 */
final class MutationApplier {
    private static final Logger LOG = LoggerFactory.getLogger(MutationApplier.class);
    /** SQLSTATEs that mean the arguments broke a rule of the schema: a final "invalid", not a server fault. */
    private static final Set<String> DATA_ERRORS =
            Set.of("23502", "23503", "23514", "22001", "22P02", "22003", "22007");

    static final String UNIQUE_VIOLATION = "23505";
    /**
     * SQLSTATE classes worth retrying: the connection (08), a serialization failure or deadlock (40),
     * resources (53), the operator (57) and the system (58). Any other failure is a fault of this
     * mutation that a retry repeats.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    private final Mutators mutators;
    private final ObjectMapper mapper;
    private final Clock clock;

    MutationApplier(Mutators mutators, ObjectMapper mapper, Clock clock) {
        this.mutators = mutators;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Every mutation of one push in order, each answer with its effects (if applied) and its record
     * written on {@code c}, not committed; {@code address} is where the push came from (kept in the
     * activity log), null for the server's own. Throws {@link SQLException} only for faults worth
     * retrying: the whole transaction is then to be abandoned.
     *
     * <p>The recorded answers of the push's ids are read in one query first (decision 0035): a
     * mutation already answered is answered again without a savepoint; one whose id comes twice in
     * the push is answered the second time as the first time was.
     */
    List<MutationResult> applyAll(Connection c, Principal principal, List<Mutation> mutations, String address)
            throws SQLException {
        Map<UUID, MutationResult> answered = recordedAll(c, mutations, principal);
        List<MutationResult> results = new ArrayList<>(mutations.size());
        Savepoints savepoints = new Savepoints(c);
        for (Mutation mutation : mutations) {
            MutationResult result;
            if (mutation == null || mutation.id() == null) {
                result = MutationResult.rejected(
                        null, MutationResult.INVALID, "A mutation needs an id made by the client.");
            } else if (answered.containsKey(mutation.id())) {
                result = answered.get(mutation.id());
            } else {
                result = applyNew(c, savepoints, principal, mutation, address);
                answered.put(mutation.id(), result);
            }
            results.add(result);
        }
        savepoints.releaseLast();
        return results;
    }

    /**
     * A push's savepoints, one per mutation: each is opened in the same round trip that releases the
     * one before it (decision 0035), so a mutation costs one savepoint statement, not two.
     */
    private static final class Savepoints {
        private static final java.util.concurrent.atomic.AtomicLong NAMES =
                new java.util.concurrent.atomic.AtomicLong();
        private final Connection c;
        private String open;

        Savepoints(Connection c) {
            this.c = c;
        }

        String next() throws SQLException {
            String name = "mutation_" + NAMES.incrementAndGet();
            execute(open == null ? "savepoint " + name : "release savepoint " + open + "; savepoint " + name);
            open = name;
            return name;
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

    /** A mutation this server has no answer for yet (none was recorded when the push began). */
    private MutationResult applyNew(
            Connection c, Savepoints savepoints, Principal principal, Mutation mutation, String address)
            throws SQLException {
        UUID id = mutation.id();
        String savepoint = savepoints.next();
        try {
            run(validate(mutation), c, principal, mutation, address);
            record(c, principal, mutation, MutationResult.applied(id));
            return MutationResult.applied(id);
        } catch (Rejection r) {
            savepoints.rollback(savepoint);
            return recordRejection(
                    c,
                    principal,
                    mutation,
                    new MutationResult(id, MutationResult.REJECTED, r.code(), r.getMessage(), r.current()));
        } catch (SQLException e) {
            if (transientFault(e)) {
                throw e;
            }
            savepoints.rollback(savepoint);
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && isMutationIdClash(e)) {
                // The same mutation was pushed twice at once and the other push won: its result stands.
                return recorded(c, id, principal).orElseThrow(() -> e);
            }
            if (e.getSQLState() != null
                    && (DATA_ERRORS.contains(e.getSQLState()) || UNIQUE_VIOLATION.equals(e.getSQLState()))) {
                LOG.info("Mutation {} ({}) broke a schema rule: {}", id, mutation.name(), e.getMessage());
                return recordRejection(
                        c,
                        principal,
                        mutation,
                        MutationResult.rejected(
                                id,
                                MutationResult.INVALID,
                                "The change breaks a rule of the data: " + firstLine(e.getMessage())));
            }
            return internal(c, principal, mutation, e);
        } catch (RuntimeException e) {
            savepoints.rollback(savepoint);
            return internal(c, principal, mutation, e);
        }
    }

    /**
     * A mutator failed in a way no rule foresaw (a bug): that mutation alone is rejected, its effects
     * rolled back, the answer recorded, so the rest of the batch applies and the client keeps syncing
     * instead of retrying a push that fails every time.
     */
    private MutationResult internal(Connection c, Principal principal, Mutation mutation, Exception e)
            throws SQLException {
        LOG.error("Mutation {} ({}) failed unexpectedly; rejected as internal", mutation.id(), mutation.name(), e);
        return recordRejection(
                c,
                principal,
                mutation,
                MutationResult.rejected(
                        mutation.id(),
                        MutationResult.INTERNAL,
                        "The server failed on this change and logged it (mutation " + mutation.id()
                                + "); tell your administrator."));
    }

    static boolean transientFault(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.length() < 2 || TRANSIENT_CLASSES.contains(state.substring(0, 2));
    }

    /** Reads the arguments once into the mutation's record, checks who may, then applies it. */
    private <A extends Record> void run(
            Mutator<A> mutator, Connection c, Principal principal, Mutation mutation, String address)
            throws SQLException {
        A args;
        try {
            args = mapper.treeToValue(mutation.args(), mutator.type().argsType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw Rejection.invalid(
                    "The arguments of " + mutation.name() + " do not have the expected fields and types.");
        }
        MutationContext ctx =
                new MutationContext(c, principal, mutation.id(), mutator.type(), mapper, clock.instant(), address);
        AccessCheck.require(mutator.access(), ctx, args);
        mutator.apply(ctx, args);
    }

    private Mutator<?> validate(Mutation mutation) {
        if (mutation.name() == null || mutation.name().isBlank()) {
            throw Rejection.invalid("A mutation needs a name.");
        }
        if (mutation.args() == null) {
            throw Rejection.invalid("The mutation " + mutation.name() + " has no arguments object.");
        }
        return mutators.find(mutation.name())
                .orElseThrow(() -> Rejection.invalid("This server knows no mutation named '" + mutation.name() + "'."));
    }

    /** Records a final answer; if a concurrent push of the same id recorded one first, that one stands. */
    private MutationResult recordRejection(Connection c, Principal principal, Mutation mutation, MutationResult result)
            throws SQLException {
        record(c, principal, mutation, result);
        return recorded(c, result.id(), principal).orElse(result);
    }

    private void record(Connection c, Principal principal, Mutation mutation, MutationResult result)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into applied_mutations (id, user_id, name, status, code, message, current)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (id) do nothing
                """)) {
            ps.setObject(1, result.id());
            ps.setObject(2, principal.userId());
            ps.setString(3, mutation.name() == null ? "" : mutation.name());
            ps.setString(4, result.status());
            ps.setString(5, result.code());
            ps.setString(6, result.message());
            ps.setString(7, result.current() == null ? null : result.current().toString());
            if (ps.executeUpdate() == 0 && result.isApplied()) {
                // Another transaction recorded this id first; abandon our effects.
                throw new SQLException("mutation " + result.id() + " was applied concurrently", UNIQUE_VIOLATION);
            }
        }
    }

    private Optional<MutationResult> recorded(Connection c, UUID id, Principal principal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select user_id, status, code, message, current::text, id from applied_mutations where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(answer(rs, principal)) : Optional.empty();
            }
        }
    }

    /** The recorded answers of those of {@code mutations} that have one, by id. */
    private Map<UUID, MutationResult> recordedAll(Connection c, List<Mutation> mutations, Principal principal)
            throws SQLException {
        Object[] ids = mutations.stream()
                .filter(m -> m != null && m.id() != null)
                .map(Mutation::id)
                .distinct()
                .toArray();
        Map<UUID, MutationResult> answered = new HashMap<>();
        if (ids.length == 0) {
            return answered;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select user_id, status, code, message, current::text, id from applied_mutations where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MutationResult result = answer(rs, principal);
                    answered.put(result.id(), result);
                }
            }
        }
        return answered;
    }

    /** A recorded answer as the pushing user gets it: someone else's id is refused, not revealed. */
    private MutationResult answer(ResultSet rs, Principal principal) throws SQLException {
        UUID id = rs.getObject(6, UUID.class);
        if (!principal.userId().equals(rs.getObject(1, UUID.class))) {
            return MutationResult.rejected(
                    id, MutationResult.INVALID, "This mutation id was used by someone else; make a new one.");
        }
        String current = rs.getString(5);
        ObjectNode currentNode = current == null ? null : RowJson.parse(mapper, current);
        return new MutationResult(id, rs.getString(2), rs.getString(3), rs.getString(4), currentNode);
    }

    private static boolean isMutationIdClash(SQLException e) {
        String message = e.getMessage();
        return message != null
                && (message.contains("applied_mutations_pkey") || message.contains("applied concurrently"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
