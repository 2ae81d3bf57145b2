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
    /** At most this many mutations read ahead in one round trip. */
    private static final int MAX_RUN = 500;

    private final Mutators mutators;
    private final ObjectMapper mapper;
    private final Clock clock;
    /** Mutations to apply with their rows inserted at once, after a batch's held rows failed together. */
    private final Set<UUID> insertNow = java.util.concurrent.ConcurrentHashMap.newKeySet();

    MutationApplier(Mutators mutators, ObjectMapper mapper, Clock clock) {
        this.mutators = mutators;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What a new batch writes at its end. */
    BatchWrites newBatch() {
        return new BatchWrites(insertNow);
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
    List<MutationResult> applyAll(
            Connection c, BatchWrites batch, Principal principal, List<Mutation> mutations, String address)
            throws SQLException {
        Map<UUID, MutationResult> answered = recordedAll(c, mutations, principal);
        List<MutationResult> results = new ArrayList<>(mutations.size());
        Savepoints savepoints = new Savepoints(c);
        Map<Mutation, Prepared<?>> readInRun = new java.util.IdentityHashMap<>();
        for (int i = 0; i < mutations.size(); i++) {
            Mutation mutation = mutations.get(i);
            MutationResult result;
            if (mutation == null || mutation.id() == null) {
                result = MutationResult.rejected(
                        null, MutationResult.INVALID, "A mutation needs an id made by the client.");
            } else if (answered.containsKey(mutation.id())) {
                result = answered.get(mutation.id());
            } else {
                Optional<MutationResult> inBatch = batch.answered(mutation.id(), principal);
                result = inBatch.isPresent()
                        ? inBatch.get()
                        : applyNew(
                                c,
                                savepoints,
                                batch,
                                principal,
                                mutations.subList(i, mutations.size()),
                                readInRun,
                                answered.keySet(),
                                address);
            }
            results.add(result);
        }
        savepoints.releaseLast();
        return results;
    }

    /** A mutation's mutator with its arguments read: what is checked, then applied. */
    private record Parsed<A extends Record>(Mutator<A> mutator, A args) {}

    /** A mutation of a run read ahead together (decision 0048): applied without a savepoint of its own. */
    private record Prepared<A extends Record>(Parsed<A> parsed, ReadsAhead ahead) {}

    /**
     * A mutation this server has no answer for yet (none was recorded when the push began, none given
     * in this batch). Its answer joins the batch's, written when the batch ends (decision 0043).
     */
    private MutationResult applyNew(
            Connection c,
            Savepoints savepoints,
            BatchWrites batch,
            Principal principal,
            List<Mutation> fromHere,
            Map<Mutation, Prepared<?>> readInRun,
            Set<UUID> recorded,
            String address)
            throws SQLException {
        Mutation mutation = fromHere.getFirst();
        UUID id = mutation.id();
        Prepared<?> prepared = readInRun.remove(mutation);
        Parsed<?> parsed;
        if (prepared != null) {
            parsed = prepared.parsed();
        } else {
            try {
                parsed = parse(validate(mutation), mutation);
            } catch (Rejection r) {
                // Refused before any statement ran: nothing to roll back.
                return answer(batch, principal, mutation, rejection(id, r));
            }
            if (withoutSavepoint(parsed, batch, id)) {
                prepared = readRun(c, savepoints, batch, principal, parsed, fromHere, readInRun, recorded);
            }
        }
        if (!parsed.mutator().keepsDeferredWrites()) {
            batch.writeRows(c); // outside this mutation's savepoint: a rollback of it keeps them
        }
        BatchWrites.Member member = batch.member(id);
        if (prepared != null) {
            return applyWithoutSavepoint(c, batch, member, prepared, principal, mutation, address);
        }
        ReadsAhead ahead = readsAhead(parsed, principal);
        String savepoint = savepoints.nextName();
        try {
            savepoints.open(savepoint, ahead);
            run(parsed, c, member, ahead, principal, mutation, address);
            member.join();
            return answer(batch, principal, mutation, MutationResult.applied(id));
        } catch (Rejection r) {
            rollback(savepoints, savepoint, member);
            return answer(batch, principal, mutation, rejection(id, r));
        } catch (SQLException e) {
            if (transientFault(e)) {
                throw e;
            }
            rollback(savepoints, savepoint, member);
            if (e.getSQLState() != null
                    && (DATA_ERRORS.contains(e.getSQLState()) || UNIQUE_VIOLATION.equals(e.getSQLState()))) {
                LOG.info("Mutation {} ({}) broke a schema rule: {}", id, mutation.name(), e.getMessage());
                return answer(
                        batch,
                        principal,
                        mutation,
                        MutationResult.rejected(
                                id,
                                MutationResult.INVALID,
                                "The change breaks a rule of the data: " + firstLine(e.getMessage())));
            }
            return internal(batch, principal, mutation, e);
        } catch (RuntimeException e) {
            rollback(savepoints, savepoint, member);
            return internal(batch, principal, mutation, e);
        }
    }

    /** Whether a mutation may go without a savepoint: it writes only at the batch's end, which did not fail for it. */
    private static boolean withoutSavepoint(Parsed<?> parsed, BatchWrites batch, UUID id) {
        return parsed.mutator().writesOnlyAtEnd() && !batch.insertsNow(id);
    }

    /**
     * Reads ahead for {@code parsed} (the first of {@code fromHere}) and the mutations after it that
     * may go without a savepoint too, in one round trip that also releases the open savepoint. Their
     * reads see the rows as the run's earlier mutations leave them, since those write only at the
     * batch's end and show it through {@link MutationContext#withDeferred} and the held rows.
     */
    private Prepared<?> readRun(
            Connection c,
            Savepoints savepoints,
            BatchWrites batch,
            Principal principal,
            Parsed<?> parsed,
            List<Mutation> fromHere,
            Map<Mutation, Prepared<?>> readInRun,
            Set<UUID> recorded)
            throws SQLException {
        Prepared<?> first = new Prepared<>(parsed, readsAhead(parsed, principal));
        List<ReadsAhead> reads = new ArrayList<>(List.of(first.ahead()));
        for (Mutation next : fromHere.subList(1, Math.min(fromHere.size(), MAX_RUN))) {
            if (next == null
                    || next.id() == null
                    || batch.answered(next.id(), principal).isPresent()) {
                break;
            }
            Parsed<?> nextParsed;
            try {
                nextParsed = parse(validate(next), next);
            } catch (Rejection r) {
                break; // refused when its turn comes
            }
            if (!withoutSavepoint(nextParsed, batch, next.id())) {
                break;
            }
            Prepared<?> prepared = new Prepared<>(nextParsed, readsAhead(nextParsed, principal));
            readInRun.put(next, prepared);
            reads.add(prepared.ahead());
        }
        ReadsAhead.runAll(c, savepoints.releaseOpen(), reads);
        return first;
    }

    /**
     * A mutation that writes only at the batch's end, its reads made: a rejection leaves nothing in the
     * transaction to roll back. A failed statement aborts the transaction, so the batch is applied
     * again with a savepoint for this one.
     */
    private <A extends Record> MutationResult applyWithoutSavepoint(
            Connection c,
            BatchWrites batch,
            BatchWrites.Member member,
            Prepared<A> prepared,
            Principal principal,
            Mutation mutation,
            String address)
            throws SQLException {
        try {
            run(prepared.parsed(), c, member, prepared.ahead(), principal, mutation, address);
            member.join();
            return answer(batch, principal, mutation, MutationResult.applied(mutation.id()));
        } catch (Rejection r) {
            member.rolledBack();
            return answer(batch, principal, mutation, rejection(mutation.id(), r));
        } catch (SQLException e) {
            throw transientFault(e) ? e : batch.replayWithSavepoint(mutation.id(), e);
        } catch (RuntimeException e) {
            member.rolledBack();
            return internal(batch, principal, mutation, e);
        }
    }

    /** The reads the mutation starts with: its access rule's rows, the row its mutator locks first, its first reads. */
    private static <A extends Record> ReadsAhead readsAhead(Parsed<A> parsed, Principal principal) {
        ReadsAhead ahead = new ReadsAhead();
        AccessCheck.readAhead(parsed.mutator().access(), principal, parsed.args(), ahead);
        parsed.mutator().locksFirst().ifPresent(row -> {
            UUID id = row.id().apply(parsed.args());
            if (id != null) {
                ahead.add(Rows.lockRead(row.table(), id, principal.organizationId()));
            }
        });
        parsed.mutator().readsFirst(parsed.args()).forEach(ahead::add);
        return ahead;
    }

    private static void rollback(Savepoints savepoints, String savepoint, BatchWrites.Member member)
            throws SQLException {
        savepoints.rollback(savepoint);
        member.rolledBack();
    }

    private static MutationResult rejection(UUID id, Rejection r) {
        return new MutationResult(id, MutationResult.REJECTED, r.code(), r.getMessage(), r.current());
    }

    private static MutationResult answer(
            BatchWrites batch, Principal principal, Mutation mutation, MutationResult result) {
        batch.answer(principal, mutation.name(), result);
        return result;
    }

    /**
     * A mutator failed in a way no rule foresaw (a bug): that mutation alone is rejected, its effects
     * rolled back, the answer recorded, so the rest of the batch applies and the client keeps syncing
     * instead of retrying a push that fails every time.
     */
    private static MutationResult internal(BatchWrites batch, Principal principal, Mutation mutation, Exception e) {
        LOG.error("Mutation {} ({}) failed unexpectedly; rejected as internal", mutation.id(), mutation.name(), e);
        return answer(
                batch,
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

    /** Reads the arguments once into the mutation's record; a wrong shape is refused as invalid. */
    private <A extends Record> Parsed<A> parse(Mutator<A> mutator, Mutation mutation) {
        try {
            return new Parsed<>(
                    mutator, mapper.treeToValue(mutation.args(), mutator.type().argsType()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw Rejection.invalid(
                    "The arguments of " + mutation.name() + " do not have the expected fields and types.");
        }
    }

    /** Checks who may, then applies it. */
    private <A extends Record> void run(
            Parsed<A> parsed,
            Connection c,
            BatchWrites.Member member,
            ReadsAhead ahead,
            Principal principal,
            Mutation mutation,
            String address)
            throws SQLException {
        MutationContext ctx = new MutationContext(
                c, principal, mutation.id(), parsed.mutator().type(), mapper, clock.instant(), address, member, ahead);
        AccessCheck.require(parsed.mutator().access(), ctx, parsed.args());
        parsed.mutator().apply(ctx, parsed.args());
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

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
