package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.PushRequest;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class PushTest {
    TestServer server;
    SyncFixture world;
    SyncClient recruiter;

    @BeforeEach
    void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Mutation send(UUID messageId, String text) {
        return SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                SyncClient.args()
                        .put("conversationId", world.conversation().toString())
                        .put("messageId", messageId.toString())
                        .put("text", text));
    }

    private long conversationVersion() {
        return recruiter
                .pullAll()
                .get("conversation/" + world.conversation())
                .path("version")
                .asLong();
    }

    private Mutation setStatus(String status, long baseVersion) {
        return SyncClient.mutation(
                ConversationMutations.SET_STATUS,
                SyncClient.args()
                        .put("conversationId", world.conversation().toString())
                        .put("status", status)
                        .put("baseVersion", baseVersion));
    }

    private long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    @Test
    void sentMessageIsQueuedUnderTheClientsIdAndReachesTheFeed() {
        UUID id = UUID.randomUUID();
        recruiter.pullAll();

        JsonNode result = recruiter.pushOne(send(id, "Yes, it is! Can you come on Monday?"));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        Map<String, JsonNode> changes = recruiter.pullAll();
        JsonNode message = changes.get("message/" + id).path("data");
        // The sender task may have sent it since; the mutation itself stored it as queued.
        assertThat(count(
                        "select count(*) from sync_changes where entity = 'message' and row_id = ? and version = 1 and data->>'status' = 'queued'",
                        id))
                .isEqualTo(1);
        assertThat(message.path("direction").asText()).isEqualTo("outbound");
        assertThat(message.path("senderUserId").asText()).isEqualTo(recruiter.userId.toString());
        assertThat(changes.get("conversation/" + world.conversation())
                        .path("data")
                        .path("lastMessagePreview")
                        .asText())
                .startsWith("Yes, it is!");
    }

    @Test
    void repeatedPushOfTheSameBatchAppliesOnce() {
        UUID id = UUID.randomUUID();
        List<Mutation> batch = List.of(send(id, "First reply"), setStatus("needs_attention", conversationVersion()));

        JsonNode first = recruiter.push(batch).json();
        JsonNode again = recruiter.push(batch).json();

        assertThat(again).isEqualTo(first);
        assertThat(first.path("results").get(1).path("status").asText()).isEqualTo("applied");
        assertThat(count("select count(*) from messages where id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from activity_logs where action_type = 'conversation.setStatus'"))
                .isEqualTo(1);
    }

    @Test
    void rejectionsAreFinalNamedAndLeaveNothingHalfWritten() {
        UUID ok = UUID.randomUUID();
        List<Mutation> batch = List.of(
                SyncClient.mutation("conversation.teleport", SyncClient.args()),
                SyncClient.mutation(
                        ConversationMutations.SEND_MESSAGE,
                        SyncClient.args()
                                .put("conversationId", UUID.randomUUID().toString())
                                .put("messageId", UUID.randomUUID().toString())
                                .put("text", "to nowhere")),
                SyncClient.mutation(
                        PipelineMutations.MOVE_APPLICATION,
                        SyncClient.args()
                                .put("applicationId", world.application().toString())
                                .put("stage", "promoted")
                                .put("baseVersion", 1)),
                SyncClient.mutation(
                        ConversationMutations.SEND_MESSAGE,
                        SyncClient.args()
                                .put("conversationId", world.conversation().toString())
                                .put("messageId", UUID.randomUUID().toString())
                                .put("text", "x".repeat(5000))),
                SyncClient.mutation(
                        ConversationMutations.SET_STATUS, SyncClient.args().put("conversationId", "not-a-uuid")),
                send(ok, "this one is fine"));

        JsonNode results = recruiter.push(batch).json().path("results");

        assertThat(results.get(0).path("code").asText()).isEqualTo("invalid");
        assertThat(results.get(0).path("message").asText()).contains("conversation.teleport");
        assertThat(results.get(1).path("code").asText()).isEqualTo("not_found");
        assertThat(results.get(2).path("code").asText()).isEqualTo("invalid");
        assertThat(results.get(3).path("code").asText()).isEqualTo("invalid");
        assertThat(results.get(4).path("code").asText()).isEqualTo("invalid");
        assertThat(results.get(5).path("status").asText()).isEqualTo("applied");
        assertThat(count("select count(*) from application_timeline where application_id = ?", world.application()))
                .isZero();
        assertThat(count(
                        "select count(*) from messages where direction = 'outbound' and conversation_id = ?",
                        world.conversation()))
                .isEqualTo(1);
    }

    @Test
    void interviewerMayNotTouchConversations() {
        SyncClient interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);

        JsonNode result = interviewer.pushOne(send(UUID.randomUUID(), "hi"));

        assertThat(result.path("code").asText()).isEqualTo("forbidden");
        assertThat(count(
                        "select count(*) from messages where direction = 'outbound' and conversation_id = ?",
                        world.conversation()))
                .isZero();
    }

    @Test
    void conflictOnTheSameFieldIsRejectedWithTheCurrentValue() {
        long base = conversationVersion();
        assertThat(recruiter.pushOne(setStatus("closed", base)).path("status").asText())
                .isEqualTo("applied");

        JsonNode stale = recruiter.pushOne(setStatus("pending_form", base));

        assertThat(stale.path("code").asText()).isEqualTo("conflict");
        assertThat(stale.path("current").path("status").asText()).isEqualTo("closed");
        assertThat(count("select count(*) from conversations where id = ? and status = 'closed'", world.conversation()))
                .isEqualTo(1);
    }

    @Test
    void editsToDifferentFieldsMerge() {
        long base = conversationVersion();
        assertThat(recruiter
                        .pushOne(setStatus("needs_attention", base))
                        .path("status")
                        .asText())
                .isEqualTo("applied");

        JsonNode assign = recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.ASSIGN,
                SyncClient.args()
                        .put("conversationId", world.conversation().toString())
                        .put("assigneeUserId", recruiter.userId.toString())
                        .put("baseVersion", base)));

        assertThat(assign.path("status").asText()).isEqualTo("applied");
        assertThat(count(
                        "select count(*) from conversations where id = ? and status = 'needs_attention' and assigned_user_id = ?",
                        world.conversation(),
                        recruiter.userId))
                .isEqualTo(1);
    }

    @Test
    void movingAnApplicationWritesItsTimeline() {
        long base = recruiter
                .pullAll()
                .get("application/" + world.application())
                .path("version")
                .asLong();

        JsonNode result = recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.MOVE_APPLICATION,
                SyncClient.args()
                        .put("applicationId", world.application().toString())
                        .put("stage", "screening")
                        .put("baseVersion", base)
                        .put("remarks", "Good first call")));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        assertThat(count(
                        "select count(*) from application_timeline where application_id = ? and previous_status = 'new'"
                                + " and new_status = 'screening' and remarks = 'Good first call'",
                        world.application()))
                .isEqualTo(1);
    }

    @Test
    void tagsAddAndRemoveOnce() {
        Mutation add = SyncClient.mutation(
                ConversationMutations.TAG_CANDIDATE,
                SyncClient.args()
                        .put("candidateId", world.candidate().toString())
                        .put("tag", "forklift")
                        .put("add", true));
        Mutation addAgain = SyncClient.mutation(ConversationMutations.TAG_CANDIDATE, add.args());
        recruiter.push(add, addAgain);
        assertThat(count(
                        "select count(*) from candidate_tags where candidate_id = ? and tag = 'forklift'",
                        world.candidate()))
                .isEqualTo(1);

        recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.TAG_CANDIDATE,
                SyncClient.args()
                        .put("candidateId", world.candidate().toString())
                        .put("tag", "forklift")
                        .put("add", false)));

        assertThat(count("select count(*) from candidate_tags where candidate_id = ?", world.candidate()))
                .isZero();
    }

    @Test
    void noteAndMarkReadApply() {
        UUID note = UUID.randomUUID();
        recruiter.push(
                SyncClient.mutation(
                        ConversationMutations.ADD_NOTE,
                        SyncClient.args()
                                .put("conversationId", world.conversation().toString())
                                .put("noteId", note.toString())
                                .put("text", "Prefers morning shifts")),
                SyncClient.mutation(
                        ConversationMutations.MARK_READ,
                        SyncClient.args()
                                .put("conversationId", world.conversation().toString())
                                .put("read", true)));

        assertThat(count(
                        "select count(*) from messages where id = ? and type = 'note' and direction = 'internal'",
                        note))
                .isEqualTo(1);
        assertThat(count("select unread_count from conversations where id = ?", world.conversation()))
                .isZero();
    }

    @Test
    void malformedOrOversizedPushesAreRequestErrors() {
        assertThat(server.api
                        .post(Paths.SYNC_PUSH, "{\"mutations\": [", recruiter.accessToken)
                        .errorCode())
                .isEqualTo("malformed_json");
        assertThat(server.api.post(Paths.SYNC_PUSH, "{}", recruiter.accessToken).errorCode())
                .isEqualTo("invalid");
        List<Mutation> tooMany = new ArrayList<>();
        for (int i = 0; i <= PushRequest.MAX_MUTATIONS; i++) {
            tooMany.add(send(UUID.randomUUID(), "spam " + i));
        }
        Api.Reply reply = recruiter.push(tooMany);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(count(
                        "select count(*) from messages where direction = 'outbound' and conversation_id = ?",
                        world.conversation()))
                .isZero();
        assertThat(server.api.post(Paths.SYNC_PUSH, "{\"mutations\": []}").status())
                .isEqualTo(401);
    }

    @Test
    void aMutationThatNamesNoRowSaysWhichOneIsMissing() {
        JsonNode result = recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.MARK_READ, SyncClient.args().put("read", true)));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).isEqualTo("Say which conversation (its id is missing).");
    }
}
