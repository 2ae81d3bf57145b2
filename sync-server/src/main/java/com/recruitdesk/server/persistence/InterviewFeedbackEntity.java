package com.recruitdesk.server.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One interviewer's scorecard for one interview (003 InterviewFeedback); ratings 0 to 5. */
@Entity
@Table(name = "interview_feedback")
class InterviewFeedbackEntity extends SyncedRow {
    UUID organizationId;
    UUID interviewSessionId;
    /** Must be a participant of the interview (a composite foreign key checks it). */
    UUID interviewerUserId;

    BigDecimal overallRating;
    /** strong_hire, hire, maybe or no_hire. */
    String recommendation;

    BigDecimal technicalSkillsRating;
    BigDecimal communicationRating;
    BigDecimal problemSolvingRating;
    BigDecimal cultureFitRating;

    /** A skill to rating object, or an array. */
    @JdbcTypeCode(SqlTypes.JSON)
    JsonNode skillsEvaluated = JsonNodeFactory.instance.objectNode();

    String strengths;
    String weaknesses;
    String detailedNotes;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> questionsAsked = new ArrayList<>();

    boolean requiresSecondRound;
    String followUpNotes;
    Instant submittedAt;
    /** A final scorecard has submittedAt, recommendation and overallRating. */
    boolean isFinal;
}
