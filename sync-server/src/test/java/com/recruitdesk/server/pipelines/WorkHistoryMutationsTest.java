package com.recruitdesk.server.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code candidate.saveWorkHistory} and {@code candidate.deleteWorkHistory}: section F of the master profile. */
@Tag("database")
class WorkHistoryMutationsTest {
    private static TestServer server;
    private static SyncFixture world;
    private static SyncClient recruiter;
    private static SyncClient manager;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        manager = new SyncClient(server.api, "manager@demo.test", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Mutation save(UUID role, UUID person, String company, String start, String end, boolean current) {
        return SyncClient.mutation(
                PipelineMutations.SAVE_WORK_HISTORY,
                new PipelineMutations.SaveWorkHistory(role, person, company, " Engineer ", start, end, current));
    }

    private static Mutation delete(UUID role) {
        return SyncClient.mutation(
                PipelineMutations.DELETE_WORK_HISTORY, new PipelineMutations.DeleteWorkHistory(role));
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    @Test
    void aRoleIsAddedChangedAndRemovedEachLoggedAndSyncedToTheTeam() {
        UUID role = UUID.randomUUID();

        JsonNode added = recruiter.pushOne(save(role, world.candidate(), " Infosys ", "2021-04-01", null, true));

        assertThat(added.path("status").asText()).isEqualTo("applied");
        String key = "candidateWorkHistory/" + role;
        JsonNode row = manager.pullUntil("the role", rows -> rows.containsKey(key))
                .get(key)
                .path("data");
        assertThat(row.path("candidateId").asText()).isEqualTo(world.candidate().toString());
        assertThat(row.path("companyName").asText()).isEqualTo("Infosys");
        assertThat(row.path("jobTitle").asText()).isEqualTo("Engineer");
        assertThat(row.path("startDate").asText()).startsWith("2021-04-01");
        assertThat(row.path("isCurrent").asBoolean()).isTrue();

        JsonNode changed =
                recruiter.pushOne(save(role, world.candidate(), "Infosys", "2021-04-01", "2024-03-31", false));
        assertThat(changed.path("status").asText()).isEqualTo("applied");
        assertThat(count(
                        "select count(*) from candidate_work_history where id = ? and end_date = '2024-03-31'"
                                + " and not is_current",
                        role))
                .isEqualTo(1);

        assertThat(recruiter.pushOne(delete(role)).path("status").asText()).isEqualTo("applied");
        assertThat(count("select count(*) from candidate_work_history where id = ?", role))
                .isZero();
        manager.pullUntil(
                "the removal",
                rows -> rows.containsKey(key)
                        && "delete".equals(rows.get(key).path("op").asText()));
        assertThat(count(
                        "select count(*) from activity_logs where entity_type = 'candidate' and entity_id = ?"
                                + " and details ->> 'roleId' = ?",
                        world.candidate(),
                        role.toString()))
                .isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            no company          | ''       | 2021-04-01 | NULL       | false | A role needs the company's name.
            end before start    | Infosys  | 2021-04-01 | 2020-01-01 | false | The role cannot end before it started.
            current with an end | Infosys  | 2021-04-01 | 2022-01-01 | true  | A current role has no end date.
            not a date          | Infosys  | April 2021 | NULL       | false | The start date must be a date (yyyy-mm-dd).
            """)
    void badInputIsRefusedWithTheReasonAndWritesNothing(
            String what, String company, String start, String end, boolean current, String reason) {
        UUID role = UUID.randomUUID();

        JsonNode result = recruiter.pushOne(save(role, world.candidate(), company, start, end, current));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(count("select count(*) from candidate_work_history where id = ?", role))
                .isZero();
    }

    @Test
    void aRoleOfOnePersonIsNotMovedToAnother() {
        UUID role = UUID.randomUUID();
        recruiter.pushOne(save(role, world.candidate(), "Infosys", null, null, false));

        JsonNode moved = recruiter.pushOne(save(role, world.otherCandidate(), "Infosys", null, null, false));

        assertThat(moved.path("code").asText()).isEqualTo("invalid");
        assertThat(count(
                        "select count(*) from candidate_work_history where id = ? and candidate_id = ?",
                        role,
                        world.candidate()))
                .isEqualTo(1);
    }

    @Test
    void anInterviewerAndSalesMayNotEditTheWorkHistory() {
        UUID role = UUID.randomUUID();
        recruiter.pushOne(save(role, world.candidate(), "Infosys", null, null, false));
        for (String who : new String[] {"interviewer@demo.test", "sales@demo.test"}) {
            SyncClient other = new SyncClient(server.api, who, TestServer.PASSWORD);

            assertThat(other.pushOne(save(UUID.randomUUID(), world.candidate(), "Wipro", null, null, false))
                            .path("code")
                            .asText())
                    .as(who + " adding")
                    .isEqualTo("forbidden");
            assertThat(other.pushOne(delete(role)).path("code").asText())
                    .as(who + " removing")
                    .isEqualTo("forbidden");
        }
        assertThat(count(
                        "select count(*) from candidate_work_history where candidate_id = ? and company_name = 'Wipro'",
                        world.candidate()))
                .isZero();
        assertThat(count("select count(*) from candidate_work_history where id = ?", role))
                .isEqualTo(1);
    }

    @Test
    void anotherOrganizationsPersonAndRoleAreNotFoundAsIfTheyDidNotExist() throws SQLException {
        UUID person;
        UUID role;
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID org = SyncFixture.insert(c, "insert into organizations (name) values ('Rival agency') returning id");
            person = SyncFixture.insert(
                    c,
                    "insert into candidates (organization_id, email, full_name) values (?, 'w@rival.test', 'W') returning id",
                    org);
            role = SyncFixture.insert(
                    c,
                    "insert into candidate_work_history (organization_id, candidate_id, company_name)"
                            + " values (?, ?, 'Rival Ltd') returning id",
                    org,
                    person);
        }

        JsonNode onTheirPerson = recruiter.pushOne(save(UUID.randomUUID(), person, "Infosys", null, null, false));
        JsonNode onNobody = recruiter.pushOne(save(UUID.randomUUID(), UUID.randomUUID(), "Infosys", null, null, false));
        JsonNode overTheirRole = recruiter.pushOne(save(role, world.candidate(), "Infosys", null, null, false));
        JsonNode removingTheirRole = recruiter.pushOne(delete(role));

        assertThat(onTheirPerson.path("code").asText()).isEqualTo("not_found");
        assertThat(onTheirPerson.path("message").asText())
                .isEqualTo(onNobody.path("message").asText());
        assertThat(overTheirRole.path("code").asText()).isEqualTo("not_found");
        assertThat(removingTheirRole.path("code").asText()).isEqualTo("not_found");
        assertThat(count(
                        "select count(*) from candidate_work_history where id = ? and company_name = 'Rival Ltd'",
                        role))
                .isEqualTo(1);
    }
}
