package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Evaluates an {@link Access} rule on the mutation's connection; a refusal is thrown as a {@link Rejection}. */
final class AccessCheck {
    private AccessCheck() {}

    /** Returns when {@code rule} lets the caller run the mutation with {@code args}; else throws the refusal. */
    static <A extends Record> void require(Access<A> rule, MutationContext ctx, A args) throws SQLException {
        Optional<Rejection> refused = evaluate(rule, ctx, args);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /**
     * Adds the rows {@code rule} reads for {@code args} to {@code ahead}, to be read in the round trip
     * that opens the mutation's savepoint; none when a rule about roles alone already lets {@code who} in.
     */
    static <A extends Record> void readAhead(Access<A> rule, Principal who, A args, ReadsAhead ahead) {
        switch (rule) {
            case Access.ParticipantOf<A> p -> {
                UUID interview = p.interviewId().apply(args);
                if (interview != null) {
                    ahead.add(participantQuery(interview, who));
                }
            }
            case Access.InstitutionAdminOf<A> i -> {
                UUID id = i.row().id().apply(args);
                if (id != null) {
                    ahead.add(columnQuery(i.row(), "institution_id", id, who));
                }
            }
            case Access.OwnerOf<A> o -> {
                UUID id = o.row().id().apply(args);
                if (id != null) {
                    ahead.add(columnQuery(o.row(), o.ownerColumn(), id, who));
                }
            }
            case Access.AnyOf<A> any -> {
                boolean rolesLetIn = any.rules().stream()
                        .anyMatch(r -> r instanceof Access.Roles<A> roles
                                && who.roles().stream()
                                        .anyMatch(g -> roles.roles().contains(g.role())));
                if (!rolesLetIn) {
                    any.rules().forEach(r -> readAhead(r, who, args, ahead));
                }
            }
            case Access.Roles<A> r -> {}
            case Access.AdminOfInstitution<A> i -> {}
        }
    }

    private static String participantQuery(UUID interview, Principal who) {
        return "select 'yes' from interview_participants p join interview_sessions s on s.id = p.interview_session_id"
                + " where s.id = " + ReadsAhead.literal(interview) + " and s.organization_id = "
                + ReadsAhead.literal(who.organizationId()) + " and p.user_id = " + ReadsAhead.literal(who.userId());
    }

    private static String columnQuery(Access.RowRef<?> row, String column, UUID id, Principal who) {
        return "select " + Access.RowRef.identifier(column) + "::text from " + row.table() + " where id = "
                + ReadsAhead.literal(id) + " and organization_id = " + ReadsAhead.literal(who.organizationId());
    }

    private static <A extends Record> Optional<Rejection> evaluate(Access<A> rule, MutationContext ctx, A args)
            throws SQLException {
        Principal who = ctx.principal();
        return switch (rule) {
            case Access.Roles<A> r ->
                who.roles().stream().anyMatch(g -> r.roles().contains(g.role()))
                        ? Optional.empty()
                        : Optional.of(Rejection.forbidden("Your role may not do this; it is for " + r.who() + "."));
            case Access.ParticipantOf<A> p -> {
                UUID interview = p.interviewId().apply(args);
                if (interview == null) {
                    yield Optional.of(missingId("interview"));
                }
                Optional<Optional<String>> ahead = ReadsAhead.take(ctx, participantQuery(interview, who));
                boolean takesPart = ahead.isPresent()
                        ? ahead.get().isPresent()
                        : Sql.exists(ctx.connection(), """
                                select 1 from interview_participants p
                                  join interview_sessions s on s.id = p.interview_session_id
                                 where s.id = ? and s.organization_id = ? and p.user_id = ?
                                """, interview, who.organizationId(), who.userId());
                yield takesPart ? Optional.empty() : Optional.of(Rejection.notFound("The interview"));
            }
            case Access.InstitutionAdminOf<A> i -> {
                UUID id = i.row().id().apply(args);
                if (id == null) {
                    yield Optional.of(missingId(i.row().what()));
                }
                Optional<UUID> institution = column(ctx, i.row(), "institution_id", id);
                boolean admin = institution.isPresent()
                        && who.roles().stream()
                                .anyMatch(g -> g.role() == Role.INSTITUTION_ADMIN
                                        && institution.get().equals(g.institutionId()));
                yield admin
                        ? Optional.empty()
                        : Optional.of(Rejection.notFound(i.row().what()));
            }
            case Access.AdminOfInstitution<A> i -> {
                UUID institution = i.institutionId().apply(args);
                if (institution == null) {
                    yield Optional.of(missingId("institution"));
                }
                boolean admin = who.roles().stream()
                        .anyMatch(g -> g.role() == Role.INSTITUTION_ADMIN && institution.equals(g.institutionId()));
                yield admin ? Optional.empty() : Optional.of(Rejection.notFound("The institution"));
            }
            case Access.OwnerOf<A> o -> {
                UUID id = o.row().id().apply(args);
                if (id == null) {
                    yield Optional.of(missingId(o.row().what()));
                }
                Optional<UUID> owner = column(ctx, o.row(), o.ownerColumn(), id);
                yield owner.isPresent() && owner.get().equals(who.userId())
                        ? Optional.empty()
                        : Optional.of(Rejection.notFound(o.row().what()));
            }
            case Access.AnyOf<A> any -> {
                Rejection first = null;
                Rejection notFound = null;
                for (Access<A> option : any.rules()) {
                    Optional<Rejection> r = evaluate(option, ctx, args);
                    if (r.isEmpty()) {
                        yield Optional.empty();
                    }
                    first = first == null ? r.get() : first;
                    if (notFound == null
                            && MutationResult.NOT_FOUND.equals(r.get().code())) {
                        notFound = r.get();
                    }
                }
                // A row rule refused: say not found, as for any row the caller may not see.
                yield Optional.of(notFound != null ? notFound : first);
            }
        };
    }

    /** The UUID in {@code column} of row {@code id}, in the caller's organization; empty when there is no such row. */
    private static Optional<UUID> column(MutationContext ctx, Access.RowRef<?> row, String column, UUID id)
            throws SQLException {
        Optional<Optional<String>> ahead = ReadsAhead.take(ctx, columnQuery(row, column, id, ctx.principal()));
        if (ahead.isPresent()) {
            return ahead.get().map(UUID::fromString);
        }
        return Sql.one(
                ctx.connection(),
                "select " + column + " from " + row.table() + " where id = ? and organization_id = ?",
                rs -> rs.getObject(1, UUID.class),
                id,
                ctx.principal().organizationId());
    }

    private static Rejection missingId(String what) {
        String noun = what.toLowerCase(Locale.ROOT).replaceFirst("^the ", "");
        return Rejection.invalid("Say which " + noun + " (its id is missing).");
    }
}
