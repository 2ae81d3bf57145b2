package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import com.recruitdesk.protocol.pipelines.PrescreenScoring.Explanation;
import com.recruitdesk.protocol.pipelines.PrescreenScoring.Question;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.MutationContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The server's side of prescreening: a job's questions as {@link PrescreenScoring} takes them, and
 * an application's derived results ({@code jd_match_score}, {@code must_have_failed},
 * {@code pre_screening_completed}, the summary) worked out from its stored answers, never from what
 * a client says. The WhatsApp bot will record answers through {@link PrescreenAnswers} and call
 * {@link #rescore} the same way.
 */
public final class Prescreens {
    private Prescreens() {}

    /** The job's questions in the order they are asked. */
    public static List<Question> questions(Connection c, UUID jobId) throws SQLException {
        return Sql.list(
                c,
                """
                select id, qid, question_text, question_type, required, must_have, weight, validation_rule::text,
                       choices::text
                  from prescreen_questions where job_id = ? order by sort_order, created_at, id
                """,
                rs -> new Question(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        rs.getInt(7),
                        rs.getString(8) == null ? null : Json.read(rs.getString(8)),
                        strings(Json.read(rs.getString(9)))),
                jobId);
    }

    /** Works the application's results out again from its answers, and rewrites each answer's reading. */
    public static Explanation rescore(Connection c, UUID applicationId, UUID jobId, Instant now) throws SQLException {
        List<Question> questions = questions(c, jobId);
        Map<UUID, String> answers = new HashMap<>();
        Sql.list(
                c,
                "select question_id, answer_value from prescreen_answers where application_id = ?",
                rs -> answers.put(rs.getObject(1, UUID.class), rs.getString(2)),
                applicationId);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Question q : questions) {
            String raw = answers.get(q.id());
            if (raw != null && PrescreenScoring.problem(q, raw).isEmpty()) {
                PrescreenScoring.Normalised n = PrescreenScoring.normalise(q, raw, today);
                Sql.update(
                        c,
                        """
                        update prescreen_answers set normalized_value = ?, validation_result = ?, question_score = ?
                         where application_id = ? and question_id = ?
                           and (normalized_value, validation_result, question_score)
                               is distinct from (?, ?, ?)
                        """,
                        n.value(),
                        n.passed(),
                        PrescreenScoring.questionScore(q, n),
                        applicationId,
                        q.id(),
                        n.value(),
                        n.passed(),
                        PrescreenScoring.questionScore(q, n));
            }
        }
        Explanation e = PrescreenScoring.explain(questions, answers, today);
        boolean any = !answers.isEmpty();
        boolean wasComplete = Sql.one(
                        c,
                        "select pre_screening_completed from applications where id = ?",
                        rs -> rs.getBoolean(1),
                        applicationId)
                .orElse(false);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Sql.update(
                c,
                """
                update applications
                   set jd_match_score = ?, must_have_failed = ?, pre_screening_completed = ?,
                       pre_screening_summary = ?,
                       last_prescreening_at = case when ? and not pre_screening_completed then ? else last_prescreening_at end
                 where id = ?
                   and (jd_match_score, must_have_failed, pre_screening_completed, pre_screening_summary)
                       is distinct from (?, ?, ?, ?::jsonb)
                """,
                any ? e.score() : null,
                e.mustHaveFailed(),
                e.complete() && any,
                any ? Sql.jsonb(summary(e)) : null,
                e.complete() && any,
                at,
                applicationId,
                any ? e.score() : null,
                e.mustHaveFailed(),
                e.complete() && any,
                any ? Sql.jsonb(summary(e)).getValue() : null);
        if (e.complete() && any && !wasComplete) { // the person's latest prescreening is this one, just completed
            Sql.update(
                    c,
                    "update candidates set last_prescreening_at = ? where id = (select candidate_id from applications where id = ?)",
                    at,
                    applicationId);
        }
        return e;
    }

    /** Rescoring every application of the job that has answers (its questions changed). */
    static void rescoreJob(MutationContext ctx, UUID jobId) throws SQLException {
        List<UUID> applications = Sql.list(ctx.connection(), """
                select id from applications
                 where job_id = ? and (pre_screening_summary is not null
                       or id in (select application_id from prescreen_answers where job_id = ?))
                """, rs -> rs.getObject(1, UUID.class), jobId, jobId);
        for (UUID application : applications) {
            rescore(ctx.connection(), application, jobId, ctx.now());
        }
    }

    /** Seed 002's pre_screening_summary: the explanation, line by line. */
    static ObjectNode summary(Explanation e) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("score", e.score()).put("complete", e.complete()).put("mustHaveFailed", e.mustHaveFailed());
        ArrayNode failed = s.putArray("failedMustHaves");
        e.failedMustHaves().forEach(failed::add);
        ArrayNode lines = s.putArray("lines");
        for (PrescreenScoring.Line l : e.lines()) {
            lines.addObject()
                    .put("qid", l.qid())
                    .put("weight", l.weight())
                    .put("answer", l.answer())
                    .put("passed", l.passed())
                    .put("points", l.points())
                    .put("why", l.why());
        }
        return s;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> result.add(v.asText()));
        }
        return result;
    }

    /** JSON read and written the protocol's way. */
    static final class Json {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = com.recruitdesk.protocol.Json.newMapper();

        private Json() {}

        static JsonNode read(String json) {
            try {
                return MAPPER.readTree(json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the database holds unreadable JSON", e);
            }
        }
    }
}
