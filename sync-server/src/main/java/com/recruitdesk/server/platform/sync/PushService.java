package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.GroupCommit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies pushed mutations exactly once, with group commit (decision 0033; the loop is
 * {@link GroupCommit}'s). Pushes that arrive together are applied by a few committer threads in
 * shared transactions: a committer takes what is queued (waiting at most {@link #WINDOW} for more, up to {@link #MAX_MUTATIONS}), applies each push's
 * mutations in order, each under its own savepoint ({@link MutationApplier}), commits once, and only
 * then answers every push in the batch. One durable commit per batch instead of one per mutation is
 * what makes a push of hundreds of mutations fast. A push's next batch starts only after its
 * answer, so one client's mutations keep their order across batches. A batch whose transaction fails
 * as a whole (the database away, a deadlock between batches) is applied again push by push, so one
 * push's trouble never fails another's.
 */
public final class PushService implements AutoCloseable {
    /** How long a committer waits for more pushes to join a batch: short next to a durable commit. */
    static final Duration WINDOW = Duration.ofMillis(2);
    /** A batch stops taking pushes past this many mutations, so no transaction grows without bound. */
    static final int MAX_MUTATIONS = 2_000;

    static final int COMMITTERS = 2;
    /** How often a batch is applied again after another push recorded one of its mutations first. */
    private static final int CLASH_RETRIES = 3;

    private final MutationApplier applier;
    private final GroupCommit<Pending, List<MutationResult>> commits;

    public PushService(Database database, Mutators mutators, ObjectMapper mapper, Clock clock) {
        this.applier = new MutationApplier(mutators, mapper, clock);
        this.commits = new GroupCommit<>(
                database,
                new GroupCommit.Settings<>(
                        "pushes",
                        COMMITTERS,
                        WINDOW,
                        MAX_MUTATIONS,
                        pending -> pending.mutations().size(),
                        fault -> fault instanceof SQLException sql && BatchWrites.applyAgain(sql),
                        CLASH_RETRIES,
                        false),
                this::applyBatch);
    }

    /** One push waiting for its batch. */
    private record Pending(Principal principal, List<Mutation> mutations, String address) {}

    /**
     * Applies one push's mutations in order and answers once they are durable; throws
     * {@link SQLException} only for faults worth retrying (the database away), having applied none.
     */
    public List<MutationResult> apply(Principal principal, List<Mutation> mutations) throws SQLException {
        return apply(principal, mutations, null);
    }

    /** As {@link #apply(Principal, List)}, for a push from {@code address} (kept in the activity log). */
    public List<MutationResult> apply(Principal principal, List<Mutation> mutations, String address)
            throws SQLException {
        if (mutations.isEmpty()) {
            return List.of();
        }
        return commits.submit(new Pending(principal, new ArrayList<>(mutations), address));
    }

    /**
     * Applies one batch on its transaction; the batch's answers, activity log and deferred row writes
     * are written at its end ({@link BatchWrites}). A mutation another push recorded first (the same
     * pushed twice at once) abandons the transaction; applied again, the batch finds the other's
     * answer, so up to {@link #CLASH_RETRIES} times it is.
     */
    private List<List<MutationResult>> applyBatch(Connection c, List<Pending> batch) throws SQLException {
        BatchWrites writes = applier.newBatch();
        List<List<MutationResult>> all = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            all.add(applier.applyAll(c, writes, pending.principal(), pending.mutations(), pending.address()));
        }
        writes.writeAll(c);
        return all;
    }

    /** Pushes queued and not yet taken into a batch. */
    public int waiting() {
        return commits.waiting();
    }

    /** Stops taking pushes; those queued are still applied and answered. */
    @Override
    public void close() {
        commits.close();
    }
}
