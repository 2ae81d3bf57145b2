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

/** {@code application.addNote}: a recruiter's note on an application, shared with the team or private. */
@Tag("database")
class AddApplicationNoteTest {
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

    private static Mutation note(UUID application, UUID noteId, String text, String type, boolean isPrivate) {
        return SyncClient.mutation(
                PipelineMutations.ADD_NOTE, new PipelineMutations.AddNote(application, noteId, text, type, isPrivate));
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    @Test
    void aNoteIsStoredUnderTheClientsIdLoggedAndSyncedToTheTeam() {
        UUID id = UUID.randomUUID();

        JsonNode result = recruiter.pushOne(
                note(world.application(), id, "  Strong on nights; call after 14:00 ", "follow_up", false));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        JsonNode row = manager.pullAll().get("applicationNote/" + id).path("data");
        assertThat(row.path("applicationId").asText())
                .isEqualTo(world.application().toString());
        assertThat(row.path("noteText").asText()).isEqualTo("Strong on nights; call after 14:00");
        assertThat(row.path("noteType").asText()).isEqualTo("follow_up");
        assertThat(row.path("isPrivate").asBoolean()).isFalse();
        assertThat(row.path("authorUserId").asText()).isEqualTo(recruiter.userId.toString());
        assertThat(count(
                        "select count(*) from activity_logs where action_type = 'application.addNote' and entity_id = ?"
                                + " and user_id = ? and details ->> 'noteId' = ?",
                        world.application(),
                        recruiter.userId,
                        id.toString()))
                .isEqualTo(1);
    }

    @Test
    void aNoteWithoutATypeIsGeneral() {
        UUID id = UUID.randomUUID();

        recruiter.pushOne(note(world.application(), id, "Met at the job fair", null, false));

        assertThat(count("select count(*) from application_notes where id = ? and note_type = 'general'", id))
                .isEqualTo(1);
    }

    @Test
    void aPrivateNoteReachesOnlyItsAuthor() {
        UUID id = UUID.randomUUID();

        JsonNode result =
                recruiter.pushOne(note(world.application(), id, "Salary expectation is firm", "red_flag", true));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        assertThat(recruiter.pullAll()).containsKey("applicationNote/" + id);
        assertThat(manager.pullAll()).doesNotContainKey("applicationNote/" + id);
        assertThat(count("select count(*) from application_notes where id = ? and is_private", id))
                .isEqualTo(1);
    }

    @Test
    void anInterviewerMayNotAddNotes() {
        SyncClient interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        UUID id = UUID.randomUUID();

        JsonNode result = interviewer.pushOne(note(world.application(), id, "Looked tired", "general", false));

        assertThat(result.path("code").asText()).isEqualTo("forbidden");
        assertThat(count("select count(*) from application_notes where id = ?", id))
                .isZero();
    }

    @Test
    void anotherOrganizationsApplicationIsNotFoundAsIfItDidNotExist() throws SQLException {
        UUID theirs;
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID org = SyncFixture.insert(c, "insert into organizations (name) values ('Rival agency') returning id");
            UUID person = SyncFixture.insert(
                    c,
                    "insert into candidates (organization_id, email, full_name) values (?, 'x@rival.test', 'X') returning id",
                    org);
            UUID job = SyncFixture.insert(
                    c, "insert into jobs (organization_id, title) values (?, 'Their job') returning id", org);
            theirs = SyncFixture.insert(
                    c,
                    "insert into applications (organization_id, candidate_id, job_id) values (?, ?, ?) returning id",
                    org,
                    person,
                    job);
        }
        UUID id = UUID.randomUUID();

        JsonNode onTheirs = recruiter.pushOne(note(theirs, id, "Poaching this one", "general", false));
        JsonNode onNothing = recruiter.pushOne(note(UUID.randomUUID(), UUID.randomUUID(), "Nobody", "general", false));

        assertThat(onTheirs.path("code").asText()).isEqualTo("not_found");
        assertThat(onTheirs.path("message").asText())
                .isEqualTo(onNothing.path("message").asText());
        assertThat(count("select count(*) from application_notes where id = ?", id))
                .isZero();
    }

    @Test
    void aNoteIdThatIsTakenIsRefused() {
        UUID id = UUID.randomUUID();
        recruiter.pushOne(note(world.application(), id, "First", "general", false));

        JsonNode again = recruiter.pushOne(note(world.application(), id, "Second", "general", false));

        assertThat(again.path("code").asText()).isEqualTo("invalid");
        assertThat(again.path("message").asText()).contains("exists already");
        assertThat(count("select count(*) from application_notes where id = ? and note_text = 'First'", id))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no text            | ''      | general  | true  | The note is empty
            only blanks        | '   '   | general  | true  | The note is empty
            too long           | LONG    | general  | true  | longer than 10000 characters
            unknown type       | Hello   | urgent   | true  | general, follow_up, red_flag
            no note id         | Hello   | general  | false | needs the id the client made
            """)
    void badInputIsRefusedWithTheReason(String what, String text, String type, boolean withId, String reason) {
        String body = "LONG".equals(text) ? "x".repeat(PipelineMutations.MAX_NOTE + 1) : text;
        UUID id = withId ? UUID.randomUUID() : null;

        JsonNode result = recruiter.pushOne(note(world.application(), id, body, type, false));

        assertThat(result.path("status").asText()).isEqualTo("rejected");
        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
    }

    @Test
    void aNoteMustSayWhichApplication() {
        JsonNode result = recruiter.pushOne(note(null, UUID.randomUUID(), "Hello", "general", false));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains("Say which application");
    }
}
