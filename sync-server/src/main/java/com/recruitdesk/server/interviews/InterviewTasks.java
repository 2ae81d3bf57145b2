package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.ActivityLog;
import com.recruitdesk.server.platform.tasks.BackgroundThread;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Interviews feature's background work, in every server instance: reminding candidates of their
 * interview ({@code reminder_sent_at}) and asking panelists for a scorecard still missing after an
 * interview ended ({@code feedback_requested_at}). Each due row is claimed with {@code FOR UPDATE
 * SKIP LOCKED} and marked in the transaction that sends its message, so with any number of instances
 * each reminder and request goes out once.
 */
public final class InterviewTasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InterviewTasks.class);
    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration PAUSE = Duration.ofSeconds(10);
    private static final int BATCH = 50;

    private final Database database;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicLong turns = new AtomicLong();
    private BackgroundThread thread;

    InterviewTasks(Database database, ObjectMapper mapper, Clock clock) {
        this.database = database;
        this.mapper = mapper;
        this.clock = clock;
    }

    public static InterviewTasks start(Database database, ObjectMapper mapper, Clock clock) {
        InterviewTasks tasks = new InterviewTasks(database, mapper, clock);
        tasks.thread = new BackgroundThread("interview-tasks");
        tasks.thread.repeat(FIRST, PAUSE, tasks::turn);
        return tasks;
    }

    /** How many turns have ended, for tests that wait for one more. */
    public long turns() {
        return turns.get();
    }

    private void turn() {
        try {
            Instant now = clock.instant();
            while (remind(now) == BATCH) {
                // more are due
            }
            while (requestFeedback(now) == BATCH) {
                // more are due
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Interview reminders and feedback requests failed this turn; the next one tries again", e);
        } finally {
            turns.incrementAndGet();
        }
    }

    /** Reminds the candidates of scheduled interviews starting within their organization's lead time; how many. */
    int remind(Instant now) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            List<UUID> due = Sql.list(
                    c,
                    """
                    select s.id from interview_sessions s
                     where s.status = 'scheduled' and s.reminder_sent_at is null
                       and s.scheduled_at > ? and s.scheduled_at <= ?::timestamptz + %s
                     order by s.scheduled_at
                     limit ? for update skip locked
                    """.formatted(Settings.interval(
                            "s.organization_id", Settings.REMINDER_HOURS, Settings.DEFAULT_REMINDER)),
                    rs -> rs.getObject(1, UUID.class),
                    now,
                    now,
                    BATCH);
            CandidateMessages messages = new CandidateMessages(c, mapper);
            for (UUID id : due) {
                Interview interview = Interview.load(c, id).orElseThrow();
                CandidateMessages.Outcome told = messages.tell(interview, CandidateMessages.Event.REMINDER, null, now);
                Sql.update(c, "update interview_sessions set reminder_sent_at = ? where id = ?", now, id);
                ObjectNode details = mapper.createObjectNode().put("interviewId", id.toString());
                details.set("candidateMessage", told.json(mapper));
                new ActivityLog(
                                interview.organizationId(),
                                null,
                                "interview.reminder",
                                told.messageId() == null ? "warn" : null,
                                Entities.INTERVIEW_SESSION,
                                id,
                                told.messageId() == null
                                        ? "Could not remind " + interview.candidateName() + ": " + told.reason()
                                        : "Reminded " + interview.candidateName() + " of the " + interview.what(),
                                details)
                        .write(c);
            }
            return due.size();
        });
    }

    /** Asks each panelist of an interview that ended long enough ago, and whose scorecard is not in, for it; how many. */
    int requestFeedback(Instant now) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            List<Seat> due = Sql.list(
                    c,
                    """
                    select p.id, p.user_id, s.id from interview_participants p
                      join interview_sessions s on s.id = p.interview_session_id
                     where s.status = 'completed' and p.feedback_requested_at is null
                       and s.ended_at <= ?::timestamptz - %s
                       and not exists (select 1 from interview_feedback f where f.interview_session_id = s.id
                                          and f.interviewer_user_id = p.user_id and f.is_final)
                     order by s.ended_at
                     limit ? for update of p skip locked
                    """.formatted(Settings.interval(
                            "s.organization_id", Settings.FEEDBACK_REQUEST_HOURS, Settings.DEFAULT_FEEDBACK_REQUEST)),
                    rs -> new Seat(
                            rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)),
                    now,
                    BATCH);
            for (Seat seat : due) {
                Interview interview = Interview.load(c, seat.interview()).orElseThrow();
                Notifications.aboutInterview(
                        c,
                        interview.organizationId(),
                        List.of(seat.user()),
                        interview.id(),
                        "Scorecard requested: " + interview.candidateName(),
                        "The " + interview.what() + " on " + interview.when() + " ended; your scorecard is not in yet.",
                        "high");
                Sql.update(
                        c, "update interview_participants set feedback_requested_at = ? where id = ?", now, seat.id());
            }
            return due.size();
        });
    }

    /**
     * After an interview was scheduled or moved at {@code now}: when it starts within the reminder lead
     * time the invitation was the reminder (none follows); otherwise a reminder is due later.
     */
    static void invitationSent(Connection c, UUID interview, Instant now) throws SQLException {
        Sql.update(
                c,
                """
                update interview_sessions s
                   set reminder_sent_at = case when s.scheduled_at <= ?::timestamptz + %s then ?::timestamptz end
                 where s.id = ?
                """.formatted(Settings.interval(
                        "s.organization_id", Settings.REMINDER_HOURS, Settings.DEFAULT_REMINDER)),
                now,
                now,
                interview);
    }

    private record Seat(UUID id, UUID user, UUID interview) {}

    @Override
    public void close() {
        if (thread != null) {
            thread.close();
        }
    }
}
