package com.recruitdesk.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.interviews.InterviewMutations.Rating;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import com.recruitdesk.protocol.interviews.InterviewMutations.SkillRating;
import com.recruitdesk.server.interviews.FeedbackRow;
import com.recruitdesk.server.interviews.InterviewRow;
import com.recruitdesk.server.interviews.Notifications;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.whatsapp.MessageTemplates;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Interviews pane: interviews of the demo's applications, with and without scorecards, taken by
 * the two demo interviewers (the lead and a panelist), one panel with the manager on it; the
 * candidate message templates the feature sends outside the 24-hour window; and the notifications a
 * running server would have written. Reminders and scorecard requests that would be due at once are
 * marked done, so the loaded demo does not change by itself in its first minutes.
 */
final class DemoInterviews extends DemoPart {
    static final ZoneId ZONE = ZoneId.of("Africa/Johannesburg");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);
    private static final String INTERVIEWER = DemoUsers.nameOf("interviewer@demo.test");
    private static final String INTERVIEWER2 = DemoUsers.nameOf("interviewer2@demo.test");
    private static final String MANAGER = DemoUsers.nameOf("manager@demo.test");

    private enum Feedback {
        NONE,
        BOTH,
        ONE_DRAFT,
        NEGATIVE,
        /** The lead's is missing, the panelist's and the manager's are in: "submit yours to see 2 others". */
        OTHERS_IN
    }

    /** @param skills the job's skills the scorecards rate (the Java job's; others none) */
    private record Session(
            UUID id,
            String interviewType,
            Instant createdAt,
            Instant endedAt,
            List<UUID> panel,
            Insert row,
            List<String> skills) {}

    /** The message templates of each number, named as the feature looks them up. */
    private static final Map<String, String> TEMPLATES = Map.of(
            "interview_scheduled",
            "Hi {{1}}, your interview for {{2}} is booked for {{3}}, {{4}}. Reply YES to confirm.",
            "interview_rescheduled",
            "Hi {{1}}, your interview for {{2}} has moved to {{3}}, {{4}}. Reply YES if the new time suits you.",
            "interview_cancelled",
            "Hi {{1}}, your interview for {{2}} on {{3}} is cancelled. We will be in touch.",
            // The Cohorts feature's: a student's upload link (CohortRules.LINK_TEMPLATE).
            "cohort_upload_link",
            "Hi {{1}}, please upload your documents for {{2}} on this page: {{3}} Reply here if you need help.");

    private final UUID javaJob;
    private int upcoming;

    DemoInterviews(DemoPart shared, List<DemoPipeline.Application> applications, UUID javaJob, List<UUID> numbers) {
        super(shared);
        this.javaJob = javaJob;
        for (UUID number : numbers) {
            TEMPLATES.forEach((name, body) -> template(number, name, body));
        }
        int n = 0;
        boolean othersIn = false;
        for (DemoPipeline.Application a : applications) {
            switch (a.stage()) {
                case "interview" -> {
                    if (n % 3 == 0) {
                        // Done yesterday; the scorecards are not in yet (on the first panel, only the lead's).
                        session(
                                a,
                                n,
                                "completed",
                                ago(Duration.ofHours(26)),
                                othersIn ? Feedback.NONE : Feedback.OTHERS_IN);
                        othersIn = true;
                    } else if (n % 3 == 1) {
                        session(a, n, "scheduled", nextSlot(), Feedback.NONE);
                    } else {
                        // The first slot was missed; the second is coming.
                        session(a, n, "no_show", ago(Duration.ofDays(3)), Feedback.NONE);
                        session(a, n + 100, "scheduled", nextSlot(), Feedback.NONE);
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

    /** The next interview to come: in three hours, then on the following days at 10:00 or 14:30, office time. */
    private Instant nextSlot() {
        int k = upcoming++;
        if (k == 0) {
            return now.plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        }
        LocalDate day = LocalDate.ofInstant(now, ZONE).plusDays((k + 1) / 2);
        return day.atTime(k % 2 == 1 ? LocalTime.of(10, 0) : LocalTime.of(14, 30))
                .atZone(ZONE)
                .toInstant();
    }

    private void template(UUID number, String name, String body) {
        JsonNode components;
        try {
            components = JSON.readTree("[{\"type\": \"BODY\", \"text\": \"" + body + "\"}]");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        UUID id = id("template", number + "/" + name);
        Instant at = ago(Duration.ofDays(90));
        write(c ->
                MessageTemplates.insertOwn(c, id, org, number, name, "en_US", "utility", "approved", components, at));
    }

    private Session session(DemoPipeline.Application a, int n, String status, Instant at, Feedback feedback) {
        String type = List.of("technical", "behavioral", "panel", "cultural").get(n % 4);
        String mode = List.of("video", "in_person", "phone").get(n % 3);
        int duration = n % 2 == 0 ? 45 : 60;
        boolean completed = status.equals("completed");
        Instant startedAt = completed ? at.plus(minutes(2)) : null;
        Instant endedAt = completed ? startedAt.plus(minutes(duration + 5)) : null;
        Instant createdAt = at.minus(Duration.ofDays(3));
        UUID id = id("interview_session", a.id() + "/" + n);
        Insert s = new InterviewRow(
                        id,
                        org,
                        recruiterFor(n),
                        a.candidateId(),
                        a.jobId(),
                        a.id(),
                        type,
                        mode,
                        at,
                        duration,
                        ZONE.getId(),
                        mode.equals("video")
                                ? "https://meet.recruitdesk.test/"
                                        + a.id().toString().substring(0, 8)
                                : null,
                        mode.equals("in_person") ? "Boardroom 2, 3rd floor" : null,
                        "Read the CV and the prescreening answers first.",
                        "1. Walk us through your last role. 2. A difficult customer or deadline. 3. Questions for us.",
                        createdAt)
                .insert()
                .set("status", status)
                .set("started_at", startedAt)
                .set("ended_at", endedAt)
                .set("actual_duration_minutes", completed ? duration + 5 : null)
                .set("meeting_notes", completed ? "Candidate was on time and well prepared." : null)
                .orSkipExistingId();
        write(s::execute);
        if (!status.equals("cancelled")) {
            // What the reminder task did (or, for one within a day, what it would do at once).
            s.set(
                    "reminder_sent_at",
                    at.minus(Duration.ofHours(24)).isBefore(now) ? at.minus(Duration.ofHours(24)) : null);
        }
        List<UUID> panel = new ArrayList<>(List.of(staff.interviewer(), staff.interviewer2()));
        if (feedback == Feedback.OTHERS_IN) {
            panel.add(staff.manager());
        }
        Session session = new Session(
                id, type, createdAt, endedAt, panel, s, a.jobId().equals(javaJob) ? List.of("Java", "SQL") : List.of());
        for (UUID user : panel) {
            Insert seat = InterviewRow.seat(
                            id("interview_participant", id + "/" + user),
                            org,
                            id,
                            user,
                            user.equals(staff.interviewer()) ? "lead" : "panelist",
                            createdAt)
                    .orSkipExistingId();
            write(seat::execute);
            if (completed && !submits(feedback, user)) {
                requested(session, seat, user, a);
            }
        }
        switch (feedback) {
            case BOTH -> {
                feedback(session, staff.interviewer(), INTERVIEWER, true, "strong_hire", 5);
                feedback(session, staff.interviewer2(), INTERVIEWER2, true, "hire", 4);
            }
            case ONE_DRAFT -> {
                feedback(session, staff.interviewer(), INTERVIEWER, true, "hire", 4);
                feedback(session, staff.interviewer2(), INTERVIEWER2, false, "maybe", 3);
            }
            case NEGATIVE -> {
                feedback(session, staff.interviewer(), INTERVIEWER, true, "no_hire", 2);
                feedback(session, staff.interviewer2(), INTERVIEWER2, true, "no_hire", 2);
            }
            case OTHERS_IN -> {
                feedback(session, staff.interviewer2(), INTERVIEWER2, true, "hire", 4);
                managerDoubts(session);
            }
            case NONE -> {}
        }
        if (status.equals("scheduled")) {
            for (UUID user : panel) {
                write(Notifications.aboutInterview(
                                id("notification", id + "/scheduled/" + user),
                                org,
                                user,
                                id,
                                "Interview scheduled",
                                "A " + type + " interview, " + WHEN.format(at.atZone(ZONE)) + " (" + ZONE.getId()
                                        + ").",
                                "normal",
                                createdAt)
                        .orSkipExistingId()::execute);
            }
        }
        return session;
    }

    /** Whether {@code user} has submitted a scorecard in this case (a draft is not one). */
    private boolean submits(Feedback f, UUID user) {
        return switch (f) {
            case NONE -> false;
            case OTHERS_IN -> !user.equals(staff.interviewer());
            case ONE_DRAFT -> !user.equals(staff.interviewer2());
            default -> true;
        };
    }

    /** The request for a missing scorecard the feedback task would write, and its mark on the seat. */
    private void requested(Session s, Insert seat, UUID user, DemoPipeline.Application a) {
        Instant at = s.endedAt().plus(Duration.ofHours(24));
        if (at.isAfter(now)) {
            at = now.minus(minutes(5)); // due as the demo loads: asked already
        }
        seat.set("feedback_requested_at", at);
        write(Notifications.aboutInterview(
                        id("notification", s.id() + "/requested/" + user),
                        org,
                        user,
                        s.id(),
                        "Scorecard requested",
                        "The " + s.interviewType() + " interview ended; your scorecard is not in yet.",
                        "high",
                        at)
                .orSkipExistingId()::execute);
    }

    /** The manager on the panel sees it otherwise: agrees on how they talk and think, not on the technical side. */
    private void managerDoubts(Session s) {
        Scorecard card = new Scorecard(
                Map.of(
                        "technical_skills", new Rating(2, "Could not write the join without help."),
                        "communication", new Rating(5, "Very clear."),
                        "problem_solving", new Rating(4, null)),
                List.of(new SkillRating("Java", 2, "Basics only")),
                2,
                "no_hire",
                "Easy to talk to; thinks aloud.",
                "Not yet at the level of the role.",
                "Would like them back in a year.",
                List.of("Write a join of orders and customers"),
                false,
                null);
        write(feedbackRow(s, staff.manager(), MANAGER, card, true)::execute);
    }

    private Insert feedbackRow(Session s, UUID interviewer, String name, Scorecard card, boolean submitted) {
        return new FeedbackRow(
                        id("interview_feedback", s.id() + "/" + interviewer),
                        org,
                        s.id(),
                        interviewer,
                        name,
                        card,
                        submitted ? s.endedAt().plus(minutes(30)) : null,
                        s.endedAt().plus(minutes(20)))
                .insert()
                .orSkipExistingId();
    }

    private void feedback(
            Session s, UUID interviewer, String name, boolean submitted, String recommendation, int rating) {
        int communication = Math.min(5, rating + 1);
        boolean positive = recommendation.endsWith("hire") && !recommendation.equals("no_hire");
        Map<String, Rating> criteria = new java.util.LinkedHashMap<>();
        criteria.put(
                "technical_skills",
                new Rating(rating, positive ? "Knows the basics well." : "Struggled with the basics."));
        criteria.put("communication", new Rating(communication, "Clear and friendly."));
        criteria.put("problem_solving", new Rating(rating, null));
        if (s.skills().isEmpty()) {
            // The Java job's panels leave culture fit to the team's own round.
            criteria.put("culture_fit", new Rating(Math.max(1, rating - 1), null));
        }
        Scorecard card = new Scorecard(
                criteria,
                s.skills().stream()
                        .map(k -> new SkillRating(k, k.equals("SQL") ? Math.max(1, rating - 1) : rating, null))
                        .toList(),
                rating,
                recommendation,
                positive ? "Clear, confident, asks good questions." : "Friendly and punctual.",
                positive ? "Little experience with our tools." : "Could not explain the basics of the role.",
                "Scorecard from the " + s.interviewType() + " interview.",
                List.of("Walk us through your last role", "Tell us about a difficult customer"),
                recommendation.equals("maybe"),
                recommendation.equals("maybe") ? "A second round with the team lead." : null);
        Insert row = feedbackRow(s, interviewer, name, card, submitted);
        write(row::execute);
    }
}
