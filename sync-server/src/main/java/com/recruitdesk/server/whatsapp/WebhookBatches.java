package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.GroupCommit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Webhooks applied with group commit (decision 0046): bodies Meta posts at once are applied by a few
 * committer threads in shared transactions, each body under a savepoint of its own, and every POST
 * is answered only after its batch's commit. A body rolled back alone (a deadlock with another
 * batch, a fault of the database) is tried once more in a later batch before its POST is answered
 * non-2xx, so that Meta delivers it again; the batch's other bodies are stored all the same.
 */
final class WebhookBatches implements AutoCloseable {
    /** How long a committer waits for more webhooks to join a batch: short next to a durable commit. */
    static final Duration WINDOW = Duration.ofMillis(2);
    /** A batch stops taking webhooks past this many messages and statuses. */
    static final int MAX_UPDATES = 2_000;

    static final int COMMITTERS = 2;

    /**
     * Plain bodies in a row stored set-based from this many on: for one body the set-based statements
     * are as many as its own (decision 0051).
     */
    static final int MIN_SET_BASED = 2;

    /** One body's part of a batch: what it did and for which numbers, or the fault that rolled it back alone. */
    private record Applied(WebhookIngest.Outcome outcome, Set<UUID> numbers, Exception fault) {}

    private final WebhookIngest ingest;
    private final PlainWebhooks plainWebhooks;
    private final GroupCommit<JsonNode, Applied> commits;

    WebhookBatches(Database database, WebhookIngest ingest) {
        this.ingest = ingest;
        this.plainWebhooks = new PlainWebhooks(ingest.parser());
        this.commits = new GroupCommit<>(
                database,
                new GroupCommit.Settings<>(
                        "webhooks", COMMITTERS, WINDOW, MAX_UPDATES, WebhookBatches::updates, fault -> false, 0, true),
                this::applyBatch);
    }

    /**
     * Announces a webhook whose request is being read: a batch being gathered waits for it, within
     * the window (decision 0056). Close it if the body is refused before {@link #apply}.
     */
    GroupCommit.Arrival expect() {
        return commits.expect();
    }

    /**
     * Stores one verified body, the one {@code arrival} announced, and answers once it is durable;
     * throws {@link SQLException} when the database failed it (nothing of it is stored), a
     * {@link RuntimeException} for a fault of the code.
     */
    WebhookIngest.Outcome apply(JsonNode envelope, GroupCommit.Arrival arrival) throws SQLException {
        Applied applied = commits.submit(envelope, arrival);
        if (applied.fault() instanceof SQLException) {
            applied = commits.submit(envelope); // the batch that failed it has committed: its locks are gone
        }
        switch (applied.fault()) {
            case null -> {}
            case SQLException sql -> throw sql;
            case RuntimeException bug -> throw bug;
            default -> throw new IllegalStateException(applied.fault());
        }
        ingest.seen(applied.numbers());
        return applied.outcome();
    }

    private List<Applied> applyBatch(Connection c, List<JsonNode> envelopes) throws SQLException {
        // The people lookup takes arrays, so PostgreSQL planned it afresh for every batch (a custom
        // plan, about 0.4 ms); its generic plan probes the same unique indexes (decision 0056).
        try (Statement s = c.createStatement()) {
            s.execute("set local plan_cache_mode = force_generic_plan");
        }
        List<Applied> all = new ArrayList<>(envelopes.size());
        Map<String, Optional<WhatsAppAccount>> accounts = new HashMap<>();
        List<Optional<PlainWebhooks.Plain>> plain = new ArrayList<>(envelopes.size());
        for (JsonNode envelope : envelopes) {
            plain.add(plain(c, envelope, accounts));
        }
        int from = 0;
        while (from < envelopes.size()) {
            // A run of plain bodies for one number, in the batch's order, is stored set-based (decision 0051).
            int to = from;
            while (to < envelopes.size()
                    && plain.get(to).isPresent()
                    && plain.get(to)
                            .get()
                            .account()
                            .equals(plain.get(from).get().account())) {
                to++;
            }
            if (to - from >= MIN_SET_BASED) {
                List<PlainWebhooks.Plain> run =
                        plain.subList(from, to).stream().map(Optional::get).toList();
                Optional<List<WebhookIngest.Outcome>> outcomes = plainWebhooks.store(c, run);
                if (outcomes.isPresent()) {
                    for (WebhookIngest.Outcome outcome : outcomes.get()) {
                        all.add(new Applied(
                                outcome, Set.of(run.getFirst().account().id()), null));
                    }
                    from = to;
                    continue;
                }
            }
            for (int i = from; i < Math.max(to, from + 1); i++) {
                all.add(applyAlone(c, envelopes.get(i), accounts));
            }
            from = Math.max(to, from + 1);
        }
        return all;
    }

    /** {@code envelope} as a plain body; not one when even its number could not be looked up (it is then applied alone). */
    private Optional<PlainWebhooks.Plain> plain(
            Connection c, JsonNode envelope, Map<String, Optional<WhatsAppAccount>> accounts) {
        try {
            return plainWebhooks.plain(c, envelope, accounts);
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One body under a savepoint of its own (decision 0046). */
    private Applied applyAlone(Connection c, JsonNode envelope, Map<String, Optional<WhatsAppAccount>> accounts)
            throws SQLException {
        Set<UUID> numbers = new HashSet<>();
        try {
            return new Applied(ingest.applyInSavepoint(c, envelope, accounts, numbers), numbers, null);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql && lostTheTransaction(sql)) {
                throw sql; // the batch as a whole failed: it is applied again body by body
            }
            return new Applied(null, Set.of(), e);
        }
    }

    /** The connection is gone, or the transaction could not be rolled back to the body's savepoint. */
    private static boolean lostTheTransaction(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P") || "25P02".equals(state);
    }

    /** A body's weight in a batch: its messages and statuses (at least one). */
    private static int updates(JsonNode envelope) {
        int updates = 0;
        for (JsonNode entry : envelope.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                updates +=
                        value.path("messages").size() + value.path("statuses").size();
            }
        }
        return Math.max(1, updates);
    }

    /** Webhooks queued and not yet taken into a batch. */
    int waiting() {
        return commits.waiting();
    }

    /** Stops taking webhooks; those queued are still applied and answered. */
    @Override
    public void close() {
        commits.close();
    }
}
