package com.recruitdesk.server.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prescreen questions and answers: the score, the must-have flag and completeness are worked out on
 * the server from the stored answers; and the master profile's freshness timestamps.
 */
@Tag("database")
class PrescreenMutationsTest {
    private static TestServer server;
    private static SyncFixture world;
    private static SyncClient recruiter;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    static Mutation question(
            UUID id,
            UUID job,
            String qid,
            String type,
            boolean mustHave,
            int weight,
            ObjectNode rule,
            List<String> choices) {
        return SyncClient.mutation(
                PipelineMutations.SAVE_PRESCREEN_QUESTION,
                new PipelineMutations.SavePrescreenQuestion(
                        id, job, qid, "Question " + qid + "?", type, true, mustHave, weight, rule, choices, 0));
    }

    static Mutation answer(UUID application, UUID question, String value) {
        return SyncClient.mutation(
                PipelineMutations.RECORD_PRESCREEN_ANSWER,
                new PipelineMutations.RecordPrescreenAnswer(application, question, value));
    }

    /** A job with three questions and an application to it. */
    record Setup(UUID job, UUID application, UUID notice, UUID shift, UUID licence) {}

    private static Setup setup() throws SQLException {
        UUID job;
        UUID application;
        try (Connection c = SyncFixture.connect(server.database)) {
            job = SyncFixture.insert(
                    c,
                    "insert into jobs (organization_id, title, status) values (?, 'Driver', 'open') returning id",
                    world.organization());
            application = SyncFixture.insert(
                    c,
                    "insert into applications (organization_id, candidate_id, job_id) values (?, ?, ?) returning id",
                    world.organization(),
                    world.candidate(),
                    job);
        }
        Setup s = new Setup(job, application, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        ok(question(
                s.notice(),
                job,
                "ps_notice_days",
                "number",
                false,
                30,
                SyncClient.args().put("max", 30),
                List.of()));
        ok(question(
                s.shift(),
                job,
                "ps_shift",
                "choice",
                false,
                20,
                rule("accept", "Nights", "Any"),
                List.of("Days", "Nights", "Any")));
        ok(question(s.licence(), job, "ps_licence", "choice", true, 50, rule("accept", "Yes"), List.of("Yes", "No")));
        return s;
    }

    private static ObjectNode rule(String key, String... values) {
        ObjectNode r = SyncClient.args();
        var a = r.putArray(key);
        for (String v : values) {
            a.add(v);
        }
        return r;
    }

    private static void ok(Mutation m) {
        JsonNode r = recruiter.pushOne(m);
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("applied");
    }

    @Test
    void answersAreScoredOnTheServerLineByLine() throws SQLException {
        Setup s = setup();

        ok(answer(s.application(), s.notice(), "14 days"));
        assertThat(count(
                        "select count(*) from applications where id = ? and not pre_screening_completed"
                                + " and jd_match_score = 30",
                        s.application()))
                .as("30 of 100 points so far")
                .isEqualTo(1);
        ok(answer(s.application(), s.shift(), "nights"));
        ok(answer(s.application(), s.licence(), "Yes"));

        JsonNode app = recruiter.pullAll().get("application/" + s.application()).path("data");
        assertThat(app.path("jdMatchScore").asInt()).isEqualTo(100);
        assertThat(app.path("preScreeningCompleted").asBoolean()).isTrue();
        assertThat(app.path("mustHaveFailed").asBoolean()).isFalse();
        assertThat(app.path("lastPrescreeningAt").isTextual()).isTrue();
        JsonNode lines = app.path("preScreeningSummary").path("lines");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).path("answer").asText())
                .as("normalised to the choice")
                .isEqualTo("Nights");
        assertThat(lines.get(1).path("why").asText()).isEqualTo("\"Nights\" is an accepted answer");
        assertThat(count(
                        "select count(*) from prescreen_answers where application_id = ? and question_id = ?"
                                + " and normalized_value = '14' and validation_result and question_score = 100",
                        s.application(),
                        s.notice()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from application_timeline where application_id = ? and field = 'prescreen'",
                        s.application()))
                .isEqualTo(3);
    }

    @Test
    void aFailedMustHaveMarksTheApplicationAndSaysWhich() throws SQLException {
        Setup s = setup();
        ok(answer(s.application(), s.notice(), "60"));
        ok(answer(s.application(), s.licence(), "No"));

        JsonNode summary = recruiter
                .pullUntil(
                        "the application marked by the licence answer",
                        rows -> rows.containsKey("application/" + s.application())
                                && rows.get("application/" + s.application())
                                        .path("data")
                                        .path("mustHaveFailed")
                                        .asBoolean())
                .get("application/" + s.application())
                .path("data");

        assertThat(summary.path("mustHaveFailed").asBoolean()).isTrue();
        assertThat(summary.path("preScreeningSummary").path("failedMustHaves").toString())
                .isEqualTo("[\"ps_licence\"]");
        assertThat(summary.path("preScreeningSummary")
                        .path("lines")
                        .get(0)
                        .path("why")
                        .asText())
                .isEqualTo("60 is above the maximum of 30");
        assertThat(summary.path("jdMatchScore").asInt()).isZero();
        assertThat(summary.path("preScreeningCompleted").asBoolean())
                .as("ps_shift is required and unanswered")
                .isFalse();
    }

    @Test
    void changingAQuestionsWeightRescoresTheAnswersGiven() throws SQLException {
        Setup s = setup();
        ok(answer(s.application(), s.notice(), "10"));

        ok(question(
                s.notice(),
                s.job(),
                "ps_notice_days",
                "number",
                false,
                100,
                SyncClient.args().put("max", 30),
                List.of()));

        assertThat(count("select jd_match_score from applications where id = ?", s.application()))
                .as("100 of 170 points")
                .isEqualTo(59);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a choice not among the choices  | licence | Maybe      | "Maybe" is not one of the choices: Yes, No
            not a number                    | notice  | soon       | "soon" is not a number
            empty                           | notice  | '  '       | The answer is empty
            """)
    void anAnswerThatCannotBeReadIsRefusedAndNothingChanges(String what, String which, String value, String reason)
            throws SQLException {
        Setup s = setup();
        UUID q = which.equals("licence") ? s.licence() : s.notice();

        JsonNode result = recruiter.pushOne(answer(s.application(), q, value));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).isEqualTo(reason + ".");
        assertThat(count("select count(*) from prescreen_answers where application_id = ?", s.application()))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            weight 0                 | ps_a    | number | 0  | from 1 to 100
            weight 101               | ps_a    | number | 101| from 1 to 100
            unknown type             | ps_a    | slider | 10 | text, number, date, choice, multi_choice
            bad question id          | PS A    | number | 10 | lowercase letters
            choice without choices   | ps_a    | choice | 10 | needs its choices
            """)
    void aQuestionWithBadInputIsRefused(String what, String qid, String type, int weight, String reason)
            throws SQLException {
        Setup s = setup();
        UUID id = UUID.randomUUID();

        JsonNode result = recruiter.pushOne(question(id, s.job(), qid, type, false, weight, null, List.of()));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(count("select count(*) from prescreen_questions where id = ?", id))
                .isZero();
    }

    @Test
    void anAcceptedAnswerMustBeOneOfTheChoices() throws SQLException {
        Setup s = setup();

        JsonNode result = recruiter.pushOne(question(
                UUID.randomUUID(),
                s.job(),
                "ps_b",
                "choice",
                false,
                10,
                rule("accept", "Perhaps"),
                List.of("Yes", "No")));

        assertThat(result.path("message").asText()).contains("\"Perhaps\" is not one of the choices");
    }

    @Test
    void aTakenQidAndChoicesOnANumberAreRefusedWithTheRulesSentences() throws SQLException {
        Setup s = setup();
        UUID id = UUID.randomUUID();

        JsonNode taken = recruiter.pushOne(question(id, s.job(), "ps_licence", "text", false, 10, null, List.of()));
        JsonNode choices =
                recruiter.pushOne(question(id, s.job(), "ps_years", "number", false, 10, null, List.of("1", "2")));

        assertThat(taken.path("code").asText()).isEqualTo("invalid");
        assertThat(taken.path("message").asText()).isEqualTo("The job has a question ps_licence already.");
        assertThat(choices.path("message").asText()).isEqualTo("Only a choice question has choices.");
        assertThat(count("select count(*) from prescreen_questions where id = ?", id))
                .isZero();
    }

    static Mutation reorder(UUID job, List<UUID> questions) {
        return SyncClient.mutation(
                PipelineMutations.REORDER_PRESCREEN_QUESTIONS,
                new PipelineMutations.ReorderPrescreenQuestions(job, questions));
    }

    private static List<String> askedOrder(UUID job) throws SQLException {
        return strings("select qid from prescreen_questions where job_id = ? order by sort_order, created_at", job);
    }

    private static List<String> strings(String sql, Object... params) throws SQLException {
        try (Connection c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> found = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    @Test
    void aNewOrderNumbersTheQuestionsAndOnesNotListedFollowInTheirOrder() throws SQLException {
        Setup s = setup(); // asked: notice, shift, licence
        assertThat(askedOrder(s.job())).containsExactly("ps_notice_days", "ps_shift", "ps_licence");
        long scoredBefore = count("select count(*) from activity_logs where entity_id = ?", s.job());

        // The licence first, then the notice period; shift is not listed (a colleague's, say), a gone question is.
        ok(reorder(s.job(), List.of(s.licence(), UUID.randomUUID(), s.notice())));

        assertThat(askedOrder(s.job())).containsExactly("ps_licence", "ps_notice_days", "ps_shift");
        assertThat(strings(
                        "select sort_order::text from prescreen_questions where job_id = ? order by sort_order",
                        s.job()))
                .containsExactly("1", "2", "3");
        assertThat(count(
                        "select count(*) from activity_logs where entity_id = ? and description = ?"
                                + " and details -> 'order' = '[\"ps_licence\", \"ps_notice_days\", \"ps_shift\"]'::jsonb",
                        s.job(),
                        "Put the prescreen questions in a new order"))
                .isEqualTo(1);
        assertThat(count("select count(*) from activity_logs where entity_id = ?", s.job()))
                .isEqualTo(scoredBefore + 1);
    }

    @Test
    void aNewOrderWithAQuestionTwiceOrNoneOrTooManyIsRefusedAndTheOrderStays() throws SQLException {
        Setup s = setup();
        List<UUID> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i <= PipelineMutations.MAX_PRESCREEN_QUESTIONS; i++) {
            tooMany.add(UUID.randomUUID());
        }
        java.util.ArrayList<UUID> withNull = new java.util.ArrayList<>(List.of(s.licence()));
        withNull.add(null);
        for (Mutation bad : List.of(
                reorder(s.job(), List.of(s.licence(), s.notice(), s.licence())),
                reorder(s.job(), null),
                reorder(s.job(), withNull),
                reorder(s.job(), tooMany),
                reorder(null, List.of(s.licence())))) {
            JsonNode r = recruiter.pushOne(bad);
            assertThat(r.path("code").asText()).as(r.toString()).isEqualTo("invalid");
            assertThat(r.path("message").asText()).isNotBlank();
        }
        assertThat(recruiter
                        .pushOne(reorder(UUID.randomUUID(), List.of(s.licence())))
                        .path("code")
                        .asText())
                .isEqualTo("not_found");
        assertThat(askedOrder(s.job())).containsExactly("ps_notice_days", "ps_shift", "ps_licence");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            sales@demo.test
            interviewer@demo.test
            """)
    void salesAndInterviewersMayNotPrescreen(String email) throws SQLException {
        Setup s = setup();
        SyncClient them = new SyncClient(server.api, email, TestServer.PASSWORD);

        assertThat(them.pushOne(answer(s.application(), s.licence(), "Yes"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(them.pushOne(question(UUID.randomUUID(), s.job(), "ps_c", "text", false, 5, null, List.of()))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(them.pushOne(reorder(s.job(), List.of(s.licence(), s.notice())))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(askedOrder(s.job())).containsExactly("ps_notice_days", "ps_shift", "ps_licence");
    }

    @Test
    void aProfileEditRenewsTheFreshnessOfTheFieldsThatReallyChanged() {
        long base = count("select version from candidates where id = ?", world.otherCandidate());
        JsonNode first = recruiter.pushOne(
                profile(base, SyncClient.args().put("currentCtc", 30000).put("bio", "Driver")));
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("applied");
        assertThat(count(
                        "select count(*) from candidates where id = ? and current_ctc_last_updated is not null"
                                + " and expected_ctc_last_updated is null and current_ctc = 30000",
                        world.otherCandidate()))
                .isEqualTo(1);
        SyncFixture.execute(
                server.database,
                "update candidates set current_ctc_last_updated = '2020-01-01' where id = ?",
                world.otherCandidate());

        recruiter.pushOne(profile(
                count("select version from candidates where id = ?", world.otherCandidate()),
                SyncClient.args().put("currentCtc", 30000).put("noticePeriodDays", 30)));

        assertThat(count(
                        "select count(*) from candidates where id = ? and current_ctc_last_updated = '2020-01-01'"
                                + " and notice_period_last_updated > now() - interval '1 hour'",
                        world.otherCandidate()))
                .as("the same CTC again keeps its date; the notice period is new")
                .isEqualTo(1);
    }

    @Test
    void aProfileWithBadInputIsRefused() {
        long base = count("select version from candidates where id = ?", world.otherCandidate());

        JsonNode result = recruiter.pushOne(profile(base, SyncClient.args().put("expectedCtc", -1)));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).isEqualTo("The expected CTC cannot be negative.");
    }

    private static Mutation profile(long base, ObjectNode changes) {
        return SyncClient.mutation(
                PipelineMutations.UPDATE_PROFILE,
                new PipelineMutations.UpdateProfile(world.otherCandidate(), base, changes));
    }
}
