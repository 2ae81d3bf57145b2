package com.recruitdesk.app.interviews.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.LocalStore.Optimistic;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.interviews.InterviewMutations.Details;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pane's changes as named mutations, each with the optimistic rows that show it at once; the
 * rules of {@link InterviewRules} are checked first, so what the server would refuse is said before
 * anything is queued (as a {@link InterviewRules.Problem}). Every method writes to the outbox on
 * disk: call them off the FX thread.
 */
public final class InterviewCommands {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final LocalStore store;
    private final Submitter submitter;
    private final Drafts drafts;
    private final UUID me;
    private final Clock clock;

    public InterviewCommands(LocalStore store, Submitter submitter, UUID me, Clock clock) {
        this.store = store;
        this.submitter = submitter;
        this.drafts = new Drafts(store);
        this.me = me;
        this.clock = clock;
    }

    public Drafts drafts() {
        return drafts;
    }

    /** Schedules an interview for {@code opening}; returns the new interview's id. */
    public UUID schedule(Directory.Opening opening, Details d) {
        InterviewRules.checkDetails(d);
        Instant at = InterviewRules.resolve(d.startsAt(), d.timezone());
        UUID id = UUID.randomUUID();
        ObjectNode row = details(JSON.objectNode(), d, at)
                .put("id", id.toString())
                .put("candidateId", opening.candidateId().toString())
                .put("applicationId", opening.applicationId().toString())
                .put("status", "scheduled")
                .put("feedbackSubmittedCount", 0)
                .put("createdByUserId", me.toString())
                .put("createdAt", RowValues.format(clock.instant()));
        if (opening.jobId() != null) {
            row.put("jobId", opening.jobId().toString());
        }
        List<Optimistic> rows = new ArrayList<>(List.of(new Optimistic(Entities.INTERVIEW_SESSION, id, row)));
        rows.addAll(seats(id, d));
        submitter.submit(
                InterviewMutations.SCHEDULE,
                new InterviewMutations.Schedule(id, opening.applicationId(), null, null, d),
                rows);
        return id;
    }

    public void reschedule(InterviewItem interview, Details d) {
        InterviewRules.checkDetails(d);
        Instant at = InterviewRules.resolve(d.startsAt(), d.timezone());
        ObjectNode row = details(current(interview), d, at);
        List<Optimistic> rows =
                new ArrayList<>(List.of(new Optimistic(Entities.INTERVIEW_SESSION, interview.id(), row)));
        submitter.submit(
                InterviewMutations.RESCHEDULE,
                new InterviewMutations.Reschedule(interview.id(), d, interview.version()),
                rows);
    }

    public void cancel(InterviewItem interview, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InterviewRules.Problem("Say why the interview is cancelled.");
        }
        ObjectNode row = current(interview).put("status", "cancelled").put("cancellationReason", reason.strip());
        submitter.submit(
                InterviewMutations.CANCEL,
                new InterviewMutations.Cancel(interview.id(), reason.strip()),
                List.of(new Optimistic(Entities.INTERVIEW_SESSION, interview.id(), row)));
    }

    /** Starts, ends or marks a no-show, now. */
    public void setStatus(InterviewItem interview, String status) {
        if (!InterviewRules.canMove(interview.status(), status)) {
            throw new InterviewRules.Problem("The interview is "
                    + InterviewRules.label(interview.status()).toLowerCase() + "; it cannot become "
                    + InterviewRules.label(status).toLowerCase() + ".");
        }
        Instant now = clock.instant();
        ObjectNode row = current(interview).put("status", status);
        String startedAt = null;
        if (status.equals("in_progress")) {
            row.put("startedAt", RowValues.format(now));
        } else if (status.equals("completed")) {
            Instant started = interview.startedAt() != null ? interview.startedAt() : interview.scheduledAt();
            if (started.isAfter(now)) {
                started = now;
            }
            startedAt = interview.startedAt() == null ? RowValues.format(started) : null;
            row.put("startedAt", RowValues.format(started))
                    .put("endedAt", RowValues.format(now))
                    .put(
                            "actualDurationMinutes",
                            java.time.Duration.between(started, now)
                                    .plusSeconds(30)
                                    .toMinutes());
        }
        submitter.submit(
                InterviewMutations.SET_STATUS,
                new InterviewMutations.SetStatus(interview.id(), status, RowValues.format(now), startedAt),
                List.of(new Optimistic(Entities.INTERVIEW_SESSION, interview.id(), row)));
    }

    /**
     * Submits the draft of {@code interview} as {@code myName}'s scorecard; the draft is kept, marked
     * as submitted by the returned mutation, until the server has the scorecard.
     */
    public UUID submit(InterviewItem interview, Drafts.Draft draft, String myName) {
        Scorecard card = draft.scorecard();
        InterviewRules.checkScorecard(card);
        Instant now = clock.instant();
        ObjectNode row = JSON.objectNode()
                .put("id", draft.feedbackId().toString())
                .put("interviewSessionId", interview.id().toString())
                .put("candidateId", interview.candidateId().toString())
                .put("interviewerUserId", me.toString())
                .put("interviewerName", myName)
                .put("isFinal", true)
                .put("submittedAt", RowValues.format(now))
                .put("createdAt", RowValues.format(now))
                .put("overallRating", card.overallRating())
                .put("recommendation", card.recommendation())
                .put("strengths", card.strengths())
                .put("weaknesses", card.weaknesses())
                .put("detailedNotes", card.detailedNotes())
                .put("requiresSecondRound", card.requiresSecondRound())
                .put("followUpNotes", card.followUpNotes());
        if (interview.jobId() != null) {
            row.put("jobId", interview.jobId().toString());
        }
        ObjectNode notes = row.putObject("ratingNotes");
        card.criteria().forEach((criterion, r) -> {
            if (r != null && r.rating() != null) {
                row.put(Scorecards.camel(criterion) + "Rating", r.rating());
            }
            if (r != null && r.note() != null && !r.note().isBlank()) {
                notes.put(criterion, r.note().strip());
            }
        });
        var skills = row.putArray("skillsEvaluated");
        card.skills()
                .forEach(s -> skills.addObject()
                        .put("skill", s.skill())
                        .put("rating", s.rating())
                        .put("note", s.note()));
        var questions = row.putArray("questionsAsked");
        card.questionsAsked().stream().filter(q -> !q.isBlank()).forEach(questions::add);
        UUID mutation = submitter.submit(
                InterviewMutations.SUBMIT_FEEDBACK,
                new InterviewMutations.SubmitFeedback(draft.feedbackId(), interview.id(), card),
                List.of(new Optimistic(Entities.INTERVIEW_FEEDBACK, draft.feedbackId(), row)));
        drafts.save(draft.submitted(mutation));
        return mutation;
    }

    /** Amends a submitted scorecard: {@code changes} by amendable field, and why. */
    public UUID amend(FeedbackItem feedback, Map<String, String> changes, String reason) {
        InterviewRules.checkAmendment(changes, reason);
        UUID id = UUID.randomUUID();
        ObjectNode row = JSON.objectNode()
                .put("id", id.toString())
                .put("feedbackId", feedback.id().toString())
                .put("interviewSessionId", feedback.interviewId().toString())
                .put("interviewerUserId", me.toString())
                .put("reason", reason.strip())
                .put("createdAt", RowValues.format(clock.instant()));
        ObjectNode c = row.putObject("changes");
        changes.forEach((field, to) ->
                c.putObject(field).put("from", feedback.effective(field)).put("to", to));
        submitter.submit(
                InterviewMutations.AMEND_FEEDBACK,
                new InterviewMutations.AmendFeedback(id, feedback.id(), changes, reason.strip()),
                List.of(new Optimistic(Entities.INTERVIEW_FEEDBACK_AMENDMENT, id, row)));
        return id;
    }

    public void markRead(UUID notification) {
        ObjectNode row = store.row(Entities.NOTIFICATION, notification).orElse(null);
        if (row == null || row.path("isRead").asBoolean()) {
            return;
        }
        row.put("isRead", true).put("readAt", RowValues.format(clock.instant()));
        submitter.submit(
                InterviewMutations.MARK_NOTIFICATION_READ,
                new InterviewMutations.MarkNotificationRead(notification),
                List.of(new Optimistic(Entities.NOTIFICATION, notification, row)));
    }

    private ObjectNode current(InterviewItem interview) {
        return store.row(Entities.INTERVIEW_SESSION, interview.id())
                .orElseThrow(() -> new InterviewRules.Problem("This computer no longer holds that interview."));
    }

    private static ObjectNode details(ObjectNode row, Details d, Instant at) {
        row.put("interviewType", d.interviewType())
                .put("interviewMode", d.interviewMode())
                .put("scheduledAt", RowValues.format(at))
                .put("durationMinutes", InterviewRules.duration(d.durationMinutes()))
                .put("timezone", InterviewRules.zone(d.timezone()).getId());
        put(row, "meetingLink", d.meetingLink());
        put(row, "meetingRoom", d.meetingRoom());
        put(row, "preparationNotes", d.preparationNotes());
        put(row, "questionGuide", d.questionGuide());
        return row;
    }

    private static void put(ObjectNode row, String field, String value) {
        if (value == null || value.isBlank()) {
            row.putNull(field);
        } else {
            row.put(field, value.strip());
        }
    }

    private List<Optimistic> seats(UUID interview, Details d) {
        List<Optimistic> rows = new ArrayList<>();
        List<UUID> panel = new ArrayList<>(List.of(d.leadInterviewerId()));
        d.panelistIds().stream().filter(p -> !panel.contains(p)).forEach(panel::add);
        for (UUID user : panel) {
            UUID id = UUID.randomUUID();
            rows.add(new Optimistic(
                    Entities.INTERVIEW_PARTICIPANT,
                    id,
                    JSON.objectNode()
                            .put("id", id.toString())
                            .put("interviewSessionId", interview.toString())
                            .put("userId", user.toString())
                            .put("participantRole", user.equals(d.leadInterviewerId()) ? "lead" : "panelist")
                            .put("createdAt", RowValues.format(clock.instant()))));
        }
        return rows;
    }
}
