package com.recruitdesk.app.interviews.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.format.PersonName;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Interviews as the local store holds them: the signed-in user's (an interviewer holds only those),
 * or everyone's (the staff), in a span of time, with their candidate, job and panel.
 */
public final class Schedule {
    private static final String SELECT = """
            select s.data, s.pending, p.data, j.data
              from current s
              left join current p on p.entity = '%s' and p.id = json_extract(s.data, '$.candidateId')
              left join current j on j.entity = '%s' and j.id = json_extract(s.data, '$.jobId')
             where s.entity = '%s'
            """.formatted(Entities.CANDIDATE, Entities.JOB, Entities.INTERVIEW_SESSION);
    private static final String SEATED = " and exists (select 1 from current x where x.entity = '"
            + Entities.INTERVIEW_PARTICIPANT + "' and x.parent = s.id and json_extract(x.data, '$.userId') = ?)";

    private final LocalStore store;

    public Schedule(LocalStore store) {
        this.store = store;
    }

    /** Interviews starting in [{@code from}, {@code to}), earliest first; only {@code seatedFor}'s unless null. */
    public List<InterviewItem> between(Instant from, Instant to, UUID seatedFor) {
        List<Object> params = new ArrayList<>(List.of(micros(from), micros(to)));
        String sql = SELECT + " and s.sort_key >= ? and s.sort_key < ?";
        if (seatedFor != null) {
            sql += SEATED;
            params.add(seatedFor.toString());
        }
        return read(sql + " order by s.sort_key", params);
    }

    public Optional<InterviewItem> byId(UUID id) {
        return read(SELECT + " and s.id = ?", List.of(id.toString())).stream().findFirst();
    }

    /** Every interview of a candidate for a job (all rounds this computer holds), earliest first. */
    public List<InterviewItem> ofCandidateAndJob(UUID candidate, UUID job) {
        List<Object> params = new ArrayList<>(List.of(candidate.toString()));
        String sql = SELECT + " and s.parent = ?";
        if (job == null) {
            sql += " and json_extract(s.data, '$.jobId') is null";
        } else {
            sql += " and json_extract(s.data, '$.jobId') = ?";
            params.add(job.toString());
        }
        return read(sql + " order by s.sort_key", params);
    }

    /**
     * The interviews still to happen of any of {@code users} that overlap {@code minutes} from
     * {@code start} ({@link InterviewRules#overlaps}), but {@code except} (the one being moved).
     */
    public List<InterviewItem> clashes(Instant start, int minutes, Collection<UUID> users, UUID except) {
        // Anything overlapping starts before the end and at most a working day before the start.
        Instant from = start.minusSeconds(InterviewRules.MAX_DURATION_MINUTES * 60L);
        Instant to = start.plusSeconds(minutes * 60L);
        return between(from, to, null).stream()
                .filter(i -> !i.id().equals(except) && i.open())
                .filter(i -> users.stream().anyMatch(i::seats))
                .filter(i -> InterviewRules.overlaps(start, minutes, i.scheduledAt(), i.durationMinutes()))
                .toList();
    }

    private List<InterviewItem> read(String sql, List<Object> params) {
        record Raw(ObjectNode session, boolean pending, ObjectNode person, ObjectNode job) {}
        List<Raw> raws = store.query(
                sql,
                params,
                rs -> new Raw(
                        store.parse(rs.getString(1)),
                        rs.getInt(2) != 0,
                        rs.getString(3) == null ? null : store.parse(rs.getString(3)),
                        rs.getString(4) == null ? null : store.parse(rs.getString(4))));
        if (raws.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<InterviewItem.Seat>> panels =
                panels(raws.stream().map(r -> RowValues.uuid(r.session(), "id")).toList());
        List<InterviewItem> items = new ArrayList<>(raws.size());
        for (Raw r : raws) {
            ObjectNode s = r.session();
            UUID id = RowValues.uuid(s, "id");
            items.add(new InterviewItem(
                    id,
                    s.path("version").asLong(),
                    r.pending(),
                    RowValues.uuid(s, "candidateId"),
                    RowValues.uuid(s, "jobId"),
                    RowValues.uuid(s, "applicationId"),
                    r.person() == null ? "A candidate" : name(r.person()),
                    r.job() == null ? null : RowValues.text(r.job(), "title"),
                    RowValues.text(s, "interviewType"),
                    RowValues.text(s, "interviewMode"),
                    RowValues.instant(s, "scheduledAt"),
                    s.path("durationMinutes").asInt(60),
                    RowValues.text(s, "timezone"),
                    RowValues.text(s, "status"),
                    RowValues.text(s, "meetingLink"),
                    RowValues.text(s, "meetingRoom"),
                    RowValues.text(s, "preparationNotes"),
                    RowValues.text(s, "questionGuide"),
                    RowValues.text(s, "cancellationReason"),
                    RowValues.instant(s, "startedAt"),
                    s.hasNonNull("actualDurationMinutes")
                            ? s.path("actualDurationMinutes").asInt()
                            : null,
                    s.path("feedbackSubmittedCount").asInt(0),
                    panels.getOrDefault(id, List.of())));
        }
        return items;
    }

    /** The panels of {@code interviews}, lead first, with the names of colleagues this computer knows. */
    private Map<UUID, List<InterviewItem.Seat>> panels(List<UUID> interviews) {
        Map<UUID, List<InterviewItem.Seat>> panels = new HashMap<>();
        for (int i = 0; i < interviews.size(); i += 500) {
            List<UUID> chunk = interviews.subList(i, Math.min(interviews.size(), i + 500));
            List<Object> params =
                    new ArrayList<>(chunk.stream().map(UUID::toString).toList());
            store.query(
                    "select x.parent, json_extract(x.data, '$.userId'), json_extract(x.data, '$.participantRole'),"
                            + " json_extract(u.data, '$.fullName')"
                            + " from current x left join current u on u.entity = '" + Entities.USER
                            + "' and u.id = json_extract(x.data, '$.userId')"
                            + " where x.entity = '" + Entities.INTERVIEW_PARTICIPANT + "' and x.parent in ("
                            + String.join(",", chunk.stream().map(c -> "?").toList()) + ")"
                            + " order by json_extract(x.data, '$.participantRole') = 'lead' desc, x.sort_key",
                    params,
                    rs -> panels.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>())
                            .add(new InterviewItem.Seat(
                                    UUID.fromString(rs.getString(2)), rs.getString(3), rs.getString(4))));
        }
        return panels;
    }

    static String name(ObjectNode person) {
        return PersonName.of(
                RowValues.text(person, "fullName"),
                RowValues.text(person, "firstName"),
                RowValues.text(person, "lastName"),
                RowValues.text(person, "whatsappName"),
                RowValues.text(person, "whatsappUsername"),
                RowValues.text(person, "whatsappId"),
                RowValues.text(person, "email"));
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}
