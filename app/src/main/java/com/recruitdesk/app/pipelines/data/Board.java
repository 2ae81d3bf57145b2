package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.pipelines.JobStatus;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The pane's reads over the local store: the jobs, and the cards of a job's board. */
public final class Board {
    private final LocalStore store;

    public Board(LocalStore store) {
        this.store = store;
    }

    /** Jobs whose status is in {@code statuses} (empty: any) and whose title contains {@code text}, by title. */
    public List<JobItem> jobs(List<String> statuses, String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return store
                .query("""
                        select j.data,
                               (select count(*) from current a where a.entity = ?
                                   and json_extract(a.data, '$.jobId') = j.id
                                   and json_extract(a.data, '$.stage') not in ('hired', 'rejected', 'withdrawn'))
                          from current j where j.entity = ?
                         order by lower(json_extract(j.data, '$.title')), j.id
                        """, List.of(Entities.APPLICATION, Entities.JOB), rs -> {
                    JsonNode j = store.parse(rs.getString(1));
                    JsonNode locations = j.path("jobLocations");
                    return new JobItem(
                            RowValues.uuid(j, "id"),
                            RowValues.text(j, "title"),
                            j.path("status").asText("draft"),
                            locations.isArray() && !locations.isEmpty()
                                    ? locations.get(0).asText()
                                    : null,
                            RowValues.uuid(j, "assignedRecruiterId"),
                            rs.getInt(2),
                            j.path("version").asLong());
                })
                .stream()
                .filter(j -> statuses.isEmpty() || statuses.contains(j.status()))
                .filter(j -> needle.isEmpty()
                        || (j.title() != null
                                && j.title().toLowerCase(Locale.ROOT).contains(needle)))
                .toList();
    }

    /** A job's row as synced, for its editor. */
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> job(UUID jobId) {
        return store.row(Entities.JOB, jobId);
    }

    /** What each reference field of a job may point at. */
    public java.util.Map<com.recruitdesk.protocol.pipelines.FieldSpec, List<JobForm.Option>> references() {
        java.util.Map<com.recruitdesk.protocol.pipelines.FieldSpec, List<JobForm.Option>> out =
                new java.util.HashMap<>();
        for (var f : com.recruitdesk.protocol.pipelines.JobFields.ALL) {
            if (f.kind() == com.recruitdesk.protocol.pipelines.FieldSpec.Kind.ID) {
                out.put(f, JobForm.options(store, f));
            }
        }
        return out;
    }

    /** The live jobs, for adding a person to one. */
    public List<JobItem> liveJobs() {
        return jobs(List.copyOf(JobStatus.LIVE), "");
    }

    /**
     * Every application of the job as a card, newest in its stage first. SQLite picks the card's few
     * fields out of the JSON itself: parsing 5,000 applications and their people into trees took most
     * of a cold board open.
     */
    public List<Card> cards(UUID jobId) {
        return store.query(
                """
                select a.id, json_extract(a.data, '$.candidateId'),
                       coalesce(%s, 'Unknown person'),
                       coalesce(json_extract(a.data, '$.stage'), 'new'),
                       (select max(t.sort_key) from current t where t.entity = ? and t.parent = a.id
                           and json_extract(t.data, '$.field') in ('stage', 'created')),
                       json_extract(a.data, '$.appliedAt'),
                       coalesce(json_extract(a.data, '$.jdMatchScore'), json_extract(a.data, '$.matchScore')),
                       coalesce(json_extract(a.data, '$.mustHaveFailed'), 0),
                       json_extract(a.data, '$.nextFollowUpDate'), a.pending,
                       coalesce(json_extract(a.data, '$.version'), 0)
                  from current a left join current p on p.entity = ? and p.id = json_extract(a.data, '$.candidateId')
                 where a.entity = ? and json_extract(a.data, '$.jobId') = ?
                """.formatted(NAME),
                List.of(Entities.APPLICATION_TIMELINE, Entities.CANDIDATE, Entities.APPLICATION, jobId.toString()),
                rs -> {
                    long micros = rs.getLong(5);
                    Instant since = rs.wasNull()
                            ? RowValues.instant(rs.getString(6))
                            : Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS);
                    int score = rs.getInt(7);
                    Integer shown = rs.wasNull() ? null : score;
                    String followUp = rs.getString(9);
                    return new Card(
                            UUID.fromString(rs.getString(1)),
                            RowValues.uuidOrNull(rs.getString(2)),
                            rs.getString(3),
                            rs.getString(4),
                            since,
                            shown,
                            rs.getInt(8) != 0,
                            RowValues.date(followUp),
                            rs.getInt(10) != 0,
                            rs.getLong(11));
                });
    }

    /** The person's name as {@link RowFields#personName} picks it: the first of its fields not blank. */
    private static final String NAME = RowFields.NAME_FIELDS.stream()
            .map(f -> "case when trim(json_extract(p.data, '$.%s')) <> '' then json_extract(p.data, '$.%s') end"
                    .formatted(f, f))
            .collect(java.util.stream.Collectors.joining(", ", "coalesce(", ")"));
}
