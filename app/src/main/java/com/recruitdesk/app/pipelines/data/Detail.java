package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.audit.ChainHash;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One application as its detail shows it: the row, the person and the job, the notes, the timeline
 * with whether its hash chain still verifies (checked here with the protocol's {@link ChainHash},
 * so a row changed behind the product's back shows even offline), and the prescreen questions with
 * the explained score ({@link PrescreenScoring}, the code the server scores with).
 */
public final class Detail {
    private final LocalStore store;

    public Detail(LocalStore store) {
        this.store = store;
    }

    /** A note on the application. */
    public record Note(UUID id, String text, String type, boolean isPrivate, UUID author, Instant at) {}

    /** A timeline entry; {@code broken} when the chain no longer verifies at it. */
    public record Entry(
            UUID id, int seq, String field, String previous, String next, UUID by, String remarks, Instant at) {}

    /** Whether the timeline's chain verifies, and if not, which entry breaks it and why. */
    public record Chain(int entries, UUID brokenEntry, int brokenSeq, String reason) {
        public boolean verified() {
            return brokenEntry == null;
        }
    }

    /** Everything the detail shows. */
    public record View(
            ObjectNode application,
            JsonNode person,
            JsonNode job,
            List<Note> notes,
            List<Entry> timeline,
            Chain chain,
            List<PrescreenScoring.Question> questions,
            PrescreenScoring.Explanation explanation,
            Optional<UUID> conversation) {}

    public Optional<View> of(UUID applicationId, LocalDate today) {
        Optional<ObjectNode> application = store.row(Entities.APPLICATION, applicationId);
        if (application.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode a = application.get();
        UUID personId = RowValues.uuid(a, "candidateId");
        UUID jobId = RowValues.uuid(a, "jobId");
        JsonNode person = personId == null
                ? null
                : store.row(Entities.CANDIDATE, personId).orElse(null);
        JsonNode job = jobId == null ? null : store.row(Entities.JOB, jobId).orElse(null);
        List<JsonNode> entries = children(Entities.APPLICATION_TIMELINE, "applicationId", applicationId);
        entries.sort(java.util.Comparator.comparingInt(e -> e.path("chainSeq").asInt()));
        List<PrescreenScoring.Question> questions = jobId == null ? List.of() : questions(jobId);
        Map<UUID, String> answers = new HashMap<>();
        for (JsonNode answer : children(Entities.PRESCREEN_ANSWER, "applicationId", applicationId)) {
            answers.put(RowValues.uuid(answer, "questionId"), RowValues.text(answer, "answerValue"));
        }
        return Optional.of(new View(
                a,
                person,
                job,
                notes(applicationId),
                entries.stream().map(Detail::entry).toList(),
                verify(entries.stream()
                        .filter(e -> e.path("entryHash").isTextual())
                        .toList()),
                questions,
                PrescreenScoring.explain(questions, answers, today),
                conversation(personId)));
    }

    /** The job's prescreen questions in the order they are asked. */
    public List<PrescreenScoring.Question> questions(UUID jobId) {
        return PrescreenQuestions.read(store, jobId).stream()
                .map(PrescreenQuestions.Row::question)
                .toList();
    }

    private List<Note> notes(UUID applicationId) {
        List<Note> notes = new ArrayList<>();
        for (JsonNode n : children(Entities.APPLICATION_NOTE, "applicationId", applicationId)) {
            notes.add(new Note(
                    RowValues.uuid(n, "id"),
                    RowValues.text(n, "noteText"),
                    n.path("noteType").asText("general"),
                    n.path("isPrivate").asBoolean(false),
                    RowValues.uuid(n, "authorUserId"),
                    RowValues.instant(n, "createdAt")));
        }
        notes.sort(java.util.Comparator.comparing(Note::at, java.util.Comparator.nullsLast(Instant::compareTo)));
        return notes;
    }

    private Optional<UUID> conversation(UUID personId) {
        if (personId == null) {
            return Optional.empty();
        }
        return store
                .query(
                        "select id from current where entity = ? and json_extract(data, '$.candidateId') = ?"
                                + " order by json_extract(data, '$.lastMessageAt') desc limit 1",
                        List.of(Entities.CONVERSATION, personId.toString()),
                        rs -> UUID.fromString(rs.getString(1)))
                .stream()
                .findFirst();
    }

    private List<JsonNode> children(String entity, String field, UUID parent) {
        return new ArrayList<>(store.query(
                "select data from current where entity = ? and json_extract(data, '$." + field + "') = ?",
                List.of(entity, parent.toString()),
                rs -> store.parse(rs.getString(1))));
    }

    private static Entry entry(JsonNode e) {
        return new Entry(
                RowValues.uuid(e, "id"),
                e.path("chainSeq").asInt(),
                RowValues.text(e, "field"),
                RowValues.text(e, "previousStatus"),
                RowValues.text(e, "newStatus"),
                RowValues.uuid(e, "changedByUserId"),
                RowValues.text(e, "remarks"),
                RowValues.instant(e, "createdAt"));
    }

    /** Recomputes the chain as the server wrote it (content order of the server's {@code Timeline.CHAIN}). */
    static Chain verify(List<JsonNode> entries) {
        String previous = ChainHash.GENESIS;
        int expected = 1;
        for (JsonNode e : entries) {
            UUID id = RowValues.uuid(e, "id");
            int seq = e.path("chainSeq").asInt();
            if (seq != expected) {
                return new Chain(entries.size(), id, seq, "entry " + expected + " is missing or out of place");
            }
            if (!previous.equals(RowValues.text(e, "previousHash"))) {
                return new Chain(entries.size(), id, seq, "it does not follow the entry before it");
            }
            String hash = ChainHash.link(
                    previous,
                    java.util.Arrays.asList(
                            RowValues.text(e, "applicationId"),
                            seq,
                            RowValues.text(e, "field"),
                            RowValues.text(e, "previousStatus"),
                            RowValues.text(e, "newStatus"),
                            RowValues.text(e, "changedByUserId"),
                            RowValues.text(e, "remarks"),
                            RowValues.instant(e, "createdAt")));
            if (!hash.equals(RowValues.text(e, "entryHash"))) {
                return new Chain(entries.size(), id, seq, "its content was changed after it was written");
            }
            previous = hash;
            expected++;
        }
        return new Chain(entries.size(), null, 0, "");
    }
}
