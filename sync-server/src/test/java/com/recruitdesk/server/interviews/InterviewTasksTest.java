package com.recruitdesk.server.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Json;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reminders and scorecard requests go out once, however many server instances run the task. */
@Tag("database")
class InterviewTasksTest {
    private static final int INSTANCES = 4;
    private static TestServer server;
    private static SyncFixture world;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    /** Runs {@code turn} of {@link #INSTANCES} task instances, each on a pool of its own, all at once; their results. */
    private static List<Integer> atOnce(TaskTurn turn) throws Exception {
        List<Database> pools = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(INSTANCES);
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                Database pool = Database.open(server.database);
                pools.add(pool);
                InterviewTasks tasks = new InterviewTasks(pool, Json.newMapper(), Clock.systemUTC());
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                        return turn.run(tasks, Instant.now());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<Integer> done = new ArrayList<>();
            for (var r : runs) {
                done.add(r.get());
            }
            return done;
        } finally {
            pools.forEach(Database::close);
        }
    }

    private interface TaskTurn {
        int run(InterviewTasks tasks, Instant now) throws Exception;
    }

    @Test
    void aReminderGoesOutOnceWhateverNumberOfInstancesClaimIt() throws Exception {
        UUID interview = Interviews.interview(server, world, "scheduled", world.interviewer());
        SyncFixture.execute(
                server.database,
                "update interview_sessions set scheduled_at = now() + interval '5 hours', reminder_sent_at = null where id = ?",
                interview);

        SyncFixture.execute(
                server.database,
                "update interview_sessions set reminder_sent_at = now() where id <> ? and reminder_sent_at is null",
                interview);

        List<Integer> reminded = atOnce(InterviewTasks::remind);

        // The server's own task is an instance too, and may have been first.
        assertThat(reminded.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(1);
        assertThat(count(
                        "select count(*) from interview_sessions where id = ? and reminder_sent_at is not null",
                        interview))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from activity_logs where action_type = 'interview.reminder' and entity_id = ?",
                        interview))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from messages m join activity_logs l on l.entity_id = ?"
                                + " and l.details -> 'candidateMessage' ->> 'messageId' = m.id::text"
                                + " where m.body like 'Hi Thandi, a reminder of your technical interview%'"
                                + " and m.sender_type = 'bot' and m.direction = 'outbound'",
                        interview))
                .isEqualTo(1);
        assertThat(atOnce(InterviewTasks::remind)).containsOnly(0);
    }

    @Test
    void anInterviewBeyondTheOrganizationsLeadTimeWaits() throws Exception {
        UUID interview = Interviews.interview(server, world, "scheduled", world.interviewer());
        SyncFixture.execute(
                server.database,
                "update interview_sessions set scheduled_at = now() + interval '5 hours', reminder_sent_at = null where id = ?",
                interview);
        SyncFixture.execute(
                server.database,
                "insert into system_settings (organization_id, key, value) values (?, 'INTERVIEW_REMINDER_HOURS', '2')",
                world.organization());
        try {
            atOnce(InterviewTasks::remind);

            assertThat(count(
                            "select count(*) from interview_sessions where id = ? and reminder_sent_at is null",
                            interview))
                    .isEqualTo(1);
        } finally {
            SyncFixture.execute(server.database, "delete from system_settings where key = 'INTERVIEW_REMINDER_HOURS'");
            SyncFixture.execute(
                    server.database, "update interview_sessions set status = 'cancelled' where id = ?", interview);
        }
    }

    @Test
    void aMissingScorecardIsAskedForOncePerPanelistAndNotOfWhoeverSubmitted() throws Exception {
        UUID interview =
                Interviews.interview(server, world, "completed", world.interviewer(), world.otherInterviewer());
        SyncFixture.execute(
                server.database,
                "update interview_sessions set ended_at = now() - interval '30 hours' where id = ?",
                interview);
        SyncFixture.execute(
                server.database,
                "insert into interview_feedback (organization_id, interview_session_id, interviewer_user_id, is_final,"
                        + " submitted_at, recommendation, overall_rating) values (?, ?, ?, true, now(), 'hire', 4)",
                world.organization(),
                interview,
                world.otherInterviewer());

        List<Integer> asked = atOnce(InterviewTasks::requestFeedback);

        assertThat(asked.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(1);
        assertThat(count(
                        "select count(*) from notifications where related_entity_id = ? and title like 'Scorecard requested%'"
                                + " and user_id = ? and priority = 'high'",
                        interview, world.interviewer()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from notifications where related_entity_id = ? and user_id = ?",
                        interview,
                        world.otherInterviewer()))
                .isZero();
        assertThat(atOnce(InterviewTasks::requestFeedback)).containsOnly(0);
    }

    @Test
    void theServersOwnTaskRemindsWithoutBeingAsked() {
        UUID interview = Interviews.interview(server, world, "scheduled", world.interviewer());
        SyncFixture.execute(
                server.database,
                "update interview_sessions set scheduled_at = ?::timestamptz + interval '3 hours', reminder_sent_at = null"
                        + " where id = ?",
                java.sql.Timestamp.from(server.clock.instant()),
                interview);

        Eventually.await(
                Duration.ofSeconds(30),
                "the reminder",
                () -> count(
                                "select count(*) from interview_sessions where id = ? and reminder_sent_at is not null",
                                interview)
                        == 1);
    }
}
