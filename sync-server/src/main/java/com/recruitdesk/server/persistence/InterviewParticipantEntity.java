package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A user taking part in an interview: the interviewer's sync scope and the feedback's key. */
@Entity
@Table(name = "interview_participants")
class InterviewParticipantEntity extends SyncedRow {
    UUID organizationId;
    UUID interviewSessionId;
    UUID userId;
    /** lead (at most one per interview) or panelist. */
    String participantRole = "panelist";
}
