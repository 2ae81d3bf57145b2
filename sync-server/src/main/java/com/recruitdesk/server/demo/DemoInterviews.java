package com.recruitdesk.server.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.server.platform.db.Insert;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Interviews pane: interviews of the demo's applications, with and without scorecards, taken
 * by the two demo interviewers (the lead and a panelist).
 */
final class DemoInterviews extends DemoPart {
    private enum Feedback {
        NONE,
        BOTH,
        ONE_DRAFT,
        NEGATIVE
    }

    private record Session(UUID id, String interviewType, Instant createdAt, Instant endedAt, Insert row) {}

    DemoInterviews(DemoPart shared, List<DemoPipeline.Application> applications, UUID javaJob) {
        super(shared);
        int n = 0;
        for (DemoPipeline.Application a : applications) {
            switch (a.stage()) {
                case "interview" -> {
                    if (n % 3 == 0) {
                        // Done yesterday; the scorecards are not in yet.
                        session(a, n, "completed", ago(Duration.ofHours(26)), Feedback.NONE);
                    } else if (n % 3 == 1) {
                        session(a, n, "scheduled", now.plus(Duration.ofHours(20 + n)), Feedback.NONE);
                    } else {
                        // The first slot was missed; the second is tomorrow.
                        session(a, n, "no_show", ago(Duration.ofDays(3)), Feedback.NONE);
                        session(a, n + 100, "scheduled", now.plus(Duration.ofDays(1)), Feedback.NONE);
                    }
                }
                case "offer" ->
                    session(
                            a,
                            n,
                            "completed",
                            ago(Duration.ofDays(5)),
                            n % 2 == 0 ? Feedback.BOTH : Feedback.ONE_DRAFT);
                case "hired" -> session(a, n, "completed", ago(Duration.ofDays(12)), Feedback.BOTH);
                case "rejected" -> {
                    if (a.jobId().equals(javaJob)) {
                        session(a, n, "completed", ago(Duration.ofDays(8)), Feedback.NEGATIVE);
                    }
                }
                case "withdrawn" ->
                    session(a, n, "cancelled", ago(Duration.ofDays(2)), Feedback.NONE)
                            .row()
                            .set("cancellation_reason", "Candidate withdrew: accepted another offer");
                default -> {}
            }
            n++;
        }
    }

    private Session session(DemoPipeline.Application a, int n, String status, Instant at, Feedback feedback) {
        String type = List.of("technical", "behavioral", "panel", "cultural").get(n % 4);
        String mode = List.of("video", "in_person", "phone").get(n % 3);
        int duration = n % 2 == 0 ? 45 : 60;
        boolean completed = status.equals("completed");
        Instant startedAt = completed ? at.plus(minutes(2)) : null;
        Instant endedAt = completed ? startedAt.plus(minutes(duration + 5)) : null;
        Instant createdAt = at.minus(Duration.ofDays(3));
        Insert s = row("interview_sessions", "interview_session", a.id() + "/" + n, createdAt)
                .set("created_by_user_id", recruiterFor(n))
                .set("candidate_id", a.candidateId())
                .set("job_id", a.jobId())
                .set("application_id", a.id())
                .set("interview_type", type)
                .set("interview_mode", mode)
                .set("scheduled_at", at)
                .set("duration_minutes", duration)
                .set("timezone", "Africa/Johannesburg")
                .set("status", status)
                .set("preparation_notes", "Read the CV and the prescreening answers first.")
                .set(
                        "question_guide",
                        "1. Walk us through your last role. 2. A difficult customer or deadline. 3. Questions for us.")
                .set(
                        "meeting_link",
                        mode.equals("video")
                                ? "https://meet.recruitdesk.test/"
                                        + a.id().toString().substring(0, 8)
                                : null)
                .set("meeting_room", mode.equals("in_person") ? "Boardroom 2, 3rd floor" : null)
                .set("started_at", startedAt)
                .set("ended_at", endedAt)
                .set("actual_duration_minutes", completed ? duration + 5 : null)
                .set("meeting_notes", completed ? "Candidate was on time and well prepared." : null);
        if (!status.equals("cancelled")) {
            s.set(
                    "reminder_sent_at",
                    at.minus(Duration.ofHours(24)).isBefore(now) ? at.minus(Duration.ofHours(24)) : null);
        }
        Session session = new Session(idOf(s), type, createdAt, endedAt, s);
        participant(session, staff.interviewer(), "lead");
        participant(session, staff.interviewer2(), "panelist");
        switch (feedback) {
            case BOTH -> {
                feedback(session, staff.interviewer(), true, "strong_hire", "4.5");
                feedback(session, staff.interviewer2(), true, "hire", "4.0");
            }
            case ONE_DRAFT -> {
                feedback(session, staff.interviewer(), true, "hire", "4.0");
                feedback(session, staff.interviewer2(), false, "maybe", "3.0");
            }
            case NEGATIVE -> {
                feedback(session, staff.interviewer(), true, "no_hire", "2.0");
                feedback(session, staff.interviewer2(), true, "no_hire", "2.5");
            }
            case NONE -> {}
        }
        return session;
    }

    private void participant(Session s, UUID user, String role) {
        row("interview_participants", "interview_participant", s.id() + "/" + user, s.createdAt())
                .set("interview_session_id", s.id())
                .set("user_id", user)
                .set("participant_role", role);
    }

    private void feedback(Session s, UUID interviewer, boolean submitted, String recommendation, String rating) {
        BigDecimal overall = new BigDecimal(rating);
        BigDecimal communication = overall.add(new BigDecimal("0.5")).min(new BigDecimal("5.0"));
        ObjectNode skills = JsonNodeFactory.instance
                .objectNode()
                .put("communication", communication)
                .put("problem solving", overall);
        boolean positive = recommendation.endsWith("hire") && !recommendation.equals("no_hire");
        row(
                        "interview_feedback",
                        "interview_feedback",
                        s.id() + "/" + interviewer,
                        s.endedAt().plus(minutes(20)))
                .set("interview_session_id", s.id())
                .set("interviewer_user_id", interviewer)
                .set("overall_rating", overall)
                .set("recommendation", recommendation)
                .set("technical_skills_rating", overall)
                .set("communication_rating", communication)
                .set("problem_solving_rating", overall)
                .set(
                        "culture_fit_rating",
                        overall.subtract(new BigDecimal("0.5")).max(BigDecimal.ZERO))
                .json("skills_evaluated", skills)
                .json(
                        "questions_asked",
                        List.of("Walk us through your last role", "Tell us about a difficult customer"))
                .set("strengths", positive ? "Clear, confident, asks good questions." : "Friendly and punctual.")
                .set(
                        "weaknesses",
                        positive ? "Little experience with our tools." : "Could not explain the basics of the role.")
                .set("detailed_notes", "Scorecard from the " + s.interviewType() + " interview.")
                .set("requires_second_round", recommendation.equals("maybe"))
                .set("is_final", submitted)
                .set("submitted_at", submitted ? s.endedAt().plus(minutes(30)) : null);
    }
}
