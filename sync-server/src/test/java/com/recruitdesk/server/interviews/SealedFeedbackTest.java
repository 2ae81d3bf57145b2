package com.recruitdesk.server.interviews;

import static com.recruitdesk.server.interviews.Interviews.amend;
import static com.recruitdesk.server.interviews.Interviews.assertApplied;
import static com.recruitdesk.server.interviews.Interviews.scorecard;
import static com.recruitdesk.server.interviews.Interviews.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scorecards are sealed in the change feed: another interviewer's is not on an interviewer's laptop
 * until their own is in (or never, or always, as the organization chooses), and no draft ever
 * reaches anyone but its author.
 */
@Tag("database")
class SealedFeedbackTest {
    private static TestServer server;
    private static SyncFixture world;
    private static UUID manager;
    private SyncClient a;
    private SyncClient b;
    private SyncClient staff;

    @BeforeAll
    static void start() throws SQLException {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        try (Connection c = SyncFixture.connect(server.database)) {
            manager = SyncFixture.insert(c, "select id from users where email = 'manager@demo.test'");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void defaultVisibility() {
        SyncFixture.execute(
                server.database, "delete from system_settings where key = ?", InterviewRules.VISIBILITY_SETTING);
    }

    /** Fresh clients (no cursor) for the interviewer A, the interviewer B and a recruiter. */
    private void clients() {
        a = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        b = new SyncClient(server.api, "interviewer2@demo.test", TestServer.PASSWORD);
        staff = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    private static void visibility(String mode) {
        SyncFixture.execute(
                server.database,
                "insert into system_settings (organization_id, key, value) values (?, ?, to_jsonb(?::text))"
                        + " on conflict (organization_id, key) do update set value = excluded.value",
                world.organization(),
                InterviewRules.VISIBILITY_SETTING,
                mode);
    }

    /** A candidate and job of their own, and an interview of them whose panel is A (lead) and B. */
    private record Group(UUID candidate, UUID job, UUID interview) {
        UUID round(UUID... panel) {
            return SealedFeedbackTest.interview(candidate, job, panel);
        }
    }

    private static Group group() {
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID candidate = SyncFixture.insert(
                    c,
                    "insert into candidates (organization_id, email, full_name) values (?, ?, 'Sealed Person') returning id",
                    world.organization(),
                    UUID.randomUUID() + "@sealed.test");
            UUID job = SyncFixture.insert(
                    c,
                    "insert into jobs (organization_id, title) values (?, 'Sealed job') returning id",
                    world.organization());
            return new Group(candidate, job, interview(candidate, job, world.interviewer(), world.otherInterviewer()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID interview(UUID candidate, UUID job, UUID... panel) {
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID id = SyncFixture.insert(
                    c,
                    "insert into interview_sessions (organization_id, candidate_id, job_id, interview_type, interview_mode,"
                            + " scheduled_at, status) values (?, ?, ?, 'technical', 'video', now() - interval '1 day', 'completed') returning id",
                    world.organization(),
                    candidate,
                    job);
            for (int i = 0; i < panel.length; i++) {
                SyncFixture.insert(
                        c,
                        "insert into interview_participants (organization_id, interview_session_id, user_id, participant_role)"
                                + " values (?, ?, ?, ?) returning id",
                        world.organization(),
                        id,
                        panel[i],
                        i == 0 ? "lead" : "panelist");
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID submitted(SyncClient who, UUID interview, String recommendation) {
        UUID id = UUID.randomUUID();
        assertApplied(who.pushOne(submit(id, interview, scorecard(3, recommendation))));
        return id;
    }

    private static boolean holds(Map<String, JsonNode> pulled, UUID feedback) {
        JsonNode c = pulled.get(Entities.INTERVIEW_FEEDBACK + "/" + feedback);
        return c != null && "upsert".equals(c.path("op").asText());
    }

    @Test
    void interviewerAPullsNoFeedbackOfBUntilAHasSubmittedAndThenReceivesIt() {
        clients();
        Group g = group();
        UUID ofB = submitted(b, g.interview(), "no_hire");

        Map<String, JsonNode> before = a.pullAll();
        assertThat(before).doesNotContainKey(Entities.INTERVIEW_FEEDBACK + "/" + ofB);
        assertThat(before.get(Entities.INTERVIEW_SESSION + "/" + g.interview())
                        .path("data")
                        .path("feedbackSubmittedCount")
                        .asInt())
                .as("A is told how many are sealed")
                .isEqualTo(1);

        UUID ofA = submitted(a, g.interview(), "hire");

        Map<String, JsonNode> after = a.pullAll();
        assertThat(holds(after, ofB)).isTrue();
        assertThat(after.get(Entities.INTERVIEW_FEEDBACK + "/" + ofB)
                        .path("data")
                        .path("recommendation")
                        .asText())
                .isEqualTo("no_hire");
        // B, who had submitted first, receives A's as it comes in.
        assertThat(holds(b.pullAll(), ofA)).isTrue();
        assertThat(holds(staff.pullAll(), ofA)).isTrue();
    }

    @Test
    void earlierRoundsOfTheSameCandidateAndJobUnsealTooButOtherCandidatesDoNot() {
        clients();
        Group g = group();
        UUID firstRound = g.round(manager);
        UUID ofManager =
                submitted(new SyncClient(server.api, "manager@demo.test", TestServer.PASSWORD), firstRound, "maybe");
        Group other = group();
        UUID elsewhere = submitted(b, other.interview(), "hire");

        submitted(a, g.interview(), "hire");

        Map<String, JsonNode> rows = a.pullAll();
        assertThat(holds(rows, ofManager)).as("an earlier round's scorecard").isTrue();
        assertThat(holds(rows, elsewhere)).as("another candidate's").isFalse();
    }

    @Test
    void draftsReachNobodyButTheirAuthorNotEvenTheStaff() {
        clients();
        Group g = group();
        UUID draft = UUID.randomUUID();
        SyncFixture.execute(
                server.database,
                "insert into interview_feedback (id, organization_id, interview_session_id, interviewer_user_id, recommendation,"
                        + " strengths) values (?, ?, ?, ?, 'maybe', 'unsure yet')",
                draft,
                world.organization(),
                g.interview(),
                world.otherInterviewer());
        submitted(a, g.interview(), "hire");

        assertThat(holds(b.pullAll(), draft)).as("its author").isTrue();
        assertThat(a.pullAll()).doesNotContainKey(Entities.INTERVIEW_FEEDBACK + "/" + draft);
        assertThat(staff.pullAll()).doesNotContainKey(Entities.INTERVIEW_FEEDBACK + "/" + draft);
    }

    @Test
    void withNeverInterviewersSeeOnlyTheirOwnAndTheStaffSeeAllSubmitted() {
        visibility("never");
        clients();
        Group g = group();
        UUID ofB = submitted(b, g.interview(), "no_hire");
        UUID ofA = submitted(a, g.interview(), "hire");

        assertThat(a.pullAll()).doesNotContainKey(Entities.INTERVIEW_FEEDBACK + "/" + ofB);
        assertThat(b.pullAll()).doesNotContainKey(Entities.INTERVIEW_FEEDBACK + "/" + ofA);
        Map<String, JsonNode> team = staff.pullAll();
        assertThat(holds(team, ofA)).isTrue();
        assertThat(holds(team, ofB)).isTrue();
    }

    @Test
    void withAlwaysSubmittedScorecardsReachThePanelBeforeTheirOwn() {
        visibility("always");
        clients();
        Group g = group();

        UUID ofB = submitted(b, g.interview(), "strong_hire");

        assertThat(holds(a.pullAll(), ofB)).isTrue();
    }

    @Test
    void anAmendmentFollowsItsScorecardsSeal() {
        clients();
        Group g = group();
        UUID ofB = submitted(b, g.interview(), "maybe");
        UUID amendment = UUID.randomUUID();
        assertApplied(b.pushOne(amend(amendment, ofB, Map.of("recommendation", "hire"), "Slept on it")));

        assertThat(a.pullAll()).doesNotContainKey(Entities.INTERVIEW_FEEDBACK_AMENDMENT + "/" + amendment);
        submitted(a, g.interview(), "hire");
        assertThat(a.pullAll()).containsKey(Entities.INTERVIEW_FEEDBACK_AMENDMENT + "/" + amendment);

        UUID later = UUID.randomUUID();
        assertApplied(b.pushOne(amend(later, ofB, Map.of("strengths", "Great references"), "Called them")));
        assertThat(a.pullAll()).containsKey(Entities.INTERVIEW_FEEDBACK_AMENDMENT + "/" + later);
    }

    @Test
    void turningVisibilityToNeverTakesOthersScorecardsBackOffTheLaptops() {
        clients();
        Group g = group();
        UUID ofB = submitted(b, g.interview(), "hire");
        submitted(a, g.interview(), "hire");
        assertThat(holds(a.pullAll(), ofB)).isTrue();

        visibility("never");

        assertThat(a.pullAll()
                        .get(Entities.INTERVIEW_FEEDBACK + "/" + ofB)
                        .path("op")
                        .asText())
                .isEqualTo("delete");
        assertThat(holds(staff.pullAll(), ofB)).as("the staff keep it").isTrue();
    }

    @Test
    void twoPanelistsSubmittingAtOnceEachReceiveTheOthers() throws Exception {
        clients();
        Group g = group();
        UUID ofA = UUID.randomUUID();
        UUID ofB = UUID.randomUUID();
        CyclicBarrier together = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> {
            await(together);
            return a.pushOne(submit(ofA, g.interview(), scorecard(4, "hire")));
        });
        var second = CompletableFuture.supplyAsync(() -> {
            await(together);
            return b.pushOne(submit(ofB, g.interview(), scorecard(2, "no_hire")));
        });
        assertApplied(first.get());
        assertApplied(second.get());

        // The feed releases a commit once no older transaction is still open (a background task's may
        // be), so each pulls until the other's scorecard arrives, as a desktop does on the next poke.
        assertEventuallyHolds(a, ofB);
        assertEventuallyHolds(b, ofA);
    }

    private static void assertEventuallyHolds(SyncClient client, UUID feedback) {
        client.pullUntil("the other's scorecard to be pulled", pulled -> holds(pulled, feedback));
    }

    @Test
    void anInterviewerPullsNoConversationMessageOrOtherCandidate() {
        clients();
        Map<String, JsonNode> rows = a.pullAll();

        assertThat(rows.keySet())
                .noneMatch(k -> k.startsWith(Entities.CONVERSATION + "/") || k.startsWith(Entities.MESSAGE + "/"));
        assertThat(rows).doesNotContainKey(Entities.CANDIDATE + "/" + world.otherCandidate());
        List<String> people = rows.keySet().stream()
                .filter(k -> k.startsWith(Entities.CANDIDATE + "/"))
                .toList();
        assertThat(people).isNotEmpty();
        for (String person : people) {
            JsonNode data = rows.get(person).path("data");
            assertThat(data.has("whatsappId"))
                    .as("no WhatsApp number in an interviewer's summary")
                    .isFalse();
            assertThat(data.has("phone")).isFalse();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
