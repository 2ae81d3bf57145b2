package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.sync.MutationType;
import java.sql.SQLException;

/**
 * One named mutation of a feature. The push service reads the arguments into {@code A} (a wrong
 * shape is {@code invalid}), checks {@link #access()} and then calls {@link #apply}, all in the
 * mutation's one transaction. {@code apply} validates and writes on the context's connection and
 * throws {@link Rejection} to refuse; row changes reach the feed by trigger.
 *
 * <pre>{@code
 * final class MarkRead implements Mutator<ConversationMutations.MarkRead> {
 *     public MutationType<ConversationMutations.MarkRead> type() { return ConversationMutations.MARK_READ; }
 *     public Access<ConversationMutations.MarkRead> access() { return Access.staff(); }
 *     public void apply(MutationContext ctx, ConversationMutations.MarkRead args) throws SQLException { ... }
 * }
 * }</pre>
 *
 * @param <A> the argument record its {@link MutationType} declares
 */
public interface Mutator<A extends Record> {
    MutationType<A> type();

    /** Who may call it, checked before {@link #apply}. */
    Access<A> access();

    void apply(MutationContext ctx, A args) throws SQLException;

    /**
     * True when {@code apply} reads the rows a batch may hold a deferred write of
     * ({@link MutationContext#writeAtEnd}) only through {@link MutationContext#withDeferred}, so those
     * writes may wait past it; for any other mutator they are made before it runs (decision 0043).
     */
    default boolean keepsDeferredWrites() {
        return false;
    }

    /**
     * True when {@code apply} only reads (what it names in {@link #locksFirst} and {@link #readsFirst},
     * and other reads) and writes nothing but at the batch's end ({@link MutationContext#insertAtEnd},
     * {@link MutationContext#writeAtEnd}, the activity log): it then needs no savepoint, since a
     * rejection leaves nothing to roll back, and a run of such mutations reads ahead in one round trip
     * (decision 0048). It must keep deferred writes too.
     */
    default boolean writesOnlyAtEnd() {
        return false;
    }

    /**
     * The row {@code apply} locks ({@link Rows#require}) before it reads or writes anything else, if
     * it has one: it is then locked and read in the round trip that opens the mutation's savepoint
     * (decision 0043) instead of one of its own.
     */
    default java.util.Optional<Access.RowRef<A>> locksFirst() {
        return java.util.Optional.empty();
    }

    /**
     * Queries {@code apply} asks {@link MutationContext#readFirst} before it writes anything (each one
     * text column of at most one row, its ids written in with {@link MutationContext#literal}): they
     * are read in the round trip that opens the mutation's savepoint, after the row of
     * {@link #locksFirst} is locked (decision 0043); in a run, for all its mutations at once when the
     * read says how ({@link FirstRead#together}, decision 0050).
     */
    default java.util.List<FirstRead> readsFirst(A args) {
        return java.util.List.of();
    }
}
