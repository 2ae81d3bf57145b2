package com.recruitdesk.app.bench;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.interviews.data.Drafts;
import com.recruitdesk.app.interviews.data.InterviewCommands;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.interviews.data.Schedule;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncEngine;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.interviews.InterviewMutations.Rating;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import com.recruitdesk.server.support.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An interviewer's desktop (its real store, outbox and sync engine, no window) against the real demo
 * server: {@code n} completed interviews arrive by sync; with the server down, a draft is saved and a
 * scorecard submitted for each (as the pane does); the server comes back and the engine pushes them
 * all, in order. Prints the offline filing time, the reconnect-to-all-on-the-server time, and as the
 * same run's baseline a single scorecard's round trip (queued to on the server) online.
 * {@code bench/desktop scorecards [n=1000]}.
 */
public final class OfflineScorecardsBenchmark {
    private static final Duration WAIT = Duration.ofMinutes(10);

    private OfflineScorecardsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        try (LiveServer server = LiveServer.start()) {
            run(server, n);
        }
    }

    private static void run(LiveServer server, int n) throws Exception {
        String me = server.text("select id from users where email = ?", Demo.INTERVIEWER);
        // n completed interviews yesterday, each of a new candidate, led by the demo interviewer.
        server.execute("""
                with job as (select id, organization_id from jobs order by created_at limit 1),
                     people as (
                         insert into candidates (organization_id, email, full_name)
                         select job.organization_id, 'offline-' || g || '@bench.test', 'Offline Candidate ' || g
                           from job, generate_series(1, ?) g returning id, organization_id),
                     sessions as (
                         insert into interview_sessions (organization_id, candidate_id, job_id, interview_type,
                             interview_mode, scheduled_at, duration_minutes, timezone, status)
                         select people.organization_id, people.id, job.id, 'technical', 'video',
                                now() - interval '1 day', 45, 'Africa/Johannesburg', 'completed'
                           from people, job returning id, organization_id)
                insert into interview_participants (organization_id, interview_session_id, user_id, participant_role)
                select organization_id, id, ?::uuid, 'lead' from sessions
                """, n, me);
        Path dir = Files.createTempDirectory("offline-scorecards");
        var http = ApiClient.newHttpClient();
        TokenResponse tokens = ApiClient.login(http, server.url(), Demo.INTERVIEWER, Demo.PASSWORD);
        ApiClient api = ApiClient.signedIn(http, server.url(), tokens, t -> {});
        Clock clock = Clock.systemUTC();
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
                SyncEngine engine = new SyncEngine(
                        api,
                        store,
                        BlobFiles.besideStore(dir.resolve("store.db")),
                        new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 500),
                        clock)) {
            engine.start();
            UUID myId = UUID.fromString(me);
            Schedule schedule = new Schedule(store);
            Drafts drafts = new Drafts(store);
            InterviewCommands commands = new InterviewCommands(store, engine, myId, clock);
            Instant now = clock.instant();
            Eventually.await(
                    WAIT,
                    n + " interviews synced",
                    () -> toScore(schedule, myId, now).size() >= n);
            List<InterviewItem> interviews = toScore(schedule, myId, now);
            System.out.printf(
                    "RecruitDesk offline scorecards benchmark — %d cores; %,d interviews to score on this computer%n",
                    Runtime.getRuntime().availableProcessors(), interviews.size());

            // Baseline, same run: one scorecard filed online, queued to on the server.
            long start = System.nanoTime();
            file(drafts, commands, interviews.getFirst(), clock);
            Eventually.await(WAIT, "the first scorecard on the server", () -> onServer(server, me) == 1);
            double one = seconds(start);

            server.stop();
            Eventually.await(WAIT, "offline", () -> engine.status().lastError() != null);
            start = System.nanoTime();
            for (InterviewItem i : interviews.subList(1, n)) {
                file(drafts, commands, i, clock);
            }
            double filing = seconds(start);
            int pending = store.pendingCount();

            server.restart();
            start = System.nanoTime();
            Eventually.await(WAIT, "every scorecard on the server", () -> onServer(server, me) == n);
            double delivered = seconds(start);
            Eventually.await(WAIT, "the outbox empty", () -> store.pendingCount() == 0);
            double empty = seconds(start);
            System.out.printf(
                    "baseline: one scorecard online, queued to on the server: %.0f ms%n"
                            + "offline: %,d drafts saved and scorecards submitted in %.2f s (%.1f ms each), %,d waiting%n"
                            + "reconnect: all %,d on the server %.2f s after the server returned (%,.0f/s, %.1f ms"
                            + " each: %.3f× the online round trip), outbox empty after %.2f s%n",
                    one * 1000,
                    n - 1,
                    filing,
                    filing * 1000 / (n - 1),
                    pending,
                    n - 1,
                    delivered,
                    (n - 1) / delivered,
                    delivered * 1000 / (n - 1),
                    delivered / (n - 1) / one,
                    empty);
        }
    }

    private static List<InterviewItem> toScore(Schedule schedule, UUID me, Instant now) {
        return schedule.between(now.minus(Duration.ofDays(2)), now, me).stream()
                .filter(i -> i.candidateName() != null && i.candidateName().startsWith("Offline Candidate"))
                .toList();
    }

    /** What the pane does: the draft saved as typed (its last save), then submitted. */
    private static void file(Drafts drafts, InterviewCommands commands, InterviewItem i, Clock clock) {
        Scorecard card = new Scorecard(
                Map.of(
                        "technical_skills", new Rating(4, "Solid on SQL"),
                        "communication", new Rating(5, null),
                        "problem_solving", new Rating(3, null),
                        "culture_fit", new Rating(4, null)),
                List.of(),
                4,
                "hire",
                "Explains trade-offs plainly",
                "Little leadership yet",
                "Solved the join exercise in twelve minutes.",
                List.of("Your last role"),
                false,
                null);
        Drafts.Draft draft = new Drafts.Draft(i.id(), UUID.randomUUID(), card, clock.instant(), null);
        drafts.save(draft);
        commands.submit(i, draft, "Ivy Interviewer"); // keeps the draft, marked as submitted
    }

    private static long onServer(LiveServer server, String me) {
        return Long.parseLong(server.text(
                "select count(*) from interview_feedback f join candidates c on c.id = f.candidate_id"
                        + " where f.is_final and f.interviewer_user_id = ?::uuid and c.full_name like 'Offline Candidate%'",
                me));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
