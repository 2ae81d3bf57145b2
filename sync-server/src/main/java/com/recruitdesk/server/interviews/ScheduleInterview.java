package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Schedules an interview for an application (its candidate and job) or a candidate: the panel is
 * seated and notified, the candidate told on WhatsApp, the application's timeline and the activity
 * log say so. A clash with another interview of the panel is the desktop's warning, not a refusal:
 * the recruiter may mean it.
 */
final class ScheduleInterview implements Mutator<InterviewMutations.Schedule> {
    /** A start this far in the past is still accepted: a form filled in slowly. */
    static final Duration PAST_SLACK = Duration.ofMinutes(10);

    @Override
    public MutationType<InterviewMutations.Schedule> type() {
        return InterviewMutations.SCHEDULE;
    }

    @Override
    public Access<InterviewMutations.Schedule> access() {
        return Scheduling.staff();
    }

    @Override
    public void apply(MutationContext ctx, InterviewMutations.Schedule args) throws SQLException {
        if (args.interviewId() == null) {
            throw Rejection.invalid("A new interview needs the id the client made for it (interviewId).");
        }
        InterviewMutations.Details d = args.details();
        Scheduling.check(() -> InterviewRules.checkDetails(d));
        Instant at = Scheduling.check(() -> InterviewRules.resolve(d.startsAt(), d.timezone()));
        if (at.isBefore(ctx.now().minus(PAST_SLACK))) {
            throw Rejection.invalid("The interview would start in the past (" + at + ").");
        }
        UUID candidate = args.candidateId();
        UUID job = args.jobId();
        if (args.applicationId() != null) {
            ObjectNode application = Rows.require(ctx, "applications", args.applicationId(), "The application");
            UUID ofApplication =
                    UUID.fromString(application.path("candidate_id").asText());
            if (candidate != null && !candidate.equals(ofApplication)) {
                throw Rejection.invalid("The application is another candidate's.");
            }
            candidate = ofApplication;
            String jobOf = application.path("job_id").asText(null);
            if (job != null && !job.toString().equals(jobOf)) {
                throw Rejection.invalid("The application is for another job.");
            }
            job = jobOf == null ? null : UUID.fromString(jobOf);
        } else {
            Rows.require(ctx, "candidates", candidate, "The candidate");
            if (job != null) {
                Rows.require(ctx, "jobs", job, "The job");
            }
        }
        Panel panel = Panel.of(ctx, d);
        if (Rows.exists(ctx, "select 1 from interview_sessions where id = ?", args.interviewId())) {
            throw Rejection.invalid("An interview with this id exists already.");
        }
        new InterviewRow(
                        args.interviewId(),
                        ctx.organizationId(),
                        ctx.userId(),
                        candidate,
                        job,
                        args.applicationId(),
                        d.interviewType(),
                        d.interviewMode(),
                        at,
                        InterviewRules.duration(d.durationMinutes()),
                        InterviewRules.zone(d.timezone()).getId(),
                        d.meetingLink(),
                        d.meetingRoom(),
                        d.preparationNotes(),
                        d.questionGuide(),
                        null)
                .insert()
                .execute(ctx.connection());
        panel.seat(ctx, args.interviewId());
        InterviewTasks.invitationSent(ctx.connection(), args.interviewId(), ctx.now());
        Interview interview =
                Interview.load(ctx.connection(), args.interviewId()).orElseThrow();
        Notifications.aboutInterview(
                ctx.connection(),
                ctx.organizationId(),
                panel.everyone(),
                interview.id(),
                "Interview scheduled: " + interview.candidateName(),
                InterviewRules.label(interview.what()) + ", " + interview.when() + ", " + interview.where() + ".",
                "normal");
        CandidateMessages.Outcome told = new CandidateMessages(ctx.connection(), ctx.mapper())
                .tell(interview, CandidateMessages.Event.SCHEDULED, ctx.userId(), ctx.now());
        ObjectNode details = ctx.mapper().createObjectNode();
        details.put("scheduledAt", at.toString())
                .put("timezone", interview.zone().getId());
        details.set("candidateMessage", told.json(ctx.mapper()));
        History.record(
                ctx,
                interview,
                null,
                "scheduled",
                "Scheduled a " + interview.what() + " on " + interview.when(),
                details);
    }
}
