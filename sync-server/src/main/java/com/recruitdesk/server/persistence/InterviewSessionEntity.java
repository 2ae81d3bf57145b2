package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A scheduled interview (003 InterviewSession); who takes part is in {@link InterviewParticipantEntity}. */
@Entity
@Table(name = "interview_sessions")
class InterviewSessionEntity extends SyncedRow {
    UUID organizationId;
    UUID createdByUserId;
    UUID candidateId;
    UUID jobId;
    UUID applicationId;
    /** technical, behavioral, cultural or panel. */
    String interviewType;
    /** video, phone, in_person or ai. */
    String interviewMode;

    Instant scheduledAt;
    int durationMinutes = 60;
    String timezone;
    /** scheduled, in_progress, completed, cancelled or no_show. */
    String status = "scheduled";

    Instant startedAt;
    Instant endedAt;
    Integer actualDurationMinutes;
    String preparationNotes;
    String questionGuide;
    String meetingLink;
    String meetingRoom;
    String meetingNotes;
    String cancellationReason;
    Instant reminderSentAt;
}
