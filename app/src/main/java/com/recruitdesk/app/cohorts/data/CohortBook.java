package com.recruitdesk.app.cohorts.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.Entities;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The cohorts this computer holds (the server sends a reviewer only their institution's, an
 * administrator every one), with their students, sponsors and institutions: what the Cohorts tab lists
 * and edits. Rows not yet sent are included as the user sees them.
 */
public final class CohortBook {
    /** A cohort as listed and edited. */
    public record Cohort(
            UUID id,
            UUID institutionId,
            String name,
            String programType,
            String state,
            LocalDate startDate,
            LocalDate endDate,
            Integer studentCount,
            UUID sponsorId,
            List<String> requiredDocuments,
            long version,
            int enrolled) {}

    /**
     * A student in a cohort with their two states and seed 004's demographics (values as text; empty
     * when this computer may not hold them).
     */
    public record Student(
            UUID enrollmentId,
            String name,
            String state,
            String verification,
            java.util.Map<String, String> studentData,
            java.time.Instant linkExpiresAt) {}

    /** A sponsor as listed and edited (seed 004). */
    public record Sponsor(
            UUID id,
            UUID institutionId,
            String companyName,
            String contactName,
            String contactEmail,
            String contactPhone,
            String taxNumber) {}

    /** A choice in a list: an institution or a sponsor. */
    public record Choice(UUID id, UUID institutionId, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String COHORTS = """
            select k.data,
                   (select count(*) from current e where e.entity = ? and e.parent = k.id)
              from current k
             where k.entity = ?
             order by json_extract(k.data, '$.startDate') desc, json_extract(k.data, '$.name')
            """;
    private static final String STUDENTS = """
            select e.data, p.data
              from current e
              left join current p on p.entity = ? and p.id = json_extract(e.data, '$.candidateId')
             where e.entity = ? and e.parent = ?
             order by e.sort_key, e.id
            """;

    private final LocalStore store;

    public CohortBook(LocalStore store) {
        this.store = store;
    }

    public List<Cohort> cohorts() {
        return store.query(
                COHORTS,
                List.of(Entities.COHORT_ENROLLMENT, Entities.COHORT),
                rs -> cohort(store.parse(rs.getString(1)), rs.getInt(2)));
    }

    public List<Student> students(UUID cohortId) {
        return store.query(
                STUDENTS, List.of(Entities.CANDIDATE, Entities.COHORT_ENROLLMENT, cohortId.toString()), rs -> {
                    JsonNode e = store.parse(rs.getString(1));
                    JsonNode p = rs.getString(2) == null ? null : store.parse(rs.getString(2));
                    String name = p != null && p.hasNonNull("fullName")
                            ? p.path("fullName").asText()
                            : e.path("studentName").asText("A student");
                    java.util.Map<String, String> data = new java.util.LinkedHashMap<>();
                    e.path("studentData")
                            .properties()
                            .forEach(f -> data.put(f.getKey(), f.getValue().asText()));
                    return new Student(
                            UUID.fromString(e.path("id").asText()),
                            name,
                            e.path("state").asText("waiting"),
                            e.path("documentVerificationState").asText("pending"),
                            java.util.Map.copyOf(data),
                            e.hasNonNull("invitationExpiresAt")
                                    ? java.time.Instant.parse(
                                            e.path("invitationExpiresAt").asText())
                                    : null);
                });
    }

    public List<Choice> institutions() {
        return choices(Entities.INSTITUTION, "name");
    }

    public List<Choice> sponsors() {
        return choices(Entities.SPONSOR, "companyName");
    }

    public List<Sponsor> sponsorDetails() {
        return store.query(
                "select data from current where entity = ? order by json_extract(data, '$.companyName')",
                List.of(Entities.SPONSOR),
                rs -> {
                    JsonNode row = store.parse(rs.getString(1));
                    return new Sponsor(
                            UUID.fromString(row.path("id").asText()),
                            uuid(row, "institutionId"),
                            row.path("companyName").asText(),
                            row.path("contactName").asText(""),
                            row.path("contactEmail").asText(""),
                            row.path("contactPhone").asText(""),
                            row.path("taxNumber").asText(""));
                });
    }

    private List<Choice> choices(String entity, String nameField) {
        return store.query(
                "select data from current where entity = ? order by json_extract(data, '$." + nameField + "')",
                List.of(entity),
                rs -> {
                    JsonNode row = store.parse(rs.getString(1));
                    UUID id = UUID.fromString(row.path("id").asText());
                    return new Choice(
                            id,
                            entity.equals(Entities.INSTITUTION) ? id : uuid(row, "institutionId"),
                            row.path(nameField).asText());
                });
    }

    private static Cohort cohort(JsonNode k, int enrolled) {
        List<String> required = new ArrayList<>();
        k.path("requiredDocuments").forEach(d -> required.add(d.asText()));
        return new Cohort(
                UUID.fromString(k.path("id").asText()),
                uuid(k, "institutionId"),
                k.path("name").asText(),
                k.path("programType").asText(),
                k.path("state").asText("draft"),
                date(k, "startDate"),
                date(k, "endDate"),
                k.hasNonNull("studentCount") ? k.path("studentCount").asInt() : null,
                uuid(k, "sponsorId"),
                List.copyOf(required),
                k.path("version").asLong(0),
                enrolled);
    }

    private static LocalDate date(JsonNode row, String field) {
        return row.hasNonNull(field) ? LocalDate.parse(row.path(field).asText().substring(0, 10)) : null;
    }

    private static UUID uuid(JsonNode row, String field) {
        return row.hasNonNull(field) ? UUID.fromString(row.path(field).asText()) : null;
    }
}
