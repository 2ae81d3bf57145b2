package com.recruitdesk.app.cohorts.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The review station's reads: every cohort document this computer holds that waits for a decision,
 * oldest upload first, across the reviewer's cohorts (the server sends only those they may see), and
 * an enrollment's trail.
 */
public final class ReviewQueue {
    private static final String QUEUE = """
            select d.data, e.data, p.data, k.data
              from current d
              left join current e on e.entity = ? and e.id = json_extract(d.data, '$.cohortEnrollmentId')
              left join current p on p.entity = ? and p.id = json_extract(e.data, '$.candidateId')
              left join current k on k.entity = ? and k.id = json_extract(e.data, '$.cohortId')
             where d.entity = ?
               and json_extract(d.data, '$.cohortEnrollmentId') is not null
               and json_extract(d.data, '$.replacedById') is null
               and json_extract(d.data, '$.verificationState') = 'pending'
             order by d.sort_key, d.id
            """;

    private final LocalStore store;

    public ReviewQueue(LocalStore store) {
        this.store = store;
    }

    public List<ReviewItem> waiting() {
        return store.query(
                QUEUE,
                List.of(Entities.COHORT_ENROLLMENT, Entities.CANDIDATE, Entities.COHORT, Entities.UPLOADED_DOCUMENT),
                rs -> item(
                        store.parse(rs.getString(1)),
                        parseOrNull(rs.getString(2)),
                        parseOrNull(rs.getString(3)),
                        parseOrNull(rs.getString(4))));
    }

    /** The document's row as the user sees it (with a decision not yet sent applied). */
    public Optional<ObjectNode> document(UUID id) {
        return store.row(Entities.UPLOADED_DOCUMENT, id);
    }

    /** The enrollment's decisions (and link events, with no document) in the chain's order; those not yet sent after them, oldest first. */
    public List<TrailEntry> trail(UUID enrollmentId) {
        List<TrailEntry> entries = store.query(
                "select data, pending from current where entity = ? and parent = ? order by sort_key, id",
                List.of(Entities.DOCUMENT_VERIFICATION, enrollmentId.toString()),
                rs -> {
                    JsonNode v = store.parse(rs.getString(1));
                    return new TrailEntry(
                            UUID.fromString(v.path("id").asText()),
                            v.hasNonNull("sequence") ? v.path("sequence").asInt() : null,
                            v.hasNonNull("documentType")
                                    ? v.path("documentType").asText()
                                    : null,
                            v.path("action").asText(),
                            v.hasNonNull("reason") ? v.path("reason").asText() : null,
                            v.hasNonNull("fileSha256") ? v.path("fileSha256").asText() : null,
                            uuid(v, "adminUserId"),
                            Instant.parse(v.path("createdAt").asText()),
                            v.hasNonNull("entryHash") ? v.path("entryHash").asText() : null,
                            rs.getInt(2) != 0);
                });
        return entries.stream()
                .sorted(java.util.Comparator.comparing(
                                (TrailEntry t) -> t.sequence() == null ? Integer.MAX_VALUE : t.sequence())
                        .thenComparing(TrailEntry::at))
                .toList();
    }

    private ObjectNode parseOrNull(String json) {
        return json == null ? null : store.parse(json);
    }

    private static ReviewItem item(JsonNode d, JsonNode enrollment, JsonNode person, JsonNode cohort) {
        String student = person == null
                ? "A student"
                : person.hasNonNull("fullName")
                        ? person.path("fullName").asText()
                        : person.path("email").asText("A student");
        return new ReviewItem(
                UUID.fromString(d.path("id").asText()),
                uuid(d, "blobId"),
                d.path("documentCategory").asText(),
                d.path("originalFilename").asText(),
                d.path("mimeType").asText(),
                d.path("sha256").asText(),
                d.path("sizeBytes").asLong(),
                uuid(d, "cohortEnrollmentId"),
                student,
                cohort == null ? "" : cohort.path("name").asText(),
                Instant.parse(d.path("createdAt").asText()));
    }

    private static UUID uuid(JsonNode row, String field) {
        return row.hasNonNull(field) ? UUID.fromString(row.path(field).asText()) : null;
    }
}
