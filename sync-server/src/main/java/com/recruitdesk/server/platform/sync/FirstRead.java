package com.recruitdesk.server.platform.sync;

import java.util.List;
import java.util.UUID;

/**
 * A read a mutation makes before it writes ({@link Mutator#readsFirst}, the row of
 * {@link Mutator#locksFirst}): {@code query} answers at most one row of one text column for this
 * mutation (its ids written in with {@link MutationContext#literal}), and its text is the key the
 * answer is taken by ({@link MutationContext#readFirst}).
 *
 * <p>{@code together}, when not null, makes the same read for every mutation of a run at once, in
 * one statement instead of one each (decision 0050): a query over {@code k(k1, …, kN, n)} — the
 * run's distinct tuples of {@code keys}, numbered {@code n} — written where {@value #KEYS} stands,
 * answering {@code n} and, for that tuple, the text {@code query} answers, in at most one row per
 * tuple (no row: {@code query} has none).
 */
public record FirstRead(String query, String together, List<UUID> keys) {
    /** Where {@link #together} takes the run's keys. */
    public static final String KEYS = "{keys}";

    public FirstRead {
        keys = List.copyOf(keys); // no null id: a mutation missing one is refused before it reads
        if (together != null && (!together.contains(KEYS) || keys.isEmpty())) {
            throw new IllegalArgumentException("a read made together takes its keys at " + KEYS + ": " + together);
        }
    }

    /** A read made on its own, even in a run. */
    public static FirstRead of(String query) {
        return new FirstRead(query, null, List.of());
    }

    /** A read a run makes together for all its mutations: {@code together} over {@code keys}, as above. */
    public static FirstRead together(String query, String together, UUID... keys) {
        return new FirstRead(query, together, List.of(keys));
    }
}
