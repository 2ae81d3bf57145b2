package com.recruitdesk.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.PushRequest;
import com.recruitdesk.server.interviews.Interviews;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestPostgres;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Interviews benchmarks on the real server over real HTTP and PostgreSQL (fsync on), with baselines
 * measured in the same run: (1) an interviewer's scorecards filed offline, pushed on reconnect in
 * order in the desktop's batches, next to the raw INSERT of as many rows one transaction each; (2)
 * an interviewer's first sync with many interviews in the organization (rows received: only their
 * own, other scorecards sealed), next to a recruiter's first sync of the same organization. Run with
 * {@code bench/interviews [scorecards=1000] [interviews=10000]}.
 */
public final class InterviewBenchmark {
    /** One in this many of the organization's interviews has the measured interviewer on its panel. */
    private static final int OWN_EVERY = 100;

    public static void main(String[] args) throws Exception {
        int scorecards = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int interviews = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        System.setProperty(TestPostgres.DURABLE, "true");
        try (TestServer server = TestServer.withoutDemo()) {
            SyncFixture world = SyncFixture.create(server.database);
            System.out.printf(
                    "RecruitDesk interviews benchmark — %d cores, max heap %d MB%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            double insertPerTx = baselineInsertsOwnTransaction(server, scorecards);
            System.out.printf("baseline: raw INSERT, one transaction each: %,.0f rows/s%n", insertPerTx);
            offlineScorecards(server, world, scorecards, insertPerTx);
            firstSync(server, world, interviews - scorecards - 1);
        }
    }

    private static double baselineInsertsOwnTransaction(TestServer server, int rows) throws Exception {
        try (Connection c = SyncFixture.connect(server.database);
                Statement s = c.createStatement()) {
            s.execute("create table bench_rows (id uuid primary key, body text, at timestamptz default now())");
            try (PreparedStatement ps = c.prepareStatement("insert into bench_rows (id, body) values (?, ?)")) {
                long start = System.nanoTime();
                for (int i = 0; i < rows; i++) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, "row " + i);
                    ps.executeUpdate();
                }
                return rows / seconds(start);
            }
        }
    }

    /** {@code n} completed interviews the interviewer leads, each scored offline; then all pushed. */
    private static void offlineScorecards(TestServer server, SyncFixture world, int n, double insertPerTx)
            throws Exception {
        List<UUID> ids = interviews(server, world, n, world.interviewer(), null);
        List<Mutation> outbox = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outbox.add(Interviews.submit(
                    UUID.randomUUID(), ids.get(i), Interviews.scorecard(1 + i % 5, i % 2 == 0 ? "hire" : "maybe")));
        }
        SyncClient laptop = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        long start = System.nanoTime();
        for (int from = 0; from < n; from += PushRequest.MAX_MUTATIONS) {
            JsonNode results = laptop.push(outbox.subList(from, Math.min(n, from + PushRequest.MAX_MUTATIONS)))
                    .json()
                    .path("results");
            results.forEach(Interviews::assertApplied);
        }
        double secs = seconds(start);
        long finals = SyncFixture.count(
                server.database,
                "select count(*) from interview_feedback where is_final and interviewer_user_id = ?",
                world.interviewer());
        if (finals != n) {
            throw new IllegalStateException(finals + " scorecards on the server, not " + n);
        }
        System.out.printf(
                "offline scorecards: %,d feedback.submit pushed on reconnect in %d pushes of ≤%d: %.2f s, %,.0f/s"
                        + " (%.2f× the per-transaction INSERT rate); %,d final on the server%n",
                n,
                (n + PushRequest.MAX_MUTATIONS - 1) / PushRequest.MAX_MUTATIONS,
                PushRequest.MAX_MUTATIONS,
                secs,
                n / secs,
                n / secs / insertPerTx,
                finals);
    }

    /**
     * {@code n} more interviews in the organization, led by the first interviewer and scored by them;
     * the second interviewer is on one in {@link #OWN_EVERY} and has scored none. A fresh laptop of
     * the second interviewer pulls everything, and so does a recruiter's.
     */
    private static void firstSync(TestServer server, SyncFixture world, int n) throws Exception {
        List<UUID> own = interviews(server, world, n, world.interviewer(), world.otherInterviewer());
        long total = SyncFixture.count(
                server.database,
                "select count(*) from interview_sessions where organization_id = ?",
                world.organization());
        long onPanel = SyncFixture.count(
                server.database,
                "select count(*) from interview_participants where user_id = ?",
                world.otherInterviewer());
        System.out.printf(
                "organization: %,d interviews, %,d scorecards; the second interviewer is on %,d (%,d written for this run)%n",
                total,
                SyncFixture.count(server.database, "select count(*) from interview_feedback"),
                onPanel,
                own.size());

        Pull interviewer = pull(new SyncClient(server.api, "interviewer2@demo.test", TestServer.PASSWORD));
        Pull recruiter = pull(new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD));
        System.out.printf("interviewer's first sync: %s%n", interviewer);
        System.out.printf("recruiter's first sync (baseline): %s%n", recruiter);
        long sessions = interviewer.entities().getOrDefault(Entities.INTERVIEW_SESSION, 0);
        long feedback = interviewer.entities().getOrDefault(Entities.INTERVIEW_FEEDBACK, 0);
        System.out.printf(
                "interviewer received %,d of %,d interviews (on the panel of %,d) and %,d scorecards (all sealed:"
                        + " none submitted by them); %.1f%% of the recruiter's rows, in %.2f× the recruiter's time%n",
                sessions,
                total,
                onPanel,
                feedback,
                100.0 * interviewer.rows() / recruiter.rows(),
                interviewer.seconds() / recruiter.seconds());
        if (sessions != onPanel || feedback != 0) {
            throw new IllegalStateException("the interviewer received rows that are not theirs");
        }
    }

    private record Pull(int rows, int pages, double seconds, Map<String, Integer> entities) {
        @Override
        public String toString() {
            return String.format("%,d rows in %d pages of ≤5000, %.2f s %s", rows, pages, seconds, entities);
        }
    }

    private static Pull pull(SyncClient client) {
        Map<String, Integer> entities = new TreeMap<>();
        int rows = 0;
        int pages = 0;
        long start = System.nanoTime();
        JsonNode page;
        do {
            page = client.pullPage(5_000);
            pages++;
            for (JsonNode change : page.path("changes")) {
                rows++;
                entities.merge(change.path("entity").asText(), 1, Integer::sum);
            }
        } while (page.path("hasMore").asBoolean());
        return new Pull(rows, pages, seconds(start), entities);
    }

    /**
     * {@code n} completed interviews of the fixture's job, each of a new candidate, led by {@code lead}; when
     * {@code panelist} is given, they sit on one in {@link #OWN_EVERY}, and the lead has scored each
     * (so the panelist's laptop must see those scorecards sealed). Returns the panelist's interviews,
     * or all of them when there is no panelist.
     */
    private static List<UUID> interviews(TestServer server, SyncFixture world, int n, UUID lead, UUID panelist)
            throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = SyncFixture.connect(server.database)) {
            c.setAutoCommit(false);
            // A candidate of their own for each (one round each, as is usual): scorecards are sealed
            // and counted per candidate and job.
            try (PreparedStatement ps = c.prepareStatement("""
                    with people as (
                        insert into candidates (organization_id, email, full_name)
                        select ?, 'bench-' || ? || '-' || g || '@bench.test', 'Bench Candidate ' || g
                          from generate_series(1, ?) g returning id)
                    insert into interview_sessions (organization_id, candidate_id, job_id, interview_type,
                        interview_mode, scheduled_at, timezone, status)
                    select ?, people.id, ?, 'technical', 'video', now() - interval '1 hour', 'Africa/Johannesburg',
                           'completed' from people
                    returning id
                    """)) {
                ps.setObject(1, world.organization());
                ps.setString(2, UUID.randomUUID().toString());
                ps.setInt(3, n);
                ps.setObject(4, world.organization());
                ps.setObject(5, world.job());
                try (ResultSet rs = ps.executeQuery()) {
                    int i = 0;
                    List<UUID> all = new ArrayList<>();
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        all.add(id);
                        if (panelist == null || i++ % OWN_EVERY == 0) {
                            ids.add(id);
                        }
                    }
                    participants(c, world, all, lead, "lead");
                    if (panelist != null) {
                        participants(c, world, ids, panelist, "panelist");
                        try (PreparedStatement f = c.prepareStatement("""
                                insert into interview_feedback (organization_id, interview_session_id, interviewer_user_id,
                                    interviewer_name, overall_rating, recommendation, is_final, submitted_at)
                                select ?, s, ?, 'Bench Lead', 4, 'hire', true, now() from unnest(?::uuid[]) s
                                """)) {
                            f.setObject(1, world.organization());
                            f.setObject(2, lead);
                            f.setArray(3, c.createArrayOf("uuid", all.toArray()));
                            f.executeUpdate();
                        }
                    }
                }
            }
            c.commit();
        }
        return ids;
    }

    private static void participants(Connection c, SyncFixture world, List<UUID> sessions, UUID user, String role)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into interview_participants (organization_id, interview_session_id, user_id, participant_role)
                select ?, s, ?, ? from unnest(?::uuid[]) s
                """)) {
            ps.setObject(1, world.organization());
            ps.setObject(2, user);
            ps.setString(3, role);
            ps.setArray(4, c.createArrayOf("uuid", sessions.toArray()));
            ps.executeUpdate();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
