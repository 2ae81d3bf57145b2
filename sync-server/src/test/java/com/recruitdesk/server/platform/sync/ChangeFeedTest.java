package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class ChangeFeedTest {
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

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.path("changes").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    @Test
    void freshClientGetsEverythingItMaySeeInPagesWithCamelCaseFields() {
        Map<String, JsonNode> rows = recruiter.pullAll();

        assertThat(rows)
                .containsKeys(
                        "conversation/" + world.conversation(),
                        "message/" + world.inboundMessage(),
                        "candidate/" + world.candidate(),
                        "application/" + world.application(),
                        "interviewSession/" + world.interview());
        JsonNode message = rows.get("message/" + world.inboundMessage()).path("data");
        assertThat(message.path("body").asText()).isEqualTo("Hello, is the job still open?");
        assertThat(message.path("conversationId").asText())
                .isEqualTo(world.conversation().toString());
        assertThat(message.has("conversation_id")).isFalse();
        assertThat(rows.get("user/" + recruiter.userId).path("data").has("passwordHash"))
                .isFalse();
    }

    @Test
    void smallPagesFollowTheCursorAndNeverRepeatAVersion() {
        Map<String, Long> versions = new java.util.HashMap<>();
        int pages = 0;
        JsonNode page;
        do {
            page = recruiter.pullPage(3);
            assertThat(page.path("changes").size()).isLessThanOrEqualTo(3);
            for (JsonNode change : page.path("changes")) {
                String row =
                        change.path("entity").asText() + "/" + change.path("id").asText();
                long version = change.path("version").asLong();
                Long before = versions.put(row, version);
                // A row changed again later may come again, but only newer.
                assertThat(before == null || before < version)
                        .as(row + " went from " + before + " to " + version)
                        .isTrue();
            }
            pages++;
        } while (page.path("hasMore").asBoolean());

        assertThat(pages).isGreaterThan(3);
        assertThat(versions).containsKey("message/" + world.inboundMessage());
        assertThat(recruiter.pullPage(3).path("changes").size()).isZero();
    }

    @Test
    void transactionsCommittingOutOfOrderAreNotSkipped() throws Exception {
        recruiter.pullAll();
        try (Connection first = SyncFixture.connect(server.database);
                Connection second = SyncFixture.connect(server.database)) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // The first transaction writes first, so it holds the lower transaction id, but commits last.
            UUID early = SyncFixture.insert(
                    first,
                    "insert into candidate_tags (organization_id, candidate_id, tag) values (?, ?, 'early') returning id",
                    world.organization(),
                    world.candidate());
            UUID late = SyncFixture.insert(
                    second,
                    "insert into candidate_tags (organization_id, candidate_id, tag) values (?, ?, 'late') returning id",
                    world.organization(),
                    world.candidate());
            second.commit();

            JsonNode between = recruiter.pullPage(500);
            assertThat(ids(between)).doesNotContain(early.toString());

            first.commit();
            Set<String> after = ids(recruiter.pullPage(500));
            Set<String> seen = new HashSet<>(ids(between));
            seen.addAll(after);
            assertThat(seen).contains(early.toString(), late.toString());
        }
    }

    @Test
    void interviewerGetsTheirInterviewAndSummariesButNoConversation() {
        SyncClient interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);

        Map<String, JsonNode> rows = interviewer.pullAll();

        assertThat(rows.keySet()).noneMatch(k -> k.startsWith("message/") || k.startsWith("conversation/"));
        assertThat(rows)
                .containsKeys(
                        "interviewSession/" + world.interview(),
                        "candidate/" + world.candidate(),
                        "job/" + world.job());
        assertThat(rows)
                .doesNotContainKeys("candidate/" + world.otherCandidate(), "application/" + world.application());
        JsonNode candidate = rows.get("candidate/" + world.candidate()).path("data");
        assertThat(candidate.path("fullName").asText()).isEqualTo("Thandi Mokoena");
        assertThat(candidate.has("whatsappId")).as("summary only").isFalse();
        assertThat(candidate.has("phone")).isFalse();
    }

    @Test
    void joiningAPanelSendsItsRowsAndLeavingItSendsDeletes() throws Exception {
        SyncClient other = new SyncClient(server.api, "interviewer2@demo.test", TestServer.PASSWORD);
        assertThat(other.pullAll()).doesNotContainKey("interviewSession/" + world.interview());

        UUID participant;
        try (Connection c = SyncFixture.connect(server.database)) {
            participant = SyncFixture.insert(c, """
                    insert into interview_participants (organization_id, interview_session_id, user_id) values (?, ?, ?) returning id
                    """, world.organization(), world.interview(), world.otherInterviewer());
        }
        Map<String, JsonNode> granted = other.pullAll();
        assertThat(granted)
                .containsKeys(
                        "interviewSession/" + world.interview(),
                        "candidate/" + world.candidate(),
                        "job/" + world.job());
        assertThat(granted.get("interviewSession/" + world.interview())
                        .path("op")
                        .asText())
                .isEqualTo("upsert");

        try (Connection c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement("delete from interview_participants where id = ?")) {
            ps.setObject(1, participant);
            ps.executeUpdate();
        }
        Map<String, JsonNode> revoked = other.pullAll();
        for (String key : List.of(
                "interviewSession/" + world.interview(), "candidate/" + world.candidate(), "job/" + world.job())) {
            assertThat(revoked.get(key).path("op").asText()).as(key).isEqualTo("delete");
        }
        // Staff lose nothing when an interviewer leaves a panel.
        recruiter.pullAll();
        assertThat(recruiter.pullPage(500).path("changes").size()).isZero();
    }

    @Test
    void staffAreNotSentAnInterviewersGrants() throws Exception {
        recruiter.pullAll();
        try (Connection c = SyncFixture.connect(server.database)) {
            SyncFixture.insert(c, """
                    insert into interview_participants (organization_id, interview_session_id, user_id) values (?, ?, ?) returning id
                    """, world.organization(), world.interview(), world.otherInterviewer());
        }

        JsonNode page = recruiter.pullPage(500);

        List<String> entities = StreamSupport.stream(page.path("changes").spliterator(), false)
                .map(c -> c.path("entity").asText())
                .toList();
        assertThat(entities).containsExactly("interviewParticipant");
    }

    @Test
    void orderFollowsTransactionIdsNumericallyNotAsText() throws Exception {
        // Entries of transactions 9 and 10, older than everything else: as text "10" < "9".
        UUID nine = UUID.randomUUID();
        UUID ten = UUID.randomUUID();
        try (Connection c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement("""
                        insert into sync_changes (txid, entity, row_id, op, version, organization_id, data)
                        values (?::xid8, 'candidateTag', ?, 'upsert', 1, ?, '{}'::jsonb)
                        """)) {
            for (Object[] entry : new Object[][] {{"10", ten}, {"9", nine}}) {
                ps.setString(1, (String) entry[0]);
                ps.setObject(2, entry[1]);
                ps.setObject(3, world.organization());
                ps.executeUpdate();
            }
        }
        SyncClient fresh = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        fresh.pullPage(1);
        // From the feed's start, not from no cursor (which reads a snapshot, by entry).
        Cursor epochs = Cursor.decode(fresh.cursor);
        fresh.cursor = new Cursor(epochs.feedEpoch(), epochs.accessEpoch(), "1", 0).encode();

        JsonNode first = fresh.pullPage(1);
        JsonNode second = fresh.pullPage(1);

        assertThat(first.path("changes").get(0).path("id").asText()).isEqualTo(nine.toString());
        assertThat(second.path("changes").get(0).path("id").asText()).isEqualTo(ten.toString());
    }

    @Test
    void badCursorAndLimitAreClearErrors() {
        assertThat(server.api
                        .get(Paths.SYNC_PULL + "?cursor=not-a-cursor", recruiter.accessToken)
                        .errorCode())
                .isEqualTo("invalid");
        assertThat(server.api
                        .get(Paths.SYNC_PULL + "?limit=0", recruiter.accessToken)
                        .status())
                .isEqualTo(400);
        assertThat(server.api
                        .get(Paths.SYNC_PULL + "?limit=lots", recruiter.accessToken)
                        .status())
                .isEqualTo(400);
        assertThat(server.api.get(Paths.SYNC_PULL).status()).isEqualTo(401);
    }

    @Test
    void aPrivateApplicationNoteReachesOnlyItsAuthorAndASharedOneTheStaff() {
        SyncClient manager = new SyncClient(server.api, "manager@demo.test", TestServer.PASSWORD);
        UUID secret = UUID.randomUUID();
        UUID shared = UUID.randomUUID();
        for (UUID id : List.of(secret, shared)) {
            SyncFixture.execute(
                    server.database,
                    "insert into application_notes (id, organization_id, application_id, author_user_id, note_text, is_private)"
                            + " values (?, ?, ?, ?, 'About the salary', ?)",
                    id,
                    world.organization(),
                    world.application(),
                    recruiter.userId,
                    id.equals(secret));
        }

        Map<String, JsonNode> author = recruiter.pullAll();
        Map<String, JsonNode> colleague = manager.pullAll();

        assertThat(author).containsKeys("applicationNote/" + secret, "applicationNote/" + shared);
        assertThat(colleague).containsKey("applicationNote/" + shared).doesNotContainKey("applicationNote/" + secret);
    }
}
