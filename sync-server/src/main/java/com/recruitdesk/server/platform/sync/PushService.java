package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pushed mutations exactly once. Each runs in its own transaction that also records its id
 * in {@code applied_mutations}: a crash rolls back both, a retry finds the id and returns the first
 * result without applying anything again.
 */
public final class PushService {
    private static final Logger LOG = LoggerFactory.getLogger(PushService.class);
    /** SQLSTATEs that mean the arguments broke a rule of the schema: a final "invalid", not a server fault. */
    private static final Set<String> DATA_ERRORS =
            Set.of("23502", "23503", "23514", "22001", "22P02", "22003", "22007");

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final Mutators mutators;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PushService(Database database, Mutators mutators, ObjectMapper mapper, Clock clock) {
        this.database = database;
        this.mutators = mutators;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Applies one mutation; throws {@link SQLException} only for faults worth retrying (database away). */
    public MutationResult apply(Principal principal, Mutation mutation) throws SQLException {
        return apply(principal, mutation, null);
    }

    /** As {@link #apply(Principal, Mutation)}, for a push from {@code address} (kept in the activity log). */
    public MutationResult apply(Principal principal, Mutation mutation, String address) throws SQLException {
        if (mutation == null || mutation.id() == null) {
            return MutationResult.rejected(null, MutationResult.INVALID, "A mutation needs an id made by the client.");
        }
        UUID id = mutation.id();
        try {
            return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
                Optional<MutationResult> seen = recorded(c, id, principal);
                if (seen.isPresent()) {
                    return seen.get();
                }
                run(validate(mutation), c, principal, mutation, address);
                record(c, principal, mutation, MutationResult.applied(id));
                return MutationResult.applied(id);
            });
        } catch (Rejection r) {
            return recordRejection(
                    principal,
                    mutation,
                    new MutationResult(id, MutationResult.REJECTED, r.code(), r.getMessage(), r.current()));
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && isMutationIdClash(e)) {
                // The same mutation was pushed twice at once and the other push won: its result stands.
                return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> recorded(c, id, principal))
                        .orElseThrow(() -> e);
            }
            if (e.getSQLState() != null
                    && (DATA_ERRORS.contains(e.getSQLState()) || UNIQUE_VIOLATION.equals(e.getSQLState()))) {
                LOG.info("Mutation {} ({}) broke a schema rule: {}", id, mutation.name(), e.getMessage());
                return recordRejection(
                        principal,
                        mutation,
                        MutationResult.rejected(
                                id,
                                MutationResult.INVALID,
                                "The change breaks a rule of the data: " + firstLine(e.getMessage())));
            }
            throw e;
        }
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

    private MutationResult recordRejection(Principal principal, Mutation mutation, MutationResult result)
            throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            record(c, principal, mutation, result);
            return recorded(c, result.id(), principal).orElse(result);
        });
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
                "select user_id, status, code, message, current::text from applied_mutations where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!principal.userId().equals(rs.getObject(1, UUID.class))) {
                    return Optional.of(MutationResult.rejected(
                            id, MutationResult.INVALID, "This mutation id was used by someone else; make a new one."));
                }
                String current = rs.getString(5);
                ObjectNode currentNode = current == null ? null : RowJson.parse(mapper, current);
                return Optional.of(
                        new MutationResult(id, rs.getString(2), rs.getString(3), rs.getString(4), currentNode));
            }
        }
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
