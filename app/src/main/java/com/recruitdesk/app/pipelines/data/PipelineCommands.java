package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.LocalStore.Optimistic;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.pipelines.NewPerson;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.ProfileFields;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The pane's changes as named mutations, each with the optimistic rows that show it at once, online
 * or not: the server decides, and a rejection takes the rows back. Every method writes to the
 * outbox on disk: call them off the FX thread.
 */
public final class PipelineCommands {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final LocalStore store;
    private final Submitter submitter;
    private final UUID me;
    private final Clock clock;

    public PipelineCommands(LocalStore store, Submitter submitter, UUID me, Clock clock) {
        this.store = store;
        this.submitter = submitter;
        this.me = me;
        this.clock = clock;
    }

    /** Moves applications to {@code stage}; each is a mutation of its own, so one refused leaves the others. */
    public void move(List<UUID> applications, String stage) {
        for (UUID id : applications) {
            Optional<ObjectNode> row = store.row(Entities.APPLICATION, id);
            if (row.isEmpty() || stage.equals(row.get().path("stage").asText())) {
                continue;
            }
            ObjectNode after = row.get().deepCopy().put("stage", stage);
            ObjectNode entry =
                    timelineEntry(id, "stage", row.get().path("stage").asText(), stage);
            submitter.submit(
                    PipelineMutations.MOVE_APPLICATION,
                    new PipelineMutations.MoveApplication(id, stage, baseVersion(Entities.APPLICATION, id), null),
                    List.of(
                            new Optimistic(Entities.APPLICATION, id, after),
                            new Optimistic(
                                    Entities.APPLICATION_TIMELINE,
                                    UUID.fromString(entry.path("id").asText()),
                                    entry)));
        }
    }

    /** Adds a person to a job; returns the new application's id. */
    public UUID addToJob(UUID jobId, UUID candidateId) {
        UUID id = UUID.randomUUID();
        submitter.submit(
                PipelineMutations.CREATE_APPLICATION,
                new PipelineMutations.CreateApplication(id, jobId, candidateId, null),
                List.of(new Optimistic(Entities.APPLICATION, id, newApplication(id, jobId, candidateId))));
        return id;
    }

    /**
     * Adds a person not yet on file and their application to a job, in one mutation; {@code phone} and
     * {@code email} as {@link NewPerson} normalises them. Returns the new application's id.
     */
    public UUID addPerson(UUID jobId, String fullName, String phone, String email) {
        UUID person = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String now = now();
        String number = NewPerson.phone(phone);
        String address = NewPerson.email(email);
        ObjectNode candidate = JSON.objectNode()
                .put("id", person.toString())
                .put("fullName", fullName.strip())
                .put("whatsappId", number)
                .put("phone", number)
                .put("email", address)
                .put("source", "manual")
                .put("ownerUserId", me.toString())
                .put("createdAt", now)
                .put("updatedAt", now)
                .put("version", 0);
        submitter.submit(
                PipelineMutations.ADD_PERSON_TO_JOB,
                new PipelineMutations.AddPersonToJob(person, id, jobId, fullName.strip(), number, address),
                List.of(
                        new Optimistic(Entities.CANDIDATE, person, candidate),
                        new Optimistic(Entities.APPLICATION, id, newApplication(id, jobId, person))));
        return id;
    }

    /** An application's row as the server makes it, shown until the server's arrives. */
    private ObjectNode newApplication(UUID id, UUID jobId, UUID candidateId) {
        String now = now();
        return JSON.objectNode()
                .put("id", id.toString())
                .put("jobId", jobId.toString())
                .put("candidateId", candidateId.toString())
                .put("stage", PipelineMutations.STAGES.getFirst())
                .put("appliedAt", now)
                .put("createdAt", now)
                .put("updatedAt", now)
                .put("version", 0);
    }

    /** Changes fields of the application's detail, by wire name; the server merges them field by field. */
    public void update(UUID applicationId, ObjectNode changes) {
        update(applicationId, changes, baseVersion(Entities.APPLICATION, applicationId));
    }

    /** As {@link #update(UUID, ObjectNode)} on a version the caller names (after a merge). */
    public void update(UUID applicationId, ObjectNode changes, long baseVersion) {
        ObjectNode row = store.row(Entities.APPLICATION, applicationId).orElseThrow();
        ObjectNode after = row.deepCopy();
        after.setAll(changes);
        if (changes.has("submittedToClient")) {
            after.put("submittedToClientAt", changes.path("submittedToClient").asBoolean() ? now() : null);
        }
        submitter.submit(
                PipelineMutations.UPDATE_APPLICATION,
                new PipelineMutations.UpdateApplication(applicationId, baseVersion, changes),
                List.of(new Optimistic(Entities.APPLICATION, applicationId, after)));
    }

    /**
     * Changes fields of a person's master profile, by wire name, on the version the edit was made on;
     * the row shows them at once with the freshness stamps of the fields changed renewed, as the
     * server will renew them.
     */
    public void updateProfile(UUID candidateId, ObjectNode changes, long baseVersion) {
        ObjectNode after =
                store.row(Entities.CANDIDATE, candidateId).orElseThrow().deepCopy();
        after.setAll(changes.deepCopy());
        String now = now();
        changes.fieldNames().forEachRemaining(field -> {
            String stamp = ProfileFields.FRESHNESS.get(field);
            if (stamp != null) {
                after.put(stamp, now);
            }
        });
        submitter.submit(
                PipelineMutations.UPDATE_PROFILE,
                new PipelineMutations.UpdateProfile(candidateId, baseVersion, changes),
                List.of(new Optimistic(Entities.CANDIDATE, candidateId, after)));
    }

    /** Adds or replaces a role of a person's work history, shown at once. */
    public void saveRole(PipelineMutations.SaveWorkHistory role) {
        ObjectNode row = store.row(Entities.CANDIDATE_WORK_HISTORY, role.roleId())
                .orElseGet(() -> JSON.objectNode().put("createdAt", now()).put("version", 0))
                .deepCopy()
                .put("id", role.roleId().toString())
                .put("candidateId", role.candidateId().toString())
                .put("companyName", role.companyName().strip())
                .put("jobTitle", blankToNull(role.jobTitle()))
                .put("startDate", blankToNull(role.startDate()))
                .put("endDate", blankToNull(role.endDate()))
                .put("isCurrent", role.isCurrent())
                .put("updatedAt", now());
        submitter.submit(
                PipelineMutations.SAVE_WORK_HISTORY,
                role,
                List.of(new Optimistic(Entities.CANDIDATE_WORK_HISTORY, role.roleId(), row)));
    }

    /** Takes a role off a person's work history; it disappears at once. */
    public void deleteRole(UUID roleId) {
        submitter.submit(
                PipelineMutations.DELETE_WORK_HISTORY,
                new PipelineMutations.DeleteWorkHistory(roleId),
                List.of(Optimistic.deleted(Entities.CANDIDATE_WORK_HISTORY, roleId)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public void addNote(UUID applicationId, String text, String type, boolean isPrivate) {
        UUID id = UUID.randomUUID();
        String now = now();
        ObjectNode note = JSON.objectNode()
                .put("id", id.toString())
                .put("applicationId", applicationId.toString())
                .put("authorUserId", me.toString())
                .put("noteText", text.strip())
                .put("noteType", type)
                .put("isPrivate", isPrivate)
                .put("createdAt", now)
                .put("updatedAt", now);
        submitter.submit(
                PipelineMutations.ADD_NOTE,
                new PipelineMutations.AddNote(applicationId, id, text.strip(), type, isPrivate),
                List.of(new Optimistic(Entities.APPLICATION_NOTE, id, note)));
    }

    /** Records an answer heard on the phone; the server scores it (the answer shows at once, the score after). */
    public void recordAnswer(UUID applicationId, UUID jobId, UUID questionId, String value) {
        Optional<ObjectNode> existing = store
                .query(
                        "select data from current where entity = ? and json_extract(data, '$.applicationId') = ?"
                                + " and json_extract(data, '$.questionId') = ?",
                        List.of(Entities.PRESCREEN_ANSWER, applicationId.toString(), questionId.toString()),
                        rs -> store.parse(rs.getString(1)))
                .stream()
                .findFirst();
        UUID id = existing.map(e -> UUID.fromString(e.path("id").asText())).orElse(UUID.randomUUID());
        ObjectNode answer = existing.orElseGet(JSON::objectNode)
                .deepCopy()
                .put("id", id.toString())
                .put("applicationId", applicationId.toString())
                .put("questionId", questionId.toString())
                .put("jobId", jobId.toString())
                .put("answerValue", value.strip());
        submitter.submit(
                PipelineMutations.RECORD_PRESCREEN_ANSWER,
                new PipelineMutations.RecordPrescreenAnswer(applicationId, questionId, value.strip()),
                List.of(new Optimistic(Entities.PRESCREEN_ANSWER, id, answer)));
    }

    public void setJobStatus(UUID jobId, String status) {
        ObjectNode job = store.row(Entities.JOB, jobId).orElseThrow();
        submitter.submit(
                PipelineMutations.SET_JOB_STATUS,
                new PipelineMutations.SetJobStatus(jobId, status, baseVersion(Entities.JOB, jobId)),
                List.of(new Optimistic(Entities.JOB, jobId, job.deepCopy().put("status", status))));
    }

    /** Creates a job ({@code jobId} null) or changes some of its fields; returns its id. */
    public UUID saveJob(UUID jobId, ObjectNode changes) {
        return submitJob(jobId, changes, jobId == null ? null : baseVersion(Entities.JOB, jobId));
    }

    /** As {@link #saveJob(UUID, ObjectNode)} on a version the caller names (after a merge). */
    public void saveJob(UUID jobId, ObjectNode changes, long baseVersion) {
        submitJob(jobId, changes, baseVersion);
    }

    private UUID submitJob(UUID jobId, ObjectNode changes, Long baseVersion) {
        UUID id = jobId == null ? UUID.randomUUID() : jobId;
        ObjectNode row = jobId == null
                ? JSON.objectNode()
                        .put("id", id.toString())
                        .put("status", "draft")
                        .put("assignedRecruiterId", me.toString())
                        .put("createdAt", now())
                        .put("version", 0)
                : store.row(Entities.JOB, jobId).orElseThrow().deepCopy();
        row.setAll(changes.deepCopy());
        row.put("updatedAt", now());
        submitter.submit(
                PipelineMutations.SAVE_JOB,
                new PipelineMutations.SaveJob(id, baseVersion, changes),
                List.of(new Optimistic(Entities.JOB, id, row)));
        return id;
    }

    /** Takes an item off my action queue. */
    public void dismiss(UUID itemId) {
        ObjectNode item = store.row(Entities.ACTION_QUEUE_ITEM, itemId).orElseThrow();
        submitter.submit(
                PipelineMutations.DISMISS_ACTION_ITEM,
                new PipelineMutations.DismissActionItem(itemId),
                List.of(new Optimistic(
                        Entities.ACTION_QUEUE_ITEM,
                        itemId,
                        item.deepCopy().put("isDismissed", true).put("dismissedAt", now()))));
    }

    /** Asks the server for an export of the job's applications; returns its id (its row shows the progress). */
    public UUID requestExport(UUID jobId, String format, boolean withCvs) {
        UUID id = UUID.randomUUID();
        String now = now();
        ObjectNode row = JSON.objectNode()
                .put("id", id.toString())
                .put("jobId", jobId.toString())
                .put("exportFormat", format)
                .put("withCvs", withCvs)
                .put("status", "queued")
                .put("progressPercent", 0)
                .put("createdByUserId", me.toString())
                .put("createdAt", now)
                .put("updatedAt", now);
        submitter.submit(
                PipelineMutations.REQUEST_EXPORT,
                new PipelineMutations.RequestExport(id, jobId, format, withCvs),
                List.of(new Optimistic(Entities.EXPORT_JOB, id, row)));
        return id;
    }

    /** The version the server last sent of a row: what an edit is based on. */
    public long baseVersion(String entity, UUID id) {
        return store.serverVersion(entity, id).orElse(0L);
    }

    /** The fields of {@code changes} named in {@code keep}, as a new object. */
    public static ObjectNode only(JsonNode changes, java.util.Collection<String> keep) {
        ObjectNode out = JSON.objectNode();
        changes.properties().forEach(e -> {
            if (keep.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private ObjectNode timelineEntry(UUID applicationId, String field, String previous, String next) {
        String now = now();
        return JSON.objectNode()
                .put("id", UUID.randomUUID().toString())
                .put("applicationId", applicationId.toString())
                .put("field", field)
                .put("previousStatus", previous)
                .put("newStatus", next)
                .put("changedByUserId", me.toString())
                .put("createdAt", now)
                .put("chainSeq", Integer.MAX_VALUE)
                .put("pendingEntry", true);
    }

    private String now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
                .toString();
    }
}
