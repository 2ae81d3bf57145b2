package com.recruitdesk.app.conversations.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.format.PersonName;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Entities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** People as the candidate panel shows them, from the local store. */
public final class People {
    static final int RECENT_NOTES = 5;
    /** The entities the queries below join, as their {@code %1$s} … {@code %5$s}. */
    private static final Object[] ENTITIES = {
        Entities.JOB, Entities.APPLICATION, Entities.MESSAGE, Entities.CONVERSATION, Entities.APPLICATION_NOTE
    };

    private final LocalStore store;

    public People(LocalStore store) {
        this.store = store;
    }

    /** A live job a person may be added to. */
    public record JobChoice(UUID id, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** The live jobs the person has no active application to, by title (for "Add to job"). */
    public List<JobChoice> jobsFor(UUID candidateId) {
        List<String> live = List.copyOf(com.recruitdesk.protocol.pipelines.JobStatus.LIVE);
        return store
                .query(
                        """
                        select j.id, json_extract(j.data, '$.title'), json_extract(j.data, '$.status') from current j
                         where j.entity = ? and not exists (
                               select 1 from current a where a.entity = ? and a.parent = ?
                                  and json_extract(a.data, '$.jobId') = j.id
                                  and json_extract(a.data, '$.stage') not in ('hired', 'rejected', 'withdrawn'))
                         order by json_extract(j.data, '$.title') collate nocase""",
                        List.of(Entities.JOB, Entities.APPLICATION, candidateId.toString()),
                        rs -> live.contains(rs.getString(3))
                                ? new JobChoice(UUID.fromString(rs.getString(1)), rs.getString(2))
                                : null)
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    public Optional<CandidateProfile> profile(UUID candidateId) {
        Optional<ObjectNode> person = store.row(Entities.CANDIDATE, candidateId);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode p = person.get();
        String id = candidateId.toString();
        List<CandidateProfile.Tag> tags = store.query(
                "select id, json_extract(data, '$.tag'), pending from current where entity = ?"
                        + " and parent = ? order by json_extract(data, '$.tag') collate nocase",
                List.of(Entities.CANDIDATE_TAG, id),
                rs -> new CandidateProfile.Tag(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getInt(3) == 1));
        List<CandidateProfile.ApplicationSummary> applications = store.query(
                """
                select a.id, json_extract(j.data, '$.title'), json_extract(a.data, '$.stage'), json_extract(a.data, '$.updatedAt')
                  from current a left join current j on j.entity = '%1$s' and j.id = json_extract(a.data, '$.jobId')
                 where a.entity = '%2$s' and a.parent = ?
                 order by a.sort_key desc""".formatted(ENTITIES),
                List.of(id),
                rs -> new CandidateProfile.ApplicationSummary(
                        UUID.fromString(rs.getString(1)),
                        rs.getString(2) == null ? "Assessment" : rs.getString(2),
                        rs.getString(3),
                        RowValues.instant(rs.getString(4))));
        List<CandidateProfile.Note> notes = new ArrayList<>(store.query(
                """
                select json_extract(m.data, '$.senderUserId'), json_extract(m.data, '$.body'), m.sort_key
                  from current c join current m on m.entity = '%3$s' and m.parent = c.id
                 where c.entity = '%4$s' and c.parent = ? and json_extract(m.data, '$.type') = 'note'
                 order by m.sort_key desc limit ?""".formatted(ENTITIES),
                List.of(id, RECENT_NOTES),
                rs -> new CandidateProfile.Note(
                        RowValues.uuid(rs.getString(1)), rs.getString(2), micros(rs.getLong(3)), "Conversation")));
        notes.addAll(store.query(
                """
                select json_extract(n.data, '$.authorUserId'), json_extract(n.data, '$.noteText'), n.sort_key,
                       coalesce(json_extract(j.data, '$.title'), 'Application')
                  from current a
                  join current n on n.entity = '%5$s' and n.parent = a.id
                  left join current j on j.entity = '%1$s' and j.id = json_extract(a.data, '$.jobId')
                 where a.entity = '%2$s' and a.parent = ?
                 order by n.sort_key desc limit ?""".formatted(ENTITIES),
                List.of(id, RECENT_NOTES),
                rs -> new CandidateProfile.Note(
                        RowValues.uuid(rs.getString(1)), rs.getString(2), micros(rs.getLong(3)), rs.getString(4))));
        notes.sort(Comparator.comparing(CandidateProfile.Note::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return Optional.of(new CandidateProfile(
                candidateId,
                Directory.nameOf(p),
                RowValues.text(p, "whatsappId"),
                RowValues.text(p, "whatsappName"),
                PersonName.handle(RowValues.text(p, "whatsappUsername")),
                RowValues.text(p, "email"),
                RowValues.text(p, "location"),
                RowValues.text(p, "source"),
                p.path("version").asLong(),
                tags,
                applications,
                notes.subList(0, Math.min(RECENT_NOTES, notes.size()))));
    }

    private static java.time.Instant micros(long epochMicros) {
        return java.time.Instant.EPOCH.plus(epochMicros, java.time.temporal.ChronoUnit.MICROS);
    }
}
