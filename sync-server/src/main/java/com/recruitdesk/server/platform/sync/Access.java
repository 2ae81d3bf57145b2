package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.server.platform.access.Staff;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who may call a mutation, declared by its {@link Mutator} as data and checked by the push service
 * in the mutation's transaction before {@code apply} runs (decision 0019). A rule about roles that
 * fails is {@code forbidden}; a rule about a row (the interview named in the arguments, the row's
 * institution or owner) that fails is {@code not_found}, the same answer as for a row that does not
 * exist or belongs to another organization, so a refusal never tells that a row exists.
 *
 * @param <A> the mutation's argument record, from which row rules read the row's id
 */
public sealed interface Access<A extends Record> {
    /** The rule in words, for the docs and for tests: "recruiting staff of the organization". */
    String describe();

    /** The organization's recruiting staff ({@link Staff#ROLES}). */
    static <A extends Record> Access<A> staff() {
        return new Roles<>(Staff.ROLES, "the organization's recruiting staff");
    }

    /** The organization's administrators. */
    static <A extends Record> Access<A> administrators() {
        return new Roles<>(Set.of(Role.ADMIN), "the organization's administrators");
    }

    /** A participant (lead or panelist) of the interview whose id the arguments carry. */
    static <A extends Record> Access<A> participantOf(Function<A, UUID> interviewId) {
        return new ParticipantOf<>(interviewId);
    }

    /**
     * An institution admin of the institution that owns the row {@code rowId} of {@code table} (its
     * {@code institution_id}); {@code what} names the row in a refusal ("The enrollment").
     */
    static <A extends Record> Access<A> institutionAdminOf(String table, String what, Function<A, UUID> rowId) {
        return new InstitutionAdminOf<>(new RowRef<>(table, what, rowId));
    }

    /**
     * An institution admin of the institution whose id the arguments carry (a row made in it, such as a
     * new cohort, has no row to look the institution up from yet).
     */
    static <A extends Record> Access<A> adminOfInstitution(Function<A, UUID> institutionId) {
        return new AdminOfInstitution<>(institutionId);
    }

    /** The user named by {@code ownerColumn} of the row {@code rowId} of {@code table}. */
    static <A extends Record> Access<A> ownerOf(
            String table, String ownerColumn, String what, Function<A, UUID> rowId) {
        return new OwnerOf<>(new RowRef<>(table, what, rowId), RowRef.identifier(ownerColumn));
    }

    /** Any one of {@code rules} is enough. */
    @SafeVarargs
    static <A extends Record> Access<A> anyOf(Access<A>... rules) {
        return new AnyOf<>(List.of(rules));
    }

    /** A row of the caller's organization, named by an id in the arguments. */
    record RowRef<A extends Record>(String table, String what, Function<A, UUID> id) {
        public RowRef {
            identifier(table);
        }

        static String identifier(String name) {
            if (!name.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a table or column name: " + name);
            }
            return name;
        }
    }

    record Roles<A extends Record>(Set<Role> roles, String who) implements Access<A> {
        public Roles {
            roles = Set.copyOf(roles);
        }

        @Override
        public String describe() {
            return who;
        }
    }

    record ParticipantOf<A extends Record>(Function<A, UUID> interviewId) implements Access<A> {
        @Override
        public String describe() {
            return "a participant of the interview";
        }
    }

    record InstitutionAdminOf<A extends Record>(RowRef<A> row) implements Access<A> {
        @Override
        public String describe() {
            return "an admin of the institution that owns the " + row.table() + " row";
        }
    }

    record AdminOfInstitution<A extends Record>(Function<A, UUID> institutionId) implements Access<A> {
        @Override
        public String describe() {
            return "an admin of the institution named";
        }
    }

    record OwnerOf<A extends Record>(RowRef<A> row, String ownerColumn) implements Access<A> {
        @Override
        public String describe() {
            return "the owner (" + ownerColumn + ") of the " + row.table() + " row";
        }
    }

    record AnyOf<A extends Record>(List<Access<A>> rules) implements Access<A> {
        public AnyOf {
            if (rules.isEmpty()) {
                throw new IllegalArgumentException("anyOf needs at least one rule");
            }
            rules = List.copyOf(rules);
        }

        @Override
        public String describe() {
            return String.join(" or ", rules.stream().map(Access::describe).toList());
        }
    }
}
