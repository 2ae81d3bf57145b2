package com.recruitdesk.app.interviews.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One interview as the pane shows it, read from the local store (with its candidate's and job's
 * summaries and its panel), optimistic changes included ({@code pending}).
 *
 * @param feedbackSubmittedCount scorecards submitted for this candidate and job, every round, by anyone
 */
public record InterviewItem(
        UUID id,
        long version,
        boolean pending,
        UUID candidateId,
        UUID jobId,
        UUID applicationId,
        String candidateName,
        String jobTitle,
        String type,
        String mode,
        Instant scheduledAt,
        int durationMinutes,
        String timezone,
        String status,
        String meetingLink,
        String meetingRoom,
        String preparationNotes,
        String questionGuide,
        String cancellationReason,
        Instant startedAt,
        Integer actualDurationMinutes,
        int feedbackSubmittedCount,
        List<Seat> panel) {

    /** A seat on the panel; {@code name} is known for colleagues whose user row this computer holds. */
    public record Seat(UUID userId, String role, String name) {
        public boolean lead() {
            return "lead".equals(role);
        }
    }

    public Instant endsAt() {
        return scheduledAt.plus(Duration.ofMinutes(durationMinutes));
    }

    public boolean seats(UUID user) {
        return panel.stream().anyMatch(s -> s.userId().equals(user));
    }

    public Seat lead() {
        return panel.stream().filter(Seat::lead).findFirst().orElse(panel.isEmpty() ? null : panel.getFirst());
    }

    /** Still to happen or happening: it may be changed, cancelled, started. */
    public boolean open() {
        return status.equals("scheduled") || status.equals("in_progress");
    }

    /** Whether a scorecard belongs to it: not cancelled and not a no-show. */
    public boolean takesScorecards() {
        return !status.equals("cancelled") && !status.equals("no_show");
    }
}
