package com.recruitdesk.app.interviews.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.protocol.sync.Entities;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The scorecards this computer holds (an interviewer's own, and others' once unsealed), with their amendments. */
public final class Scorecards {
    private final LocalStore store;

    public Scorecards(LocalStore store) {
        this.store = store;
    }

    /** {@code me}'s scorecard for an interview: a draft the server holds, or the submitted one. */
    public Optional<FeedbackItem> mine(UUID interview, UUID me) {
        return read(
                        "select data, pending from current where entity = ? and parent = ?"
                                + " and json_extract(data, '$.interviewerUserId') = ?",
                        List.of(Entities.INTERVIEW_FEEDBACK, interview.toString(), me.toString()))
                .stream()
                .findFirst();
    }

    /** The submitted scorecards for a candidate and job, every round, in the order they came. */
    public List<FeedbackItem> submittedFor(UUID candidate, UUID job) {
        List<Object> params = new ArrayList<>(List.of(Entities.INTERVIEW_FEEDBACK, candidate.toString()));
        String sql = "select data, pending from current where entity = ? and json_extract(data, '$.candidateId') = ?"
                + " and json_extract(data, '$.isFinal')";
        if (job == null) {
            sql += " and json_extract(data, '$.jobId') is null";
        } else {
            sql += " and json_extract(data, '$.jobId') = ?";
            params.add(job.toString());
        }
        return read(sql + " order by sort_key", params);
    }

    /** An application (a candidate for a job) with submitted scorecards. */
    public record Subject(UUID candidateId, UUID jobId, String candidateName, String jobTitle, int scorecards) {
        @Override
        public String toString() {
            return candidateName + (jobTitle == null ? "" : " — " + jobTitle);
        }
    }

    /** Every candidate and job with submitted scorecards, the latest scorecard first. */
    public List<Subject> subjects() {
        return store.query(
                """
                select json_extract(f.data, '$.candidateId') as c, json_extract(f.data, '$.jobId') as j, p.data,
                       json_extract(jb.data, '$.title'), count(*), max(f.sort_key)
                  from current f
                  left join current p on p.entity = ? and p.id = json_extract(f.data, '$.candidateId')
                  left join current jb on jb.entity = ? and jb.id = json_extract(f.data, '$.jobId')
                 where f.entity = ? and json_extract(f.data, '$.isFinal')
                 group by c, j order by max(f.sort_key) desc
                """,
                List.of(Entities.CANDIDATE, Entities.JOB, Entities.INTERVIEW_FEEDBACK),
                rs -> new Subject(
                        UUID.fromString(rs.getString(1)),
                        rs.getString(2) == null ? null : UUID.fromString(rs.getString(2)),
                        rs.getString(3) == null ? "A candidate" : Schedule.name(store.parse(rs.getString(3))),
                        rs.getString(4),
                        rs.getInt(5)));
    }

    /** Side by side, every submitted scorecard of {@code subject} with the job's skills. */
    public WhoSaidWhat compare(Subject subject) {
        List<String> jobSkills = subject.jobId() == null
                ? List.of()
                : store.row(Entities.JOB, subject.jobId())
                        .map(j -> Kit.texts(j.path("requiredSkills")))
                        .orElse(List.of());
        return WhoSaidWhat.of(submittedFor(subject.candidateId(), subject.jobId()), jobSkills);
    }

    private List<FeedbackItem> read(String sql, List<Object> params) {
        List<ObjectNode> rows = store.query(sql, params, rs -> {
            ObjectNode row = store.parse(rs.getString(1));
            row.put("__pending", rs.getInt(2) != 0);
            return row;
        });
        Map<UUID, List<FeedbackItem.Amendment>> amendments =
                amendments(rows.stream().map(r -> RowValues.uuid(r, "id")).toList());
        return rows.stream()
                .map(r -> item(r, amendments.getOrDefault(RowValues.uuid(r, "id"), List.of())))
                .toList();
    }

    private Map<UUID, List<FeedbackItem.Amendment>> amendments(List<UUID> feedback) {
        Map<UUID, List<FeedbackItem.Amendment>> out = new HashMap<>();
        if (feedback.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>();
        params.add(Entities.INTERVIEW_FEEDBACK_AMENDMENT);
        feedback.forEach(f -> params.add(f.toString()));
        store.query(
                "select parent, data, pending from current where entity = ? and parent in ("
                        + String.join(",", feedback.stream().map(f -> "?").toList()) + ") order by sort_key, id",
                params,
                rs -> {
                    ObjectNode a = store.parse(rs.getString(2));
                    Map<String, FeedbackItem.Change> changes = new LinkedHashMap<>();
                    a.path("changes")
                            .properties()
                            .forEach(c -> changes.put(
                                    c.getKey(),
                                    new FeedbackItem.Change(
                                            text(c.getValue().path("from")),
                                            text(c.getValue().path("to")))));
                    return out.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>())
                            .add(new FeedbackItem.Amendment(
                                    RowValues.uuid(a, "id"),
                                    RowValues.instant(a, "createdAt"),
                                    rs.getInt(3) != 0,
                                    changes,
                                    RowValues.text(a, "reason")));
                });
        return out;
    }

    private static FeedbackItem item(ObjectNode f, List<FeedbackItem.Amendment> amendments) {
        Map<String, Double> criteria = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (String c : InterviewRules.CRITERIA.keySet()) {
            Double r = RowValues.number(f, camel(c) + "Rating");
            if (r != null) {
                criteria.put(c, r);
            }
            String note = RowValues.text(f.path("ratingNotes"), c);
            if (note != null) {
                notes.put(c, note);
            }
        }
        List<FeedbackItem.SkillScore> skills = new ArrayList<>();
        JsonNode evaluated = f.path("skillsEvaluated");
        if (evaluated.isArray()) {
            evaluated.forEach(s -> skills.add(new FeedbackItem.SkillScore(
                    RowValues.text(s, "skill"), RowValues.number(s, "rating"), RowValues.text(s, "note"))));
        } else if (evaluated.isObject()) {
            // The shape written before scorecards had notes: {"skill": rating}.
            evaluated
                    .properties()
                    .forEach(s -> skills.add(new FeedbackItem.SkillScore(
                            s.getKey(), s.getValue().isNumber() ? s.getValue().asDouble() : null, null)));
        }
        List<String> questions = new ArrayList<>();
        f.path("questionsAsked").forEach(q -> questions.add(q.asText()));
        return new FeedbackItem(
                RowValues.uuid(f, "id"),
                RowValues.uuid(f, "interviewSessionId"),
                RowValues.uuid(f, "candidateId"),
                RowValues.uuid(f, "jobId"),
                RowValues.uuid(f, "interviewerUserId"),
                RowValues.text(f, "interviewerName"),
                f.path("isFinal").asBoolean(),
                RowValues.instant(f, "submittedAt"),
                f.path("__pending").asBoolean(),
                criteria,
                notes,
                skills,
                RowValues.number(f, "overallRating"),
                RowValues.text(f, "recommendation"),
                RowValues.text(f, "strengths"),
                RowValues.text(f, "weaknesses"),
                RowValues.text(f, "detailedNotes"),
                questions,
                f.path("requiresSecondRound").asBoolean(),
                RowValues.text(f, "followUpNotes"),
                amendments);
    }

    /** "technical_skills" → "technicalSkills", the rows' field names. */
    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            return FeedbackItem.rating(v.asDouble());
        }
        return v.asText();
    }
}
