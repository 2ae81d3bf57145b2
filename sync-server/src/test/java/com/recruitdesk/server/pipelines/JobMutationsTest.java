package com.recruitdesk.server.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code job.save} and {@code job.setStatus}: jobs created, edited and moved through their one state machine. */
@Tag("database")
class JobMutationsTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static TestServer server;
    private static SyncClient recruiter;
    private static SyncClient manager;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        manager = new SyncClient(server.api, "manager@demo.test", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ObjectNode fields(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Mutation save(UUID id, Long base, String json) {
        return SyncClient.mutation(PipelineMutations.SAVE_JOB, new PipelineMutations.SaveJob(id, base, fields(json)));
    }

    static Mutation status(UUID id, String status) {
        return SyncClient.mutation(
                PipelineMutations.SET_JOB_STATUS, new PipelineMutations.SetJobStatus(id, status, null));
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    private static UUID newJob(String title) {
        UUID id = UUID.randomUUID();
        JsonNode r = recruiter.pushOne(save(id, null, "{\"title\": \"" + title + "\"}"));
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("applied");
        return id;
    }

    private static long version(UUID job) {
        return count("select version from jobs where id = ?", job);
    }

    @Test
    void aNewJobIsADraftWithAnAddressFromItsTitleOwnedByItsMakerAndLogged() {
        UUID id = UUID.randomUUID();

        JsonNode result = recruiter.pushOne(save(id, null, """
                {"title": "Night-shift Nurse (ICU)", "employmentType": "full_time", "workMode": "on_site",
                 "jobLocations": ["Durban"], "minSalary": 18000, "maxSalary": 24000, "currency": "ZAR",
                 "salaryUnit": "month", "requiredSkills": ["ICU", "BLS"], "numberOfOpenings": 2,
                 "department": "Critical care", "minExperienceYears": 2, "maxExperienceYears": 6.5}
                """));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        JsonNode row = manager.pullAll().get("job/" + id).path("data");
        assertThat(row.path("status").asText()).isEqualTo("draft");
        assertThat(row.path("slug").asText()).startsWith("night-shift-nurse-icu");
        assertThat(row.path("requiredSkills").toString()).isEqualTo("[\"ICU\",\"BLS\"]");
        assertThat(row.path("maxExperienceYears").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(row.path("assignedRecruiterId").asText()).isEqualTo(recruiter.userId.toString());
        assertThat(count(
                        "select count(*) from activity_logs where action_type = 'job.save' and entity_id = ? and user_id = ?",
                        id,
                        recruiter.userId))
                .isEqualTo(1);
    }

    @Test
    void anEditChangesOnlyTheFieldsItNames() {
        UUID id = newJob("Forklift driver");
        recruiter.pushOne(save(id, version(id), "{\"industry\": \"Logistics\", \"minSalary\": 9000}"));

        JsonNode result = recruiter.pushOne(save(id, version(id), "{\"minSalary\": 9500}"));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        assertThat(count("select count(*) from jobs where id = ? and industry = 'Logistics' and min_salary = 9500", id))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative salary          | {"minSalary": -5}                                  | The minimum salary cannot be negative
            min above max salary     | {"minSalary": 30000, "maxSalary": 20000}           | minimum salary is more than the maximum
            experience out of order  | {"minExperienceYears": 8, "maxExperienceYears": 3} | minimum experience is more than the maximum
            salary not a number      | {"minSalary": "a lot"}                             | must be a whole number
            unknown employment type  | {"employmentType": "gig"}                          | full_time, part_time, contractor, temporary, intern
            bad currency             | {"currency": "rand"}                               | not in the expected form
            bad address              | {"slug": "Not A Slug!"}                            | not in the expected form
            unknown field            | {"salary": 5}                                      | There is no field named 'salary'
            no title                 | {"title": "  "}                                    | A job needs a title
            nothing at all           | {}                                                 | changes no field
            """)
    void badInputIsRefusedWithTheReasonAndNothingIsWritten(String what, String json, String reason) {
        UUID id = UUID.randomUUID();
        ObjectNode changes = fields(json);
        if (!changes.has("title") && !changes.isEmpty()) {
            changes.put("title", "Packer");
        }

        JsonNode result = recruiter.pushOne(
                SyncClient.mutation(PipelineMutations.SAVE_JOB, new PipelineMutations.SaveJob(id, null, changes)));

        assertThat(result.path("code").asText()).as(result.toString()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(count("select count(*) from jobs where id = ?", id)).isZero();
    }

    @Test
    void anAddressTakenByAnotherJobIsRefused() {
        UUID first = newJob("Chef");
        String slug = one("select slug from jobs where id = '" + first + "'");
        UUID second = newJob("Sous chef");

        JsonNode result = recruiter.pushOne(save(second, version(second), "{\"slug\": \"" + slug + "\"}"));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("/jobs/" + slug + " is taken by the job Chef");
    }

    @Test
    void aJobOpensAndIsPublishedThenClosesAndReopens() {
        UUID id = newJob("Warehouse picker");

        assertThat(recruiter.pushOne(status(id, "open")).path("status").asText())
                .isEqualTo("applied");
        assertThat(count(
                        "select count(*) from jobs where id = ? and status = 'open' and is_published"
                                + " and published_at is not null",
                        id))
                .isEqualTo(1);
        assertThat(recruiter.pushOne(status(id, "closed")).path("status").asText())
                .isEqualTo("applied");
        assertThat(count("select count(*) from jobs where id = ? and not is_published and published_at is null", id))
                .isEqualTo(1);
        assertThat(recruiter.pushOne(status(id, "open")).path("status").asText())
                .isEqualTo("applied");
        assertThat(count(
                        "select count(*) from activity_logs where action_type = 'job.setStatus' and entity_id = ?", id))
                .isEqualTo(3);
    }

    @Test
    void aStatusTheMachineDoesNotAllowIsRefusedWithWhereItCanGo() {
        UUID id = newJob("Cashier");

        JsonNode result = recruiter.pushOne(status(id, "filled"));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText())
                .contains("cannot become filled")
                .contains("cancelled, open, sourcing");
        assertThat(recruiter.pushOne(status(id, "hiring")).path("message").asText())
                .contains("draft, open, sourcing, interview, offer, paused, filled, closed, cancelled");
    }

    @Test
    void aJobWhoseClosingDateHasPassedCannotOpen() {
        UUID id = newJob("Seasonal packer");
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        recruiter.pushOne(save(id, version(id), "{\"applicationDeadline\": \"" + yesterday + "\"}"));

        JsonNode result = recruiter.pushOne(status(id, "open"));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("The closing date " + yesterday + " has passed");
        assertThat(count("select count(*) from jobs where id = ? and status = 'draft'", id))
                .isEqualTo(1);
    }

    @Test
    void aLiveJobsClosingDateCannotBeMovedIntoThePast() {
        UUID id = newJob("Delivery driver");
        recruiter.pushOne(status(id, "open"));

        JsonNode result = recruiter.pushOne(save(id, version(id), "{\"applicationDeadline\": \"2020-01-31\"}"));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("has passed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            sales@demo.test
            interviewer@demo.test
            """)
    void salesAndInterviewersMayNotChangeJobs(String email) {
        SyncClient them = new SyncClient(server.api, email, TestServer.PASSWORD);
        UUID mine = newJob("Receptionist");
        UUID id = UUID.randomUUID();

        JsonNode create = them.pushOne(save(id, null, "{\"title\": \"Their job\"}"));
        JsonNode open = them.pushOne(status(mine, "open"));

        assertThat(create.path("code").asText()).isEqualTo("forbidden");
        assertThat(open.path("code").asText()).isEqualTo("forbidden");
        assertThat(count("select count(*) from jobs where id = ?", id)).isZero();
        assertThat(count("select count(*) from jobs where id = ? and status = 'draft'", mine))
                .isEqualTo(1);
    }

    private static String one(String sql) {
        try (var c = SyncFixture.connect(server.database);
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
