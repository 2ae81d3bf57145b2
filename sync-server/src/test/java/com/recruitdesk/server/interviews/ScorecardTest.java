package com.recruitdesk.server.interviews;

import static com.recruitdesk.server.interviews.Interviews.amend;
import static com.recruitdesk.server.interviews.Interviews.assertApplied;
import static com.recruitdesk.server.interviews.Interviews.scorecard;
import static com.recruitdesk.server.interviews.Interviews.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.interviews.InterviewMutations.Rating;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Submitting a scorecard once, amending it beside the original, and what is refused. */
@Tag("database")
class ScorecardTest {
    private static TestServer server;
    private static SyncFixture world;
    private static SyncClient interviewer;
    private static SyncClient interviewer2;
    private static SyncClient recruiter;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        interviewer2 = new SyncClient(server.api, "interviewer2@demo.test", TestServer.PASSWORD);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    private static UUID interview(String status) {
        return Interviews.interview(server, world, status, world.interviewer(), world.otherInterviewer());
    }

    private static UUID submitted(UUID interview) {
        UUID id = UUID.randomUUID();
        assertApplied(interviewer.pushOne(submit(id, interview, scorecard(4, "hire"))));
        return id;
    }

    @Test
    void aSubmittedScorecardIsFinalSignedAndCountedOnTheInterview() {
        UUID interview = interview("completed");
        UUID id = UUID.randomUUID();

        assertApplied(interviewer.pushOne(submit(id, interview, scorecard(4, "hire"))));

        assertThat(count(
                        "select count(*) from interview_feedback where id = ? and is_final and submitted_at is not null"
                                + " and interviewer_name = 'Ivy Interviewer' and overall_rating = 4 and recommendation = 'hire'"
                                + " and technical_skills_rating = 4 and communication_rating = 4 and culture_fit_rating is null"
                                + " and rating_notes ->> 'technical_skills' = 'Solid on SQL'"
                                + " and skills_evaluated -> 0 ->> 'skill' = 'Forklift licence'"
                                + " and questions_asked ->> 1 = 'A hard deadline'",
                        id))
                .isEqualTo(1);
        assertThat(count("select feedback_submitted_count from interview_sessions where id = ?", interview))
                .isPositive();
        assertThat(count(
                        "select count(*) from activity_logs where action_type = 'feedback.submit' and details ->> 'feedbackId' = ?",
                        id.toString()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from application_timeline where application_id = ? and new_status = 'feedback_submitted'",
                        world.application()))
                .isPositive();
    }

    @Test
    void aSecondSubmitIsRefusedWithASentenceAndChangesNothing() {
        UUID interview = interview("completed");
        UUID first = submitted(interview);

        JsonNode again = interviewer.pushOne(submit(UUID.randomUUID(), interview, scorecard(1, "no_hire")));

        assertThat(again.path("code").asText()).isEqualTo("invalid");
        assertThat(again.path("message").asText())
                .startsWith("You submitted your scorecard for this interview on ")
                .endsWith("; it cannot be submitted again. Add an amendment to change it.");
        assertThat(count("select count(*) from interview_feedback where id = ? and recommendation = 'hire'", first))
                .isEqualTo(1);
    }

    @Test
    void theDraftTheServerHeldBecomesTheScorecard() {
        UUID interview = interview("completed");
        UUID draft = UUID.randomUUID();
        SyncFixture.execute(
                server.database,
                "insert into interview_feedback (id, organization_id, interview_session_id, interviewer_user_id, recommendation)"
                        + " values (?, ?, ?, ?, 'maybe')",
                draft,
                world.organization(),
                interview,
                world.interviewer());

        assertApplied(interviewer.pushOne(submit(UUID.randomUUID(), interview, scorecard(5, "strong_hire"))));

        assertThat(count(
                        "select count(*) from interview_feedback where interview_session_id = ? and interviewer_user_id = ?",
                        interview,
                        world.interviewer()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from interview_feedback where id = ? and is_final and recommendation = 'strong_hire'",
                        draft))
                .isEqualTo(1);
    }

    @Test
    void aCancelledInterviewTakesNoScorecardAndTheInterviewerIsToldPlainly() {
        UUID interview = interview("scheduled");
        SyncFixture.execute(
                server.database,
                "update interview_sessions set status = 'cancelled', cancellation_reason = 'Role filled' where id = ?",
                interview);

        JsonNode result = interviewer.pushOne(submit(UUID.randomUUID(), interview, scorecard(4, "hire")));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText())
                .contains("was cancelled (Role filled)")
                .endsWith("Your draft stays on this computer.");
    }

    @Test
    void onlyThePanelSubmitsScorecards() {
        UUID interview = Interviews.interview(server, world, "completed", world.interviewer());

        JsonNode offPanel = interviewer2.pushOne(submit(UUID.randomUUID(), interview, scorecard(4, "hire")));
        JsonNode staff = recruiter.pushOne(submit(UUID.randomUUID(), interview, scorecard(4, "hire")));

        assertThat(offPanel.path("code").asText()).isEqualTo("not_found");
        assertThat(offPanel.path("message").asText())
                .isEqualTo("The interview does not exist or is not yours to change.");
        assertThat(staff.path("code").asText()).isEqualTo("not_found");
        assertThat(count("select count(*) from interview_feedback where interview_session_id = ?", interview))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rating 7                     | 7    | hire         | The overall rating is rated from 1 to 5, not 7.
            rating 0                     | 0    | hire         | The overall rating is rated from 1 to 5, not 0.
            no overall rating            |      | hire         | Give an overall rating from 1 to 5.
            unknown recommendation       | 4    | yes_please   | A recommendation is one of strong_hire, hire, maybe, no_hire, not 'yes_please'.
            no recommendation            | 4    |              | Choose a recommendation: strong_hire, hire, maybe, no_hire.
            """)
    void aBadScorecardIsRefusedWithTheReason(String name, Integer overall, String recommendation, String sentence) {
        UUID interview = interview("completed");
        Scorecard card =
                new Scorecard(Map.of(), List.of(), overall, recommendation, null, null, null, List.of(), false, null);

        JsonNode result = interviewer.pushOne(submit(UUID.randomUUID(), interview, card));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).isEqualTo(sentence);
        assertThat(count("select count(*) from interview_feedback where interview_session_id = ?", interview))
                .isZero();
    }

    @Test
    void aCriterionRatedSevenOrUnknownIsRefused() {
        UUID interview = interview("completed");
        Scorecard seven = new Scorecard(
                Map.of("communication", new Rating(7, null)),
                List.of(),
                4,
                "hire",
                null,
                null,
                null,
                List.of(),
                false,
                null);
        Scorecard unknown = new Scorecard(
                Map.of("charisma", new Rating(3, null)),
                List.of(),
                4,
                "hire",
                null,
                null,
                null,
                List.of(),
                false,
                null);

        assertThat(interviewer
                        .pushOne(submit(UUID.randomUUID(), interview, seven))
                        .path("message")
                        .asText())
                .isEqualTo("Communication is rated from 1 to 5, not 7.");
        assertThat(interviewer
                        .pushOne(submit(UUID.randomUUID(), interview, unknown))
                        .path("message")
                        .asText())
                .startsWith("'charisma' is not a criterion of the scorecard");
    }

    @Test
    void anAmendmentIsKeptBesideTheOriginalWhichNeverChanges() {
        UUID feedback = submitted(interview("completed"));
        String original =
                SyncFixture.count(server.database, "select version from interview_feedback where id = ?", feedback)
                        + "";
        UUID amendment = UUID.randomUUID();

        assertApplied(interviewer.pushOne(amend(
                amendment,
                feedback,
                Map.of("recommendation", "strong_hire", "overall_rating", "5"),
                "Checked the references: excellent")));
        assertApplied(interviewer.pushOne(amend(
                UUID.randomUUID(), feedback, Map.of("overall_rating", "4"), "Second thoughts after the debrief")));

        assertThat(count(
                        "select count(*) from interview_feedback_amendments where id = ? and feedback_id = ?"
                                + " and changes -> 'recommendation' ->> 'from' = 'hire'"
                                + " and changes -> 'recommendation' ->> 'to' = 'strong_hire'"
                                + " and (changes -> 'overall_rating' ->> 'from')::numeric = 4"
                                + " and (changes -> 'overall_rating' ->> 'to')::numeric = 5"
                                + " and reason = 'Checked the references: excellent'",
                        amendment,
                        feedback))
                .isEqualTo(1);
        // The second amendment starts from the first's value.
        assertThat(count(
                        "select count(*) from interview_feedback_amendments where feedback_id = ?"
                                + " and (changes -> 'overall_rating' ->> 'from')::numeric = 5",
                        feedback))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from interview_feedback where id = ? and recommendation = 'hire' and overall_rating = 4"
                                + " and version = ?",
                        feedback,
                        Long.parseLong(original)))
                .isEqualTo(1);
        var rows = recruiter.pullAll();
        assertThat(rows).containsKey("interviewFeedbackAmendment/" + amendment);
    }

    @Test
    void nobodyButTheAuthorAmendsAScorecard() {
        UUID feedback = submitted(interview("completed"));

        JsonNode colleague = interviewer2.pushOne(
                amend(UUID.randomUUID(), feedback, Map.of("recommendation", "no_hire"), "I disagree"));
        JsonNode staff =
                recruiter.pushOne(amend(UUID.randomUUID(), feedback, Map.of("recommendation", "no_hire"), "Overrule"));
        JsonNode none = interviewer2.pushOne(
                amend(UUID.randomUUID(), UUID.randomUUID(), Map.of("recommendation", "no_hire"), "x"));

        assertThat(colleague.path("code").asText()).isEqualTo("not_found");
        assertThat(colleague.path("message").asText())
                .isEqualTo(none.path("message").asText());
        assertThat(staff.path("code").asText())
                .isEqualTo("forbidden".equals(staff.path("code").asText()) ? "forbidden" : "not_found");
        assertThat(count("select count(*) from interview_feedback_amendments where feedback_id = ?", feedback))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rating 7              | overall_rating   | 7     | why | The overall rating is rated from 1 to 5, not 7.
            not a number          | communication    | great | why | A rating is a whole number from 1 to 5, not 'great'.
            unknown recommendation| recommendation   | yes   | why | A recommendation is one of strong_hire, hire, maybe, no_hire, not 'yes'.
            no reason             | recommendation   | maybe |     | Say why you amend the scorecard.
            same value            | recommendation   | hire  | why | The amendment changes nothing: the scorecard already says that.
            """)
    void aBadAmendmentIsRefusedWithTheReason(String name, String field, String value, String reason, String sentence) {
        UUID feedback = submitted(interview("completed"));

        JsonNode result = interviewer.pushOne(amend(UUID.randomUUID(), feedback, Map.of(field, value), reason));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).isEqualTo(sentence);
    }

    @Test
    void aDraftOrAnUnknownFieldCannotBeAmended() {
        UUID interview = interview("completed");
        UUID draft = UUID.randomUUID();
        SyncFixture.execute(
                server.database,
                "insert into interview_feedback (id, organization_id, interview_session_id, interviewer_user_id) values (?, ?, ?, ?)",
                draft,
                world.organization(),
                interview,
                world.interviewer());

        JsonNode onDraft = interviewer.pushOne(amend(UUID.randomUUID(), draft, Map.of("strengths", "More"), "why"));
        JsonNode unknown =
                interviewer.pushOne(amend(UUID.randomUUID(), draft, Map.of("interviewer_name", "Someone"), "why"));

        assertThat(onDraft.path("message").asText())
                .isEqualTo("The scorecard is still a draft: submit it; amendments are for submitted scorecards.");
        assertThat(unknown.path("message").asText()).startsWith("'interviewer_name' cannot be amended");
    }

    @Test
    void marksOnlyOnesOwnNotificationsRead() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        for (var n : List.of(List.of(mine, world.interviewer()), List.of(theirs, world.otherInterviewer()))) {
            SyncFixture.execute(
                    server.database,
                    "insert into notifications (id, organization_id, user_id, notification_type, title) values (?, ?, ?, 'interview', 'Hello')",
                    n.get(0),
                    world.organization(),
                    n.get(1));
        }

        assertApplied(interviewer.pushOne(SyncClient.mutation(
                InterviewMutations.MARK_NOTIFICATION_READ, new InterviewMutations.MarkNotificationRead(mine))));
        JsonNode other = interviewer.pushOne(SyncClient.mutation(
                InterviewMutations.MARK_NOTIFICATION_READ, new InterviewMutations.MarkNotificationRead(theirs)));

        assertThat(count("select count(*) from notifications where id = ? and is_read and read_at is not null", mine))
                .isEqualTo(1);
        assertThat(other.path("code").asText()).isEqualTo("not_found");
        assertThat(count("select count(*) from notifications where id = ? and not is_read", theirs))
                .isEqualTo(1);
        assertThat(interviewer2.pullAll()).doesNotContainKey("notification/" + mine);
    }
}
