package com.recruitdesk.protocol.sync;

import java.util.List;

/**
 * Sent on the sync WebSocket when the feed moved to {@code cursor}. A plain poke ({@code from} and
 * {@code changes} null) says "pull". A poke that carries the change (decision 0047) also holds the
 * whole page of changes after {@code from} up to {@code cursor}, exactly what a pull from {@code
 * from} would answer (no more pages): a client whose cursor is exactly {@code from} applies it and
 * moves to {@code cursor} without pulling; any other client pulls as after a plain poke.
 */
public record Poke(String cursor, String from, List<Change> changes) {
    public Poke {
        changes = changes == null ? null : List.copyOf(changes);
    }

    public Poke(String cursor) {
        this(cursor, null, null);
    }

    /** True when the poke holds the page after {@code from}. */
    public boolean carries() {
        return from != null && changes != null;
    }
}
