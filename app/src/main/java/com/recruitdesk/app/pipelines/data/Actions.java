package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in recruiter's action queue (made by the server's rules, seed 002 action_queue) and a
 * job's latest export (its progress, its file), read from the local store.
 */
public final class Actions {
    private static final Map<String, Integer> PRIORITY = Map.of("urgent", 0, "high", 1, "medium", 2, "low", 3);

    private final LocalStore store;
    private final UUID me;

    public Actions(LocalStore store, UUID me) {
        this.store = store;
        this.me = me;
    }

    /** One item of the queue and what it points at. */
    public record Item(
            UUID id,
            String type,
            String title,
            String description,
            String priority,
            UUID jobId,
            UUID applicationId,
            UUID conversationId,
            UUID candidateId,
            Instant createdAt) {}

    /** An export and how far it is. */
    public record Export(
            UUID id, String format, boolean withCvs, String status, int percent, UUID resultBlobId, String error) {
        public boolean done() {
            return "completed".equals(status) || "failed".equals(status);
        }
    }

    /** My items not dismissed, most urgent first, then newest. */
    public List<Item> mine() {
        return store
                .query(
                        "select data from current where entity = ? and json_extract(data, '$.userId') = ?"
                                + " and coalesce(json_extract(data, '$.isDismissed'), 0) = 0",
                        List.of(Entities.ACTION_QUEUE_ITEM, me.toString()),
                        rs -> item(store.parse(rs.getString(1))))
                .stream()
                .sorted(Comparator.comparing((Item i) -> PRIORITY.getOrDefault(i.priority(), 2))
                        .thenComparing(Item::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The job's newest export, if any was asked for. */
    public Optional<Export> latestExport(UUID jobId) {
        return store
                .query(
                        "select data from current where entity = ? and json_extract(data, '$.jobId') = ?"
                                + " order by json_extract(data, '$.createdAt') desc limit 1",
                        List.of(Entities.EXPORT_JOB, jobId.toString()),
                        rs -> export(store.parse(rs.getString(1))))
                .stream()
                .findFirst();
    }

    private static Item item(JsonNode r) {
        return new Item(
                RowValues.uuid(r, "id"),
                RowValues.text(r, "actionType"),
                RowValues.text(r, "title"),
                RowValues.text(r, "description"),
                r.path("priority").asText("medium"),
                RowValues.uuid(r, "relatedJobId"),
                RowValues.uuid(r, "relatedApplicationId"),
                RowValues.uuid(r, "relatedConversationId"),
                RowValues.uuid(r, "relatedCandidateId"),
                RowValues.instant(r, "createdAt"));
    }

    private static Export export(JsonNode r) {
        Integer percent = RowValues.integer(r, "progressPercent");
        return new Export(
                RowValues.uuid(r, "id"),
                r.path("exportFormat").asText("excel"),
                r.path("withCvs").asBoolean(false),
                r.path("status").asText("queued"),
                percent == null ? 0 : percent,
                RowValues.uuid(r, "resultBlobId"),
                RowValues.text(r, "errorMessage"));
    }
}
