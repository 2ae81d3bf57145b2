package com.recruitdesk.app.interviews.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Entities;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who can sit on a panel and what can be interviewed for, as the staff's computers hold them. */
public final class Directory {
    /** Roles whose holders sit on panels, as the server checks ({@code users.roles}). */
    private static final Set<String> PANEL_ROLES = Set.of("INTERVIEWER", "RECRUITER", "MANAGER", "ADMIN");

    public record Colleague(UUID id, String name, boolean interviewer) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An application someone may be interviewed for: its person and job. */
    public record Opening(
            UUID applicationId, UUID candidateId, UUID jobId, String candidateName, String jobTitle, String stage) {
        @Override
        public String toString() {
            return candidateName + (jobTitle == null ? "" : " — " + jobTitle);
        }
    }

    private final LocalStore store;

    public Directory(LocalStore store) {
        this.store = store;
    }

    /** Active colleagues who interview, interviewers first, then by name. */
    public List<Colleague> panelists() {
        return store
                .query(
                        "select data from current where entity = ? and coalesce(json_extract(data, '$.status'), 'active') = 'active'",
                        List.of(Entities.USER),
                        rs -> store.parse(rs.getString(1)))
                .stream()
                .filter(u -> roles(u).stream().anyMatch(PANEL_ROLES::contains))
                .map(u -> new Colleague(
                        RowValues.uuid(u, "id"), RowValues.text(u, "fullName"), roles(u).contains("INTERVIEWER")))
                .sorted((a, b) -> a.interviewer() != b.interviewer()
                        ? (a.interviewer() ? -1 : 1)
                        : String.valueOf(a.name()).compareToIgnoreCase(String.valueOf(b.name())))
                .toList();
    }

    /** Applications still in the pipeline, by person. */
    public List<Opening> openings() {
        return store
                .query(
                        """
                select a.id, json_extract(a.data, '$.candidateId'), json_extract(a.data, '$.jobId'), p.data,
                       json_extract(j.data, '$.title'), json_extract(a.data, '$.stage')
                  from current a
                  left join current p on p.entity = ? and p.id = json_extract(a.data, '$.candidateId')
                  left join current j on j.entity = ? and j.id = json_extract(a.data, '$.jobId')
                 where a.entity = ? and json_extract(a.data, '$.stage') not in ('hired', 'rejected', 'withdrawn')
                """,
                        List.of(Entities.CANDIDATE, Entities.JOB, Entities.APPLICATION),
                        rs -> new Opening(
                                UUID.fromString(rs.getString(1)),
                                UUID.fromString(rs.getString(2)),
                                rs.getString(3) == null ? null : UUID.fromString(rs.getString(3)),
                                rs.getString(4) == null ? "A candidate" : Schedule.name(store.parse(rs.getString(4))),
                                rs.getString(5),
                                rs.getString(6)))
                .stream()
                .sorted((a, b) -> a.candidateName().compareToIgnoreCase(b.candidateName()))
                .toList();
    }

    private static List<String> roles(ObjectNode user) {
        return Kit.texts(user.path("roles"));
    }
}
