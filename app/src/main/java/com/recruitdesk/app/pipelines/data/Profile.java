package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Entities;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's master profile as the editor shows it: their row (seed 002 sections A–E and G), the
 * version of it the server last sent (what an edit is based on), and their work history (section F),
 * the current role first, then the latest.
 */
public final class Profile {
    private final LocalStore store;

    public Profile(LocalStore store) {
        this.store = store;
    }

    /** One role of the work history. */
    public record Role(UUID id, String company, String title, LocalDate start, LocalDate end, boolean current) {}

    /** What the editor opens on. */
    public record View(UUID id, String name, ObjectNode person, long baseVersion, List<Role> history) {}

    public Optional<View> of(UUID candidateId) {
        return store.row(Entities.CANDIDATE, candidateId)
                .map(person -> new View(
                        candidateId,
                        RowFields.personName(person),
                        person,
                        store.serverVersion(Entities.CANDIDATE, candidateId).orElse(0L),
                        history(candidateId)));
    }

    /** The person's work history, the current role first, then the latest. */
    public List<Role> history(UUID candidateId) {
        return store
                .query(
                        "select data from current where entity = ? and json_extract(data, '$.candidateId') = ?",
                        List.of(Entities.CANDIDATE_WORK_HISTORY, candidateId.toString()),
                        rs -> store.parse(rs.getString(1)))
                .stream()
                .map(Profile::role)
                .sorted(Comparator.comparing(Role::current)
                        .reversed()
                        .thenComparing(Role::start, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private static Role role(JsonNode r) {
        return new Role(
                RowValues.uuid(r, "id"),
                RowValues.text(r, "companyName"),
                RowValues.text(r, "jobTitle"),
                date(r, "startDate"),
                date(r, "endDate"),
                r.path("isCurrent").asBoolean(false));
    }

    private static LocalDate date(JsonNode r, String field) {
        String v = RowValues.text(r, field);
        return v == null || v.isBlank() ? null : LocalDate.parse(v.substring(0, Math.min(10, v.length())));
    }
}
