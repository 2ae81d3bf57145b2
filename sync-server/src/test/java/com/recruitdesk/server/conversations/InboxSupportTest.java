package com.recruitdesk.server.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the Conversations pane syncs besides conversations: canned responses, and colleagues with their roles. */
@Tag("database")
class InboxSupportTest {
    static TestServer server;
    static SyncClient recruiter;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Mutation save(UUID id, String shortcut, String body) {
        return SyncClient.mutation(
                ConversationMutations.SAVE_CANNED_RESPONSE,
                SyncClient.args()
                        .put("id", id.toString())
                        .put("shortcut", shortcut)
                        .put("body", body));
    }

    @Test
    void theDemoHasCannedResponsesThatReachStaff() {
        Map<String, JsonNode> rows = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD).pullAll();

        assertThat(rows.values().stream()
                        .filter(c -> c.path("entity").asText().equals("cannedResponse"))
                        .map(c -> c.path("data").path("shortcut").asText()))
                .contains("welcome", "form", "photo");
    }

    @Test
    void aCannedResponseIsCreatedEditedAndDeletedByItsClientMadeId() {
        UUID id = UUID.randomUUID();
        SyncClient reader = new SyncClient(server.api, "manager@demo.test", TestServer.PASSWORD);
        reader.pullAll();

        assertThat(recruiter
                        .pushOne(save(id, "/Shift", "Which shift suits you: morning or evening?"))
                        .path("status")
                        .asText())
                .isEqualTo("applied");
        JsonNode created = reader.pullAll().get("cannedResponse/" + id).path("data");
        assertThat(created.path("shortcut").asText())
                .as("lower-cased, slash dropped")
                .isEqualTo("shift");
        assertThat(created.path("createdByUserId").asText()).isEqualTo(recruiter.userId.toString());

        recruiter.pushOne(save(id, "shift", "Morning, afternoon or night shift?"));
        assertThat(reader.pullAll()
                        .get("cannedResponse/" + id)
                        .path("data")
                        .path("body")
                        .asText())
                .isEqualTo("Morning, afternoon or night shift?");

        JsonNode deleted = recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.DELETE_CANNED_RESPONSE, SyncClient.args().put("id", id.toString())));
        assertThat(deleted.path("status").asText()).isEqualTo("applied");
        assertThat(reader.pullAll().get("cannedResponse/" + id).path("op").asText())
                .isEqualTo("delete");
        assertThat(SyncFixture.count(
                        server.database,
                        "select count(*) from activity_logs where entity_id = ? and action_type like 'cannedResponse.%'",
                        id))
                .isEqualTo(3);
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'two words'   | shortcut is 1 to 32
            welcome       | already uses the shortcut /welcome
            ''            | shortcut is empty
            """)
    void aBadShortcutIsRejectedWithTheReason(String shortcut, String reason) {
        JsonNode result = recruiter.pushOne(save(UUID.randomUUID(), shortcut, "Some text"));

        assertThat(result.path("status").asText()).isEqualTo("rejected");
        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
    }

    @Test
    void anInterviewerMayNotEditCannedResponses() {
        SyncClient interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);

        JsonNode result = interviewer.pushOne(save(UUID.randomUUID(), "mine", "Hello"));

        assertThat(result.path("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void userRowsCarryTheirRolesAndFollowChanges() {
        SyncClient reader = new SyncClient(server.api, "manager@demo.test", TestServer.PASSWORD);
        Map<String, JsonNode> rows = reader.pullAll();
        JsonNode me = rows.get("user/" + recruiter.userId).path("data");
        assertThat(me.path("roles").toString()).isEqualTo("[\"RECRUITER\"]");
        assertThat(me.has("passwordHash")).isFalse();

        SyncFixture.execute(
                server.database, "insert into user_roles (user_id, role) values (?, 'MANAGER')", recruiter.userId);

        assertThat(reader.pullAll()
                        .get("user/" + recruiter.userId)
                        .path("data")
                        .path("roles")
                        .toString())
                .isEqualTo("[\"MANAGER\",\"RECRUITER\"]");
        SyncFixture.execute(
                server.database, "delete from user_roles where user_id = ? and role = 'MANAGER'", recruiter.userId);
    }
}
