package com.recruitdesk.server.interviews;

import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What the messages, notifications and timeline entries about an interview say of it, read in one query. */
record Interview(
        UUID id,
        UUID organizationId,
        UUID applicationId,
        UUID candidateId,
        String candidateFirstName,
        String candidateName,
        String jobTitle,
        String type,
        String mode,
        Instant scheduledAt,
        int durationMinutes,
        String timezone,
        String status,
        String meetingLink,
        String meetingRoom) {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm", Locale.ENGLISH);

    static Optional<Interview> load(Connection c, UUID id) throws SQLException {
        return Sql.one(c, """
                select s.id, s.organization_id, s.application_id, s.candidate_id,
                       coalesce(p.first_name, split_part(coalesce(p.full_name, p.whatsapp_name, ''), ' ', 1)),
                       coalesce(p.full_name, p.whatsapp_name, p.email, 'the candidate'), j.title,
                       s.interview_type, s.interview_mode, s.scheduled_at, s.duration_minutes, s.timezone, s.status,
                       s.meeting_link, s.meeting_room
                  from interview_sessions s
                  join candidates p on p.id = s.candidate_id
                  left join jobs j on j.id = s.job_id
                 where s.id = ?
                """, Interview::read, id);
    }

    private static Interview read(ResultSet rs) throws SQLException {
        return new Interview(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getObject(10, java.time.OffsetDateTime.class).toInstant(),
                rs.getInt(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15));
    }

    /** The interview's panel, lead first. */
    List<UUID> panel(Connection c) throws SQLException {
        return Sql.list(
                c,
                "select user_id from interview_participants where interview_session_id = ?"
                        + " order by participant_role = 'lead' desc, created_at",
                rs -> rs.getObject(1, UUID.class),
                id);
    }

    ZoneId zone() {
        try {
            return timezone == null ? ZoneId.of("UTC") : InterviewRules.zone(timezone);
        } catch (InterviewRules.Problem e) {
            return ZoneId.of("UTC");
        }
    }

    /** "Thu 3 Dec 2026 at 10:00 (Africa/Johannesburg)", in the interview's own zone. */
    String when() {
        return WHEN.format(ZonedDateTime.ofInstant(scheduledAt, zone())) + " (" + zone().getId() + ")";
    }

    /** "technical interview for Warehouse supervisor", or without a job "technical interview". */
    String what() {
        return type + " interview" + (jobTitle == null ? "" : " for " + jobTitle);
    }

    /** Where: the link, the room, or how ("by phone"). */
    String where() {
        if (meetingLink != null) {
            return meetingLink;
        }
        if (meetingRoom != null) {
            return meetingRoom;
        }
        return switch (mode) {
            case "phone" -> "by phone";
            case "video" -> "by video call";
            case "ai" -> "online";
            default -> "in person";
        };
    }
}
