package com.recruitdesk.server.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.platform.db.HashChain;
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

/**
 * {@code application.create}, {@code application.update} and {@code application.move}: people added to
 * jobs, their detail edited and merged field by field, every change on a hash-chained timeline.
 */
@Tag("database")
class ApplicationMutationsTest {
    private static TestServer server;
    private static SyncFixture world;
    private static SyncClient recruiter;
    private static SyncClient colleague;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        colleague = new SyncClient(server.api, "recruiter2@demo.test", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    static Mutation create(UUID id, UUID job, UUID person) {
        return SyncClient.mutation(
                PipelineMutations.CREATE_APPLICATION,
                new PipelineMutations.CreateApplication(id, job, person, "Met at the fair"));
    }

    static Mutation addPerson(UUID person, UUID application, UUID job, String name, String phone, String email) {
        return SyncClient.mutation(
                PipelineMutations.ADD_PERSON_TO_JOB,
                new PipelineMutations.AddPersonToJob(person, application, job, name, phone, email));
    }

    static Mutation update(UUID id, long base, ObjectNode changes) {
        return SyncClient.mutation(
                PipelineMutations.UPDATE_APPLICATION, new PipelineMutations.UpdateApplication(id, base, changes));
    }

    static Mutation move(UUID id, String stage) {
        return SyncClient.mutation(
                PipelineMutations.MOVE_APPLICATION,
                new PipelineMutations.MoveApplication(id, stage, version(id), null));
    }

    static long version(UUID application) {
        return count("select version from applications where id = ?", application);
    }

    private static UUID newJob() throws SQLException {
        try (Connection c = SyncFixture.connect(server.database)) {
            return SyncFixture.insert(
                    c,
                    "insert into jobs (organization_id, title, status) values (?, 'Picker', 'open') returning id",
                    world.organization());
        }
    }

    private static UUID newApplication() throws SQLException {
        UUID id = UUID.randomUUID();
        JsonNode r = recruiter.pushOne(create(id, newJob(), world.otherCandidate()));
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("applied");
        return id;
    }

    @Test
    void aPersonAddedToAJobIsNewWithTheFirstTimelineEntryAndOnlyOnceWhileActive() throws SQLException {
        UUID job = newJob();
        UUID id = UUID.randomUUID();

        JsonNode first = recruiter.pushOne(create(id, job, world.candidate()));
        JsonNode again = recruiter.pushOne(create(UUID.randomUUID(), job, world.candidate()));

        assertThat(first.path("status").asText()).isEqualTo("applied");
        assertThat(colleague
                        .pullAll()
                        .get("application/" + id)
                        .path("data")
                        .path("stage")
                        .asText())
                .isEqualTo("new");
        assertThat(count(
                        "select count(*) from application_timeline where application_id = ? and field = 'created'"
                                + " and chain_seq = 1 and previous_hash = '' and remarks = 'Met at the fair'",
                        id))
                .isEqualTo(1);
        assertThat(again.path("code").asText()).isEqualTo("invalid");
        assertThat(again.path("message").asText())
                .isEqualTo("Thandi Mokoena is in this job's pipeline already (stage new).");
        recruiter.pushOne(move(id, "rejected"));
        assertThat(recruiter
                        .pushOne(create(UUID.randomUUID(), job, world.candidate()))
                        .path("status")
                        .asText())
                .as("once rejected, the person may apply again")
                .isEqualTo("applied");
    }

    @Test
    void anEndedJobTakesNoApplications() throws SQLException {
        UUID job = newJob();
        SyncFixture.execute(server.database, "update jobs set status = 'filled' where id = ?", job);

        JsonNode result = recruiter.pushOne(create(UUID.randomUUID(), job, world.candidate()));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("is filled and takes no new applications");
    }

    @Test
    void anUpdateWritesTheFieldsItChangesAndATimelineEntryForEach() throws SQLException {
        UUID id = newApplication();

        JsonNode result = recruiter.pushOne(update(
                id,
                version(id),
                SyncClient.args()
                        .put("followUpStatus", "shortlisted")
                        .put("nextFollowUpDate", "2030-05-04")
                        .put("submittedToClient", true)
                        .put("aiCustomSummary", "Strong on nights")));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        assertThat(count(
                        "select count(*) from applications where id = ? and follow_up_status = 'shortlisted'"
                                + " and next_follow_up_date = '2030-05-04' and submitted_to_client_at is not null",
                        id))
                .isEqualTo(1);
        assertThat(count("select count(*) from application_timeline where application_id = ?", id))
                .isEqualTo(5);
        assertThat(count(
                        "select count(*) from application_timeline where application_id = ?"
                                + " and field = 'follow_up_status' and new_status = 'shortlisted'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void twoPeopleEditingDifferentFieldsOfTheSameVersionBothApply() throws SQLException {
        UUID id = newApplication();
        long base = version(id);

        JsonNode mine = recruiter.pushOne(update(id, base, SyncClient.args().put("followUpRemarks", "Call at 2")));
        JsonNode theirs = colleague.pushOne(update(id, base, SyncClient.args().put("isRecruiterApproved", true)));

        assertThat(mine.path("status").asText()).isEqualTo("applied");
        assertThat(theirs.path("status").asText()).isEqualTo("applied");
        assertThat(count(
                        "select count(*) from applications where id = ? and follow_up_remarks = 'Call at 2'"
                                + " and is_recruiter_approved",
                        id))
                .isEqualTo(1);
    }

    @Test
    void aFieldBothChangedIsAConflictThatNamesWhoAndKeepsTheirValue() throws SQLException {
        UUID id = newApplication();
        long base = version(id);
        colleague.pushOne(update(id, base, SyncClient.args().put("followUpStatus", "offered")));

        JsonNode mine = recruiter.pushOne(update(
                id, base, SyncClient.args().put("followUpStatus", "no_show").put("followUpRemarks", "Did not come")));

        assertThat(mine.path("code").asText()).isEqualTo("conflict");
        assertThat(mine.path("message").asText())
                .isEqualTo("Someone else changed follow-up status since you started; choose which values to keep.");
        assertThat(mine.path("current").path("followUpStatus").asText()).isEqualTo("offered");
        assertThat(mine.path("current")
                        .path("changedBy")
                        .path("followUpStatus")
                        .path("by")
                        .asText())
                .isEqualTo(colleagueName());
        assertThat(mine.path("current").has("followUpRemarks"))
                .as("only the disputed field")
                .isFalse();
        assertThat(mine.path("current").path("version").asLong()).isEqualTo(version(id));
        assertThat(count("select count(*) from applications where id = ? and follow_up_status = 'offered'", id))
                .isEqualTo(1);
    }

    @Test
    void aPersonsOwnEarlierEditIsNoConflict() throws SQLException {
        UUID id = newApplication();
        long base = version(id);
        recruiter.pushOne(update(id, base, SyncClient.args().put("followUpStatus", "offered")));

        JsonNode again = recruiter.pushOne(update(id, base, SyncClient.args().put("followUpStatus", "joined")));

        assertThat(again.path("status").asText()).isEqualTo("applied");
        assertThat(count("select count(*) from applications where id = ? and follow_up_status = 'joined'", id))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown follow-up status  | followUpStatus   | "maybe"      | shortlisted, interview_scheduled
            not a date                | nextFollowUpDate | "next week"  | must be a date
            score above 100           | matchScore       | 140          | at most 100
            derived on the server     | jdMatchScore     | 99           | There is no field named 'jdMatchScore'
            must-have is the server's | mustHaveFailed   | false        | There is no field named 'mustHaveFailed'
            """)
    void badInputIsRefusedWithTheReason(String what, String field, String json, String reason) throws Exception {
        UUID id = newApplication();
        ObjectNode changes = SyncClient.args();
        changes.set(field, com.recruitdesk.protocol.Json.newMapper().readTree(json));

        JsonNode result = recruiter.pushOne(update(id, version(id), changes));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
    }

    @Test
    void anUnknownStageIsRefused() throws SQLException {
        UUID id = newApplication();

        JsonNode result = recruiter.pushOne(move(id, "hired-ish"));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText())
                .contains("new, screening, interview, offer, hired, rejected, withdrawn");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            sales@demo.test
            interviewer@demo.test
            """)
    void salesAndInterviewersMayNotTouchApplications(String email) throws SQLException {
        SyncClient them = new SyncClient(server.api, email, TestServer.PASSWORD);
        UUID id = newApplication();
        UUID created = UUID.randomUUID();

        assertThat(them.pushOne(create(created, world.job(), world.otherCandidate()))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(them.pushOne(update(id, version(id), SyncClient.args().put("followUpRemarks", "x")))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(them.pushOne(move(id, "screening")).path("code").asText()).isEqualTo("forbidden");
        UUID person = UUID.randomUUID();
        assertThat(them.pushOne(addPerson(person, UUID.randomUUID(), world.job(), "Nobody", "+27825550199", null))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(count("select count(*) from candidates where id = ?", person))
                .isZero();
        assertThat(count("select count(*) from applications where id = ?", created))
                .isZero();
        assertThat(count("select count(*) from applications where id = ? and stage = 'new'", id))
                .isEqualTo(1);
    }

    @Test
    void theTimelineVerifiesUntilARowIsEditedBehindTheProductsBackAndTheCheckNamesIt() throws SQLException {
        UUID id = newApplication();
        recruiter.pushOne(move(id, "screening"));
        recruiter.pushOne(move(id, "interview"));
        recruiter.pushOne(update(id, version(id), SyncClient.args().put("followUpStatus", "interview_scheduled")));
        try (Connection c = SyncFixture.connect(server.database)) {
            assertThat(HashChain.verify(c, Timeline.CHAIN, id).verified()).isTrue();
            assertThat(HashChain.verify(c, Timeline.CHAIN, id).entries()).isEqualTo(4);
        }
        UUID tampered = SyncFixture.insertReturning(
                server.database,
                "update application_timeline set new_status = 'offer' where application_id = ? and chain_seq = 2 returning id",
                id);

        try (Connection c = SyncFixture.connect(server.database)) {
            HashChain.Verification check = HashChain.verify(c, Timeline.CHAIN, id);
            assertThat(check.verified()).isFalse();
            assertThat(check.firstBroken()).contains(tampered);
            assertThat(check.reason()).isEqualTo("its content was changed after it was written");
        }
        SyncFixture.execute(server.database, "delete from application_timeline where id = ?", tampered);
        try (Connection c = SyncFixture.connect(server.database)) {
            assertThat(HashChain.verify(c, Timeline.CHAIN, id).reason())
                    .isEqualTo("entry 2 is missing or out of place");
        }
    }

    @Test
    void aPersonAddedByHandIsOnFileWithTheirApplicationInOneStep() throws SQLException {
        UUID job = newJob();
        UUID person = UUID.randomUUID();
        UUID application = UUID.randomUUID();

        JsonNode r = recruiter.pushOne(
                addPerson(person, application, job, " Nomsa Khumalo ", "+27 82 555-0101", "Nomsa.K@Example.test"));

        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("applied");
        assertThat(count(
                        "select count(*) from candidates where id = ? and full_name = 'Nomsa Khumalo'"
                                + " and whatsapp_id = '+27825550101' and email = 'nomsa.k@example.test'"
                                + " and source = 'manual' and owner_user_id = ?",
                        person,
                        recruiter.userId))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from applications where id = ? and candidate_id = ? and job_id = ? and stage = 'new'",
                        application,
                        person,
                        job))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from application_timeline where application_id = ? and field = 'created'",
                        application))
                .isEqualTo(1);
        var pulled = colleague.pullAll();
        assertThat(pulled.get("candidate/" + person)
                        .path("data")
                        .path("fullName")
                        .asText())
                .isEqualTo("Nomsa Khumalo");
        assertThat(pulled.get("application/" + application)
                        .path("data")
                        .path("stage")
                        .asText())
                .isEqualTo("new");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name         |      | +27825550102 |                  | The person needs a name.
            no way to reach | Lulu |              |                  | Give a phone number or an email address
            a local number  | Lulu | 082 555 0102 |                  | The phone number must be in international form
            a bad address   | Lulu |              | lulu@nowhere     | The email address is not one
            """)
    void aPersonAddedByHandWithSomethingWrongIsRefusedAndNothingIsWritten(
            String what, String name, String phone, String email, String reason) throws SQLException {
        UUID person = UUID.randomUUID();
        UUID application = UUID.randomUUID();

        JsonNode r = recruiter.pushOne(addPerson(person, application, world.job(), name, phone, email));

        assertThat(r.path("code").asText()).isEqualTo("invalid");
        assertThat(r.path("message").asText()).startsWith(reason);
        assertThat(count("select count(*) from candidates where id = ?", person))
                .isZero();
        assertThat(count("select count(*) from applications where id = ?", application))
                .isZero();
    }

    @Test
    void aNumberAlreadyOnFileIsRefusedWithWhoseItIs() throws SQLException {
        UUID job = newJob();
        recruiter.pushOne(addPerson(UUID.randomUUID(), UUID.randomUUID(), job, "Thabo First", "+27825550177", null));
        UUID again = UUID.randomUUID();

        JsonNode r = recruiter.pushOne(addPerson(again, UUID.randomUUID(), job, "Thabo Again", "+27825550177", null));

        assertThat(r.path("code").asText()).isEqualTo("invalid");
        assertThat(r.path("message").asText()).startsWith("Thabo First is on file with this phone number");
        assertThat(count("select count(*) from candidates where id = ?", again)).isZero();
    }

    private static String colleagueName() {
        try (Connection c = SyncFixture.connect(server.database);
                var s = c.prepareStatement("select coalesce(full_name, email) from users where id = ?")) {
            s.setObject(1, colleague.userId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
