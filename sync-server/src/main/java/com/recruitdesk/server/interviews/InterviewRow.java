package com.recruitdesk.server.interviews;

import com.recruitdesk.server.platform.db.Insert;
import java.time.Instant;
import java.util.UUID;

/**
 * A new interview as the one writer of {@code interview_sessions} takes it: {@code interview.schedule}
 * and the demo (which sets the columns of interviews that already happened on the insert it gets).
 *
 * @param at when it was created; null for now
 */
public record InterviewRow(
        UUID id,
        UUID organizationId,
        UUID createdBy,
        UUID candidateId,
        UUID jobId,
        UUID applicationId,
        String interviewType,
        String interviewMode,
        Instant scheduledAt,
        int durationMinutes,
        String timezone,
        String meetingLink,
        String meetingRoom,
        String preparationNotes,
        String questionGuide,
        Instant at) {
    public Insert insert() {
        return Insert.into("interview_sessions")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("created_by_user_id", createdBy)
                .set("candidate_id", candidateId)
                .set("job_id", jobId)
                .set("application_id", applicationId)
                .set("interview_type", interviewType)
                .set("interview_mode", interviewMode)
                .set("scheduled_at", scheduledAt)
                .set("duration_minutes", durationMinutes)
                .set("timezone", timezone)
                .set("meeting_link", blankToNull(meetingLink))
                .set("meeting_room", blankToNull(meetingRoom))
                .set("preparation_notes", blankToNull(preparationNotes))
                .set("question_guide", blankToNull(questionGuide))
                .set("created_at", at)
                .set("updated_at", at);
    }

    /** A seat on the panel, the one writer of {@code interview_participants}: {@code lead} or {@code panelist}. */
    public static Insert seat(UUID id, UUID organizationId, UUID interviewId, UUID userId, String role, Instant at) {
        return Insert.into("interview_participants")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("interview_session_id", interviewId)
                .set("user_id", userId)
                .set("participant_role", role)
                .set("created_at", at)
                .set("updated_at", at);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
