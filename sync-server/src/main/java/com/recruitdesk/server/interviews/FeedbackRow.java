package com.recruitdesk.server.interviews;

import com.recruitdesk.protocol.interviews.InterviewMutations.Rating;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import com.recruitdesk.protocol.interviews.InterviewMutations.SkillRating;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scorecard as the one writer of {@code interview_feedback} takes it: {@code feedback.submit} and the
 * demo. The four criteria go to their rating columns and their notes to {@code rating_notes}; the
 * job's skills to {@code skills_evaluated} as {@code [{skill, rating, note}]}.
 *
 * @param submittedAt null for a draft (only the demo writes drafts)
 * @param at when it was created; null for now
 */
public record FeedbackRow(
        UUID id,
        UUID organizationId,
        UUID interviewId,
        UUID interviewerId,
        String interviewerName,
        Scorecard scorecard,
        Instant submittedAt,
        Instant at) {
    /** Each criterion's rating column. */
    static final Map<String, String> RATING_COLUMNS = Map.of(
            "technical_skills", "technical_skills_rating",
            "communication", "communication_rating",
            "problem_solving", "problem_solving_rating",
            "culture_fit", "culture_fit_rating");

    public Insert insert() {
        Insert insert = Insert.into("interview_feedback")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("interview_session_id", interviewId)
                .set("interviewer_user_id", interviewerId)
                .set("created_at", at)
                .set("updated_at", at);
        scorecardColumns().forEach(insert::set);
        return insert;
    }

    /** Writes the scorecard over the draft row {@code draft} of the same interview and interviewer. */
    void overwrite(Connection c, UUID draft) throws SQLException {
        Map<String, Object> columns = scorecardColumns();
        List<Object> params = new ArrayList<>(columns.values());
        params.add(draft);
        Sql.update(
                c,
                "update interview_feedback set "
                        + String.join(
                                ", ",
                                columns.keySet().stream().map(k -> k + " = ?").toList())
                        + " where id = ?",
                params.toArray());
    }

    /** Every column the scorecard sets, null where it leaves one empty. */
    private Map<String, Object> scorecardColumns() {
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (var c : RATING_COLUMNS.entrySet()) {
            Rating r = scorecard.criteria().get(c.getKey());
            v.put(c.getValue(), r == null || r.rating() == null ? null : BigDecimal.valueOf(r.rating()));
            if (r != null && InterviewRow.blankToNull(r.note()) != null) {
                notes.put(c.getKey(), r.note().strip());
            }
        }
        List<Map<String, Object>> skills = new ArrayList<>();
        for (SkillRating s : scorecard.skills()) {
            Map<String, Object> skill = new LinkedHashMap<>();
            skill.put("skill", s.skill().strip());
            skill.put("rating", s.rating());
            skill.put("note", InterviewRow.blankToNull(s.note()));
            skills.add(skill);
        }
        v.put("interviewer_name", interviewerName);
        v.put(
                "overall_rating",
                scorecard.overallRating() == null ? null : BigDecimal.valueOf(scorecard.overallRating()));
        v.put("recommendation", scorecard.recommendation());
        v.put("rating_notes", Sql.jsonb(notes));
        v.put("skills_evaluated", Sql.jsonb(skills));
        v.put("strengths", InterviewRow.blankToNull(scorecard.strengths()));
        v.put("weaknesses", InterviewRow.blankToNull(scorecard.weaknesses()));
        v.put("detailed_notes", InterviewRow.blankToNull(scorecard.detailedNotes()));
        v.put(
                "questions_asked",
                Sql.jsonb(scorecard.questionsAsked().stream()
                        .map(String::strip)
                        .filter(q -> !q.isEmpty())
                        .toList()));
        v.put("requires_second_round", scorecard.requiresSecondRound());
        v.put("follow_up_notes", InterviewRow.blankToNull(scorecard.followUpNotes()));
        v.put("is_final", submittedAt != null);
        v.put("submitted_at", submittedAt);
        return v;
    }
}
