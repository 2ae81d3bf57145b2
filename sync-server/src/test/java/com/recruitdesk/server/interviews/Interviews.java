package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.interviews.InterviewMutations.Details;
import com.recruitdesk.protocol.interviews.InterviewMutations.Rating;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the Interviews tests build: interview details, scorecards, and the mutations that carry them. */
public final class Interviews {
    public static final String ZONE = "Africa/Johannesburg";

    private Interviews() {}

    /** The wall-clock time in {@link #ZONE} that is {@code from} plus {@code ahead}, to the minute. */
    public static String localTime(Instant from, Duration ahead) {
        return LocalDateTime.ofInstant(from.plus(ahead), ZoneId.of(ZONE))
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }

    public static Details details(String startsAt, UUID lead, UUID... panelists) {
        return new Details(
                "technical",
                "video",
                startsAt,
                ZONE,
                45,
                lead,
                List.of(panelists),
                "https://meet.example.test/abc",
                null,
                "Read the CV",
                "1. Your last role. 2. A hard deadline.");
    }

    public static Mutation schedule(UUID interview, UUID application, Details details) {
        return SyncClient.mutation(
                InterviewMutations.SCHEDULE,
                new InterviewMutations.Schedule(interview, application, null, null, details));
    }

    public static Scorecard scorecard(int overall, String recommendation) {
        return new Scorecard(
                Map.of(
                        "technical_skills", new Rating(overall, "Solid on SQL"),
                        "communication", new Rating(4, null),
                        "problem_solving", new Rating(overall, null)),
                List.of(new InterviewMutations.SkillRating("Forklift licence", 5, "Has it, valid to 2028")),
                overall,
                recommendation,
                "Calm under pressure",
                "Little leadership yet",
                "Ran the exercise well.",
                List.of("Your last role", "A hard deadline"),
                false,
                null);
    }

    public static Mutation submit(UUID feedback, UUID interview, Scorecard card) {
        return SyncClient.mutation(
                InterviewMutations.SUBMIT_FEEDBACK, new InterviewMutations.SubmitFeedback(feedback, interview, card));
    }

    public static Mutation amend(UUID amendment, UUID feedback, Map<String, String> changes, String reason) {
        return SyncClient.mutation(
                InterviewMutations.AMEND_FEEDBACK,
                new InterviewMutations.AmendFeedback(amendment, feedback, changes, reason));
    }

    /** An interview of the fixture's candidate and job in a day's time, led by {@code lead}, written straight to the database. */
    public static UUID interview(TestServer server, SyncFixture world, String status, UUID lead, UUID... panel) {
        try (var c = SyncFixture.connect(server.database)) {
            UUID id = SyncFixture.insert(
                    c,
                    "insert into interview_sessions (organization_id, candidate_id, job_id, application_id, interview_type,"
                            + " interview_mode, scheduled_at, timezone, status) values (?, ?, ?, ?, 'technical', 'video',"
                            + " now() - interval '2 hours', 'Africa/Johannesburg', ?) returning id",
                    world.organization(),
                    world.candidate(),
                    world.job(),
                    world.application(),
                    status);
            SyncFixture.insert(
                    c,
                    "insert into interview_participants (organization_id, interview_session_id, user_id, participant_role)"
                            + " values (?, ?, ?, 'lead') returning id",
                    world.organization(),
                    id,
                    lead);
            for (UUID p : panel) {
                SyncFixture.insert(
                        c,
                        "insert into interview_participants (organization_id, interview_session_id, user_id) values (?, ?, ?) returning id",
                        world.organization(),
                        id,
                        p);
            }
            return id;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void assertApplied(JsonNode result) {
        if (!"applied".equals(result.path("status").asText())) {
            throw new AssertionError("not applied: " + result);
        }
    }
}
