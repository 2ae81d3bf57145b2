package com.recruitdesk.protocol.interviews;

import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Interviews feature's mutations and their argument records: scheduling (recruiters, managers,
 * administrators), running an interview (its panel too), scorecards and their amendments (their
 * author), and marking one's notifications read. Times are a wall-clock time with the time zone it
 * was chosen in ({@link InterviewRules#resolve}); values are checked by {@link InterviewRules} on
 * both sides.
 */
public final class InterviewMutations {
    private InterviewMutations() {}

    /**
     * What an interview is: for an application (its candidate and job follow) or for a candidate
     * alone, at {@code startsAt} (local date-time, {@code 2026-12-03T10:00}) in {@code timezone}
     * (an IANA zone such as {@code Africa/Johannesburg}), led by {@code leadInterviewerId} with
     * {@code panelistIds} beside them.
     */
    public record Details(
            String interviewType,
            String interviewMode,
            String startsAt,
            String timezone,
            Integer durationMinutes,
            UUID leadInterviewerId,
            List<UUID> panelistIds,
            String meetingLink,
            String meetingRoom,
            String preparationNotes,
            String questionGuide) {
        public Details {
            panelistIds = panelistIds == null ? List.of() : List.copyOf(panelistIds);
        }
    }

    /** A new interview under the id the client made ({@code interviewId}). */
    public record Schedule(UUID interviewId, UUID applicationId, UUID candidateId, UUID jobId, Details details) {}

    /** New time, panel, place or notes of an interview still to happen, made on {@code baseVersion}. */
    public record Reschedule(UUID interviewId, Details details, Long baseVersion) {}

    public record Cancel(UUID interviewId, String reason) {}

    /**
     * Starts ({@code in_progress}), ends ({@code completed}) or marks a {@code no_show}, at
     * {@code at} (null: now). Ending may give {@code startedAt} when the start was never recorded.
     */
    public record SetStatus(UUID interviewId, String status, String at, String startedAt) {}

    /**
     * A rating of one criterion (or one of the job's skills): 1–5 and an optional note. A rating left
     * out (null) is "not rated".
     */
    public record Rating(Integer rating, String note) {}

    /** One of the job's skills as rated in a scorecard. */
    public record SkillRating(String skill, Integer rating, String note) {}

    /**
     * The scorecard as its author fills it in (seed 003's InterviewFeedback): the four criteria of
     * {@link InterviewRules#CRITERIA} by name, the job's skills, the overall rating and the
     * recommendation (both needed to submit), the texts, the questions asked, and whether a second
     * round is needed.
     */
    public record Scorecard(
            Map<String, Rating> criteria,
            List<SkillRating> skills,
            Integer overallRating,
            String recommendation,
            String strengths,
            String weaknesses,
            String detailedNotes,
            List<String> questionsAsked,
            boolean requiresSecondRound,
            String followUpNotes) {
        public Scorecard {
            criteria = criteria == null ? Map.of() : Map.copyOf(criteria);
            skills = skills == null ? List.of() : List.copyOf(skills);
            questionsAsked = questionsAsked == null ? List.of() : List.copyOf(questionsAsked);
        }
    }

    /**
     * Submits the caller's scorecard for an interview, final at once: {@code feedbackId} is the id the
     * client made (or its own draft's, if the server holds one).
     */
    public record SubmitFeedback(UUID feedbackId, UUID interviewId, Scorecard scorecard) {}

    /**
     * Changes a submitted scorecard without altering it: {@code changes} maps fields of
     * {@link InterviewRules#AMENDABLE} to their new values (as text: "4", "hire", a note), and
     * {@code reason} says why.
     */
    public record AmendFeedback(UUID amendmentId, UUID feedbackId, Map<String, String> changes, String reason) {
        public AmendFeedback {
            changes = changes == null ? Map.of() : Map.copyOf(changes);
        }
    }

    public record MarkNotificationRead(UUID notificationId) {}

    public static final MutationType<Schedule> SCHEDULE = MutationType.of(
            "interview.schedule", Schedule.class, Feature.INTERVIEWS, "The interview was not scheduled");
    public static final MutationType<Reschedule> RESCHEDULE = MutationType.of(
            "interview.reschedule", Reschedule.class, Feature.INTERVIEWS, "The interview was not changed");
    public static final MutationType<Cancel> CANCEL =
            MutationType.of("interview.cancel", Cancel.class, Feature.INTERVIEWS, "The interview was not cancelled");
    public static final MutationType<SetStatus> SET_STATUS = MutationType.of(
            "interview.setStatus", SetStatus.class, Feature.INTERVIEWS, "The interview's status was not changed");
    public static final MutationType<SubmitFeedback> SUBMIT_FEEDBACK = MutationType.of(
            "feedback.submit", SubmitFeedback.class, Feature.INTERVIEWS, "Your scorecard was not submitted");
    public static final MutationType<AmendFeedback> AMEND_FEEDBACK =
            MutationType.of("feedback.amend", AmendFeedback.class, Feature.INTERVIEWS, "Your amendment was not saved");
    public static final MutationType<MarkNotificationRead> MARK_NOTIFICATION_READ = MutationType.of(
            "notification.markRead",
            MarkNotificationRead.class,
            Feature.INTERVIEWS,
            "The notification was not marked read");

    public static final List<MutationType<?>> ALL =
            List.of(SCHEDULE, RESCHEDULE, CANCEL, SET_STATUS, SUBMIT_FEEDBACK, AMEND_FEEDBACK, MARK_NOTIFICATION_READ);
}
