package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.LocalStore.Optimistic;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.PrescreenQuestionRules;
import com.recruitdesk.protocol.pipelines.PrescreenScoring;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A job's prescreen questions as the store holds them, in the order they are asked, and their
 * changes as {@code prescreenQuestion.save} / {@code .delete} with the optimistic rows that show them
 * at once, online or not. The writes go to the outbox on disk: call them off the FX thread.
 */
public final class PrescreenQuestions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A question with its place in the job's list. */
    public record Row(PrescreenScoring.Question question, int sortOrder) {
        public UUID id() {
            return question.id();
        }
    }

    private final LocalStore store;
    private final Submitter submitter;
    private final Clock clock;

    public PrescreenQuestions(LocalStore store, Submitter submitter, Clock clock) {
        this.store = store;
        this.submitter = submitter;
        this.clock = clock;
    }

    /** The job's questions in the order they are asked. */
    public List<Row> of(UUID jobId) {
        return read(store, jobId);
    }

    static List<Row> read(LocalStore store, UUID jobId) {
        List<JsonNode> rows = new ArrayList<>(store.query(
                "select data from current where entity = ? and json_extract(data, '$.jobId') = ?",
                List.of(Entities.PRESCREEN_QUESTION, jobId.toString()),
                rs -> store.parse(rs.getString(1))));
        rows.sort(Comparator.comparingInt((JsonNode q) -> q.path("sortOrder").asInt())
                .thenComparing(q -> q.path("createdAt").asText()));
        List<Row> result = new ArrayList<>();
        for (JsonNode q : rows) {
            List<String> choices = new ArrayList<>();
            q.path("choices").forEach(c -> choices.add(c.asText()));
            JsonNode rule = q.path("validationRule");
            result.add(new Row(
                    new PrescreenScoring.Question(
                            RowValues.uuid(q, "id"),
                            RowValues.text(q, "qid"),
                            RowValues.text(q, "questionText"),
                            RowValues.text(q, "questionType"),
                            q.path("required").asBoolean(true),
                            q.path("mustHave").asBoolean(false),
                            q.path("weight").asInt(1),
                            rule.isObject() ? rule : null,
                            choices),
                    q.path("sortOrder").asInt()));
        }
        return result;
    }

    /** Queues the question, new or changed, shown at once as the server will store it. */
    public void save(PipelineMutations.SavePrescreenQuestion q) {
        String now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
                .toString();
        ObjectNode row = store.row(Entities.PRESCREEN_QUESTION, q.questionId())
                .map(ObjectNode::deepCopy)
                .orElseGet(() -> JSON.objectNode().put("createdAt", now).put("version", 0));
        row.put("id", q.questionId().toString())
                .put("jobId", q.jobId().toString())
                .put("qid", q.qid())
                .put("questionText", q.questionText().strip())
                .put("questionType", q.questionType())
                .put("required", q.required())
                .put("mustHave", q.mustHave())
                .put("weight", q.weight())
                .put("sortOrder", q.sortOrder())
                .put("updatedAt", now);
        row.set("validationRule", q.validationRule() == null ? JSON.nullNode() : q.validationRule());
        row.set(
                "choices",
                JSON.arrayNode()
                        .addAll(PrescreenQuestionRules.choices(q.choices()).stream()
                                .map(JSON::textNode)
                                .toList()));
        submitter.submit(
                PipelineMutations.SAVE_PRESCREEN_QUESTION,
                q,
                List.of(new Optimistic(Entities.PRESCREEN_QUESTION, q.questionId(), row)));
    }

    /**
     * Queues the job's questions in the order {@code ordered}, numbered 1, 2, 3... as the server numbers
     * them; the ones whose number moves are shown in their new place at once.
     */
    public void reorder(UUID jobId, List<Row> ordered) {
        List<Optimistic> moved = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Row r = ordered.get(i);
            int place = i + 1;
            if (r.sortOrder() != place) {
                store.row(Entities.PRESCREEN_QUESTION, r.id())
                        .map(row -> row.deepCopy().put("sortOrder", place))
                        .ifPresent(row -> moved.add(new Optimistic(Entities.PRESCREEN_QUESTION, r.id(), row)));
            }
        }
        submitter.submit(
                PipelineMutations.REORDER_PRESCREEN_QUESTIONS,
                new PipelineMutations.ReorderPrescreenQuestions(
                        jobId, ordered.stream().map(Row::id).toList()),
                moved);
    }

    /** Queues the question's removal; it disappears at once and comes back if the server refuses. */
    public void delete(UUID questionId) {
        submitter.submit(
                PipelineMutations.DELETE_PRESCREEN_QUESTION,
                new PipelineMutations.DeletePrescreenQuestion(questionId),
                List.of(Optimistic.deleted(Entities.PRESCREEN_QUESTION, questionId)));
    }
}
