package com.recruitdesk.server.interviews;

import static com.recruitdesk.server.interviews.Interviews.assertApplied;
import static com.recruitdesk.server.interviews.Interviews.details;
import static com.recruitdesk.server.interviews.Interviews.localTime;
import static com.recruitdesk.server.interviews.Interviews.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.interviews.InterviewMutations.Details;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Scheduling, rescheduling, cancelling and running an interview, and what the panel and the candidate are told. */
@Tag("database")
class SchedulingTest {
    private static TestServer server;
    private static SyncFixture world;
    private static SyncClient recruiter;
    private static SyncClient interviewer;
    private static SyncClient interviewer2;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        interviewer2 = new SyncClient(server.api, "interviewer2@demo.test", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    private static String in(Duration ahead) {
        return localTime(server.clock.instant(), ahead);
    }

    private static UUID scheduled(Duration ahead) {
        UUID id = UUID.randomUUID();
        assertApplied(recruiter.pushOne(
                schedule(id, world.application(), details(in(ahead), world.interviewer(), world.otherInterviewer()))));
        return id;
    }

    @Test
    void anInterviewForAnApplicationSeatsThePanelTellsEveryoneAndIsOnTheTimeline() {
        UUID id = UUID.randomUUID();
        String at = in(Duration.ofDays(2));

        JsonNode result = recruiter.pushOne(
                schedule(id, world.application(), details(at, world.interviewer(), world.otherInterviewer())));

        assertApplied(result);
        assertThat(count(
                        "select count(*) from interview_sessions where id = ? and candidate_id = ? and job_id = ?"
                                + " and timezone = 'Africa/Johannesburg' and status = 'scheduled' and created_by_user_id = ?"
                                + " and scheduled_at = (?::timestamp at time zone 'Africa/Johannesburg')",
                        id,
                        world.candidate(),
                        world.job(),
                        recruiter.userId,
                        at))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from interview_participants where interview_session_id = ? and"
                                + " ((user_id = ? and participant_role = 'lead') or (user_id = ? and participant_role = 'panelist'))",
                        id,
                        world.interviewer(),
                        world.otherInterviewer()))
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from notifications where related_entity_id = ? and title like 'Interview scheduled%'",
                        id))
                .isEqualTo(2);
        // The person wrote today, so the window is open: a free text line, queued for the sender.
        assertThat(count(
                        "select count(*) from messages m join activity_logs l on l.entity_id = ?"
                                + " and l.details -> 'candidateMessage' ->> 'messageId' = m.id::text"
                                + " where m.conversation_id = ? and m.type = 'text' and m.direction = 'outbound' and m.status <> 'failed'"
                                + " and m.body like 'Hi Thandi, your technical interview for Warehouse supervisor is booked for%'",
                        id, world.conversation()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from application_timeline where application_id = ? and field = 'interview'"
                                + " and new_status = 'scheduled'",
                        world.application()))
                .isPositive();
        assertThat(count(
                        "select count(*) from activity_logs where action_type = 'interview.schedule' and entity_id = ?"
                                + " and details -> 'candidateMessage' ->> 'how' = 'text'",
                        id))
                .isEqualTo(1);
        // The panel's laptops receive it; the lead's holds the interview and its notification.
        var lead = interviewer.pullAll();
        assertThat(lead).containsKey("interviewSession/" + id);
        assertThat(lead.values())
                .anySatisfy(
                        c -> assertThat(c.path("data").path("relatedEntityId").asText())
                                .isEqualTo(id.toString()));
    }

    @Test
    void outsideTheWindowTheCandidateGetsTheNumbersApprovedTemplate() throws SQLException {
        Person p = person("+27820000101", "Lerato", Instant.now().minus(Duration.ofDays(3)));
        SyncFixture.execute(
                server.database,
                "insert into message_templates (organization_id, whatsapp_account_id, name, language, category, status,"
                        + " components) values (?, ?, 'interview_scheduled', 'en_US', 'utility', 'approved',"
                        + " '[{\"type\": \"BODY\", \"text\": \"Hi {{1}}, your interview for {{2}} is on {{3}}, {{4}}.\"}]')"
                        + " on conflict do nothing",
                world.organization(),
                world.whatsappAccount());
        UUID id = UUID.randomUUID();

        assertApplied(
                recruiter.pushOne(schedule(id, p.application(), details(in(Duration.ofDays(3)), world.interviewer()))));

        assertThat(count(
                        "select count(*) from messages where conversation_id = ? and type = 'template' and status <> 'failed'"
                                + " and payload -> 'template' ->> 'name' = 'interview_scheduled'"
                                + " and payload -> 'template' -> 'bodyParameters' ->> 0 = 'Lerato'"
                                + " and payload -> 'template' -> 'bodyParameters' ->> 1 = 'Warehouse supervisor'"
                                + " and payload -> 'template' -> 'bodyParameters' ->> 3 = 'https://meet.example.test/abc'",
                        p.conversation()))
                .isEqualTo(1);
    }

    @Test
    void withoutAnApprovedTemplateOutsideTheWindowNothingIsSentAndTheLogSaysWhy() throws SQLException {
        Person p = person("+27820000102", "Bongani", Instant.now().minus(Duration.ofDays(3)));
        UUID id = UUID.randomUUID();
        SyncFixture.execute(server.database, "delete from message_templates where name = 'interview_cancelled'");
        assertApplied(
                recruiter.pushOne(schedule(id, p.application(), details(in(Duration.ofDays(3)), world.interviewer()))));
        long before = count("select count(*) from messages where conversation_id = ?", p.conversation());

        assertApplied(recruiter.pushOne(SyncClient.mutation(
                InterviewMutations.CANCEL, new InterviewMutations.Cancel(id, "The role was filled"))));

        assertThat(count("select count(*) from messages where conversation_id = ?", p.conversation()))
                .isEqualTo(before);
        assertThat(count(
                        "select count(*) from activity_logs where action_type = 'interview.cancel' and entity_id = ?"
                                + " and details -> 'candidateMessage' ->> 'how' = 'not_sent'"
                                + " and details -> 'candidateMessage' ->> 'reason' like '%interview_cancelled%'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void reschedulingMovesTheTimeTellsTheCandidateAndTheNewPanelAndTakesTheLeaverOff() {
        UUID id = scheduled(Duration.ofDays(4));
        long version = count("select version from interview_sessions where id = ?", id);
        assertThat(interviewer2.pullAll()).containsKey("interviewSession/" + id);
        String later = in(Duration.ofDays(5));

        JsonNode result = recruiter.pushOne(SyncClient.mutation(
                InterviewMutations.RESCHEDULE,
                new InterviewMutations.Reschedule(id, details(later, world.interviewer()), version)));

        assertApplied(result);
        assertThat(count(
                        "select count(*) from interview_sessions where id = ?"
                                + " and scheduled_at = (?::timestamp at time zone 'Africa/Johannesburg')",
                        id,
                        later))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from messages where conversation_id = ? and body like '%has moved to%'",
                        world.conversation()))
                .isPositive();
        assertThat(count(
                        "select count(*) from notifications where related_entity_id = ? and user_id = ?"
                                + " and title like 'You are no longer on the panel%'",
                        id, world.otherInterviewer()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from notifications where related_entity_id = ? and user_id = ? and title like 'Interview changed%'",
                        id, world.interviewer()))
                .isEqualTo(1);
        // The one taken off the panel: their laptop loses the interview.
        JsonNode gone = interviewer2.pullAll().get("interviewSession/" + id);
        assertThat(gone.path("op").asText()).isEqualTo("delete");
    }

    @Test
    void aCancelledInterviewKeepsItsReasonTellsThePanelAndCannotBeMovedAgain() {
        UUID id = scheduled(Duration.ofDays(6));

        assertApplied(recruiter.pushOne(SyncClient.mutation(
                InterviewMutations.CANCEL, new InterviewMutations.Cancel(id, "  Candidate asked to withdraw "))));

        assertThat(count(
                        "select count(*) from interview_sessions where id = ? and status = 'cancelled'"
                                + " and cancellation_reason = 'Candidate asked to withdraw'",
                        id))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from notifications where related_entity_id = ? and title like 'Interview cancelled%'"
                                + " and priority = 'high'",
                        id))
                .isEqualTo(2);
        JsonNode again = recruiter.pushOne(SyncClient.mutation(
                InterviewMutations.RESCHEDULE,
                new InterviewMutations.Reschedule(id, details(in(Duration.ofDays(7)), world.interviewer()), 99L)));
        assertThat(again.path("code").asText()).isEqualTo("invalid");
        assertThat(again.path("message").asText())
                .isEqualTo("The interview is cancelled; only a scheduled interview can be changed.");
    }

    @Test
    void thePanelStartsAndEndsTheirInterviewWithItsActualLength() {
        UUID id = scheduled(Duration.ofMinutes(30));
        Instant start = server.clock.instant().minus(Duration.ofMinutes(50));

        assertApplied(interviewer.pushOne(SyncClient.mutation(
                InterviewMutations.SET_STATUS,
                new InterviewMutations.SetStatus(
                        id, "in_progress", start.toString().replace("Z", "+00:00"), null))));
        assertApplied(interviewer.pushOne(SyncClient.mutation(
                InterviewMutations.SET_STATUS, new InterviewMutations.SetStatus(id, "completed", null, null))));

        assertThat(count(
                        "select actual_duration_minutes from interview_sessions where id = ? and status = 'completed'",
                        id))
                .isEqualTo(50);
        assertThat(count(
                        "select count(*) from application_timeline where application_id = ? and field = 'interview'"
                                + " and previous_status = 'in_progress' and new_status = 'completed'",
                        world.application()))
                .isEqualTo(1);
        JsonNode back = interviewer.pushOne(SyncClient.mutation(
                InterviewMutations.SET_STATUS, new InterviewMutations.SetStatus(id, "in_progress", null, null)));
        assertThat(back.path("message").asText())
                .isEqualTo("The interview is completed; it cannot become in progress.");
    }

    @Test
    void anInterviewCannotEndBeforeItStarted() {
        UUID id = scheduled(Duration.ofMinutes(20));
        String started =
                server.clock.instant().minus(Duration.ofMinutes(10)).toString().replace("Z", "+00:00");
        String ended =
                server.clock.instant().minus(Duration.ofMinutes(40)).toString().replace("Z", "+00:00");

        JsonNode result = interviewer.pushOne(SyncClient.mutation(
                InterviewMutations.SET_STATUS, new InterviewMutations.SetStatus(id, "completed", ended, started)));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("cannot end").contains("before it started");
        assertThat(count("select count(*) from interview_sessions where id = ? and status = 'scheduled'", id))
                .isEqualTo(1);
    }

    @Test
    void anInterviewerMayNotScheduleRescheduleOrCancel() {
        UUID id = scheduled(Duration.ofDays(8));
        long version = count("select version from interview_sessions where id = ?", id);

        for (var m : List.of(
                schedule(UUID.randomUUID(), world.application(), details(in(Duration.ofDays(9)), world.interviewer())),
                SyncClient.mutation(
                        InterviewMutations.RESCHEDULE,
                        new InterviewMutations.Reschedule(
                                id, details(in(Duration.ofDays(9)), world.interviewer()), version)),
                SyncClient.mutation(InterviewMutations.CANCEL, new InterviewMutations.Cancel(id, "I am busy")))) {
            JsonNode result = interviewer.pushOne(m);
            assertThat(result.path("code").asText()).as(m.name()).isEqualTo("forbidden");
            assertThat(result.path("message").asText())
                    .isEqualTo(
                            "Your role may not do this; it is for the organization's recruiters, managers and administrators.");
        }
        SyncClient sales = new SyncClient(server.api, "sales@demo.test", TestServer.PASSWORD);
        assertThat(sales.pushOne(SyncClient.mutation(InterviewMutations.CANCEL, new InterviewMutations.Cancel(id, "x")))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(count(
                        "select count(*) from interview_sessions where id = ? and status = 'scheduled' and version = ?",
                        id,
                        version))
                .isEqualTo(1);
    }

    @Test
    void someoneOffThePanelCannotStartTheInterviewAndLearnsNothing() {
        UUID id = UUID.randomUUID();
        assertApplied(recruiter.pushOne(
                schedule(id, world.application(), details(in(Duration.ofMinutes(15)), world.interviewer()))));

        JsonNode result = interviewer2.pushOne(SyncClient.mutation(
                InterviewMutations.SET_STATUS, new InterviewMutations.SetStatus(id, "in_progress", null, null)));
        JsonNode none = interviewer2.pushOne(SyncClient.mutation(
                InterviewMutations.SET_STATUS,
                new InterviewMutations.SetStatus(UUID.randomUUID(), "in_progress", null, null)));

        assertThat(result.path("code").asText()).isEqualTo("not_found");
        assertThat(result.path("message").asText())
                .isEqualTo(none.path("message").asText());
    }

    @Test
    void aCancelWithoutAReasonAnUnknownStatusOrNoNotificationIsRefusedAndChangesNothing() {
        UUID id = scheduled(Duration.ofDays(8));

        JsonNode blank = recruiter.pushOne(
                SyncClient.mutation(InterviewMutations.CANCEL, new InterviewMutations.Cancel(id, "   ")));
        JsonNode status = recruiter.pushOne(SyncClient.mutation(
                InterviewMutations.SET_STATUS, new InterviewMutations.SetStatus(id, "done", null, null)));
        JsonNode noNotification = interviewer.pushOne(SyncClient.mutation(
                InterviewMutations.MARK_NOTIFICATION_READ, new InterviewMutations.MarkNotificationRead(null)));

        assertThat(blank.path("code").asText()).isEqualTo("invalid");
        assertThat(blank.path("message").asText()).contains("reason for cancelling");
        assertThat(status.path("code").asText()).isEqualTo("invalid");
        assertThat(status.path("message").asText()).startsWith("An interview is set to one of ");
        assertThat(noNotification.path("code").asText()).isEqualTo("invalid");
        assertThat(noNotification.path("message").asText()).isEqualTo("Say which notification (its id is missing).");
        assertThat(count("select count(*) from interview_sessions where id = ? and status = 'scheduled'", id))
                .isEqualTo(1);
    }

    @Test
    void badDetailsAreRefusedWithTheReason() {
        UUID lead = world.interviewer();
        String ok = in(Duration.ofDays(2));
        record Bad(Details details, String sentence) {}
        for (Bad bad : List.of(
                new Bad(
                        new Details(
                                "technical", "video", ok, "Mars/Olympus", 45, lead, List.of(), null, null, null, null),
                        "'Mars/Olympus' is not a time zone this system knows (such as Africa/Johannesburg)."),
                new Bad(
                        new Details(
                                "technical",
                                "video",
                                "next tuesday",
                                Interviews.ZONE,
                                45,
                                lead,
                                List.of(),
                                null,
                                null,
                                null,
                                null),
                        "'next tuesday' is not a date and time such as 2026-12-03T10:00."),
                new Bad(
                        new Details("chat", "video", ok, Interviews.ZONE, 45, lead, List.of(), null, null, null, null),
                        "An interview's type is one of technical, behavioral, cultural, panel, not 'chat'."),
                new Bad(
                        new Details(
                                "technical", "fax", ok, Interviews.ZONE, 45, lead, List.of(), null, null, null, null),
                        "An interview's mode is one of video, phone, in_person, ai, not 'fax'."),
                new Bad(
                        new Details(
                                "technical", "video", ok, Interviews.ZONE, 0, lead, List.of(), null, null, null, null),
                        "An interview lasts from 5 minutes to 8 hours."),
                new Bad(
                        new Details(
                                "technical", "video", ok, Interviews.ZONE, 45, null, List.of(), null, null, null, null),
                        "Say who leads the interview."),
                new Bad(
                        new Details(
                                "technical",
                                "video",
                                ok,
                                Interviews.ZONE,
                                45,
                                UUID.randomUUID(),
                                List.of(),
                                null,
                                null,
                                null,
                                null),
                        "The lead interviewer is not an active colleague who interviews in this organization."),
                new Bad(
                        new Details(
                                "technical",
                                "video",
                                localTime(server.clock.instant(), Duration.ofDays(-1)),
                                Interviews.ZONE,
                                45,
                                lead,
                                List.of(),
                                null,
                                null,
                                null,
                                null),
                        null))) {
            UUID id = UUID.randomUUID();
            JsonNode result = recruiter.pushOne(schedule(id, world.application(), bad.details()));
            assertThat(result.path("code").asText())
                    .as(String.valueOf(bad.sentence()))
                    .isEqualTo("invalid");
            if (bad.sentence() != null) {
                assertThat(result.path("message").asText()).isEqualTo(bad.sentence());
            } else {
                assertThat(result.path("message").asText()).startsWith("The interview would start in the past");
            }
            assertThat(count("select count(*) from interview_sessions where id = ?", id))
                    .isZero();
        }
        JsonNode noDetails = recruiter.pushOne(schedule(UUID.randomUUID(), world.application(), null));
        assertThat(noDetails.path("message").asText())
                .isEqualTo("Say what the interview is (its details are missing).");
    }

    /** A person with a conversation on the fixture's number (last written at {@code lastInbound}) and an application to its job. */
    private record Person(UUID candidate, UUID conversation, UUID application) {}

    private static Person person(String phone, String firstName, Instant lastInbound) throws SQLException {
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID candidate = SyncFixture.insert(
                    c,
                    "insert into candidates (organization_id, whatsapp_id, full_name, first_name) values (?, ?, ?, ?) returning id",
                    world.organization(),
                    phone,
                    firstName + " Test",
                    firstName);
            UUID conversation = SyncFixture.insert(
                    c,
                    "insert into conversations (organization_id, whatsapp_account_id, candidate_id, status, last_message_at,"
                            + " last_inbound_at) values (?, ?, ?, 'open', ?, ?) returning id",
                    world.organization(),
                    world.whatsappAccount(),
                    candidate,
                    java.sql.Timestamp.from(lastInbound),
                    java.sql.Timestamp.from(lastInbound));
            UUID application = SyncFixture.insert(
                    c,
                    "insert into applications (organization_id, candidate_id, job_id) values (?, ?, ?) returning id",
                    world.organization(),
                    candidate,
                    world.job());
            return new Person(candidate, conversation, application);
        }
    }
}
