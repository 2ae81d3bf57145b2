package com.recruitdesk.app.interviews.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Interview rows shaped as the server sends them (camelCase, its time format), applied to a real
 * local store as a pulled page: colleagues, people, a job, interviews with their panels, scorecards.
 */
public final class InterviewData {
    public static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    public static final UUID ME = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    public static final UUID COLLEAGUE = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    public static final UUID MANAGER = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private final LocalStore store;
    private final List<Change> page = new ArrayList<>();
    private int cursor;

    public InterviewData(LocalStore store) {
        this.store = store;
        user(ME, "Ivy Interviewer", "INTERVIEWER");
        user(COLLEAGUE, "Ian Interviewer", "INTERVIEWER");
        user(MANAGER, "Morgan Manager", "MANAGER");
    }

    public ObjectNode row(String entity, UUID id, ObjectNode data) {
        data.put("id", id.toString()).put("version", 1);
        page.add(new Change(entity, id, Change.UPSERT, 1, data));
        return data;
    }

    private void user(UUID id, String name, String role) {
        row(Entities.USER, id, JSON.objectNode().put("fullName", name).put("status", "active"))
                .putArray("roles")
                .add(role);
    }

    public UUID person(String name) {
        UUID id = UUID.randomUUID();
        row(Entities.CANDIDATE, id, JSON.objectNode().put("fullName", name).put("location", "Soweto"));
        return id;
    }

    public UUID job(String title, String... skills) {
        UUID id = UUID.randomUUID();
        var skillList =
                row(Entities.JOB, id, JSON.objectNode().put("title", title)).putArray("requiredSkills");
        for (String s : skills) {
            skillList.add(s);
        }
        return id;
    }

    public UUID application(UUID person, UUID job) {
        UUID id = UUID.randomUUID();
        row(
                Entities.APPLICATION,
                id,
                JSON.objectNode()
                        .put("candidateId", person.toString())
                        .put("jobId", job.toString())
                        .put("stage", "interview"));
        return id;
    }

    /** An interview of {@code person} for {@code job} starting {@code from} NOW, with {@code panel} (the first leads). */
    public UUID interview(UUID person, UUID job, Duration from, int minutes, String status, UUID... panel) {
        UUID id = UUID.randomUUID();
        row(
                Entities.INTERVIEW_SESSION,
                id,
                JSON.objectNode()
                        .put("candidateId", person.toString())
                        .put("jobId", job.toString())
                        .put("interviewType", "technical")
                        .put("interviewMode", "video")
                        .put("scheduledAt", RowValues.format(NOW.plus(from)))
                        .put("durationMinutes", minutes)
                        .put("timezone", "Africa/Johannesburg")
                        .put("status", status)
                        .put("feedbackSubmittedCount", 0));
        for (int i = 0; i < panel.length; i++) {
            UUID seat = UUID.randomUUID();
            row(
                    Entities.INTERVIEW_PARTICIPANT,
                    seat,
                    JSON.objectNode()
                            .put("interviewSessionId", id.toString())
                            .put("userId", panel[i].toString())
                            .put("participantRole", i == 0 ? "lead" : "panelist")
                            .put(
                                    "createdAt",
                                    RowValues.format(
                                            NOW.minus(Duration.ofDays(3)).plusSeconds(i))));
        }
        return id;
    }

    /** A submitted scorecard of {@code author} for {@code interview}. */
    public ObjectNode scorecard(
            UUID interview, UUID person, UUID job, UUID author, String name, String recommendation, int overall) {
        UUID id = UUID.randomUUID();
        ObjectNode f = row(
                Entities.INTERVIEW_FEEDBACK,
                id,
                JSON.objectNode()
                        .put("interviewSessionId", interview.toString())
                        .put("candidateId", person.toString())
                        .put("jobId", job.toString())
                        .put("interviewerUserId", author.toString())
                        .put("interviewerName", name)
                        .put("isFinal", true)
                        .put("submittedAt", RowValues.format(NOW.minus(Duration.ofHours(1))))
                        .put("overallRating", overall + ".0")
                        .put("recommendation", recommendation)
                        .put("technicalSkillsRating", overall)
                        .put("communicationRating", 4));
        f.putObject("ratingNotes");
        f.putArray("skillsEvaluated").addObject().put("skill", "SQL").put("rating", overall);
        f.putArray("questionsAsked");
        return f;
    }

    public void amendment(ObjectNode feedback, String field, String from, String to, String reason) {
        UUID id = UUID.randomUUID();
        ObjectNode a = row(
                Entities.INTERVIEW_FEEDBACK_AMENDMENT,
                id,
                JSON.objectNode()
                        .put("feedbackId", feedback.path("id").asText())
                        .put(
                                "interviewSessionId",
                                feedback.path("interviewSessionId").asText())
                        .put("reason", reason)
                        .put("createdAt", RowValues.format(NOW)));
        a.putObject("changes").putObject(field).put("from", from).put("to", to);
    }

    /** Sets a field of a row added before this pull (an interview's count, say). */
    public void set(UUID id, String field, int value) {
        for (Change c : page) {
            if (c.id().equals(id)) {
                c.data().put(field, value);
            }
        }
    }

    public void pull() {
        store.applyPage(List.copyOf(page), "cursor-" + (++cursor));
        page.clear();
    }
}
