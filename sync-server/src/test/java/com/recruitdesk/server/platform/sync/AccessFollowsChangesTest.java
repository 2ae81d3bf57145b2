package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.Replica;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a user's computer holds follows their roles, their account's state and their organization,
 * however those change (here: straight in the database, as any writer could).
 */
@Tag("database")
class AccessFollowsChangesTest {
    TestServer server;
    SyncFixture world;

    @BeforeEach
    void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SyncClient signIn(String email) {
        return new SyncClient(server.api, email, TestServer.PASSWORD);
    }

    private void setRole(UUID user, String role) {
        SyncFixture.execute(server.database, "delete from user_roles where user_id = ?", user);
        SyncFixture.execute(server.database, "insert into user_roles (user_id, role) values (?, ?)", user, role);
    }

    private boolean holdsConversations(Replica replica) {
        return replica.keys().stream().anyMatch(k -> k.startsWith("conversation/") || k.startsWith("message/"));
    }

    @Test
    void salesIsRefusedSendMessageAndPullsNoConversation() {
        SyncClient sales = signIn("sales@demo.test");

        var result = sales.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), UUID.randomUUID(), "Hi from sales", null)));

        assertThat(result.path("code").asText()).isEqualTo("forbidden");
        Replica replica = new Replica(sales).pull(500);
        assertThat(replica.keys()).noneMatch(k -> k.startsWith("message/") || k.startsWith("conversation/"));
        assertThat(replica.keys()).noneMatch(k -> k.startsWith("candidate/") || k.startsWith("application/"));
    }

    @Test
    void salesPullsLeadsTasksClientsAndTheJobsOfClientsOnly() {
        UUID lead = insert("insert into leads (organization_id, company_name) values (?, 'Acme Mining') returning id");
        UUID task = insert("insert into sales_tasks (organization_id, lead_id, title) values (?, '" + lead
                + "', 'Call back') returning id");
        UUID client = insert("insert into clients (organization_id, name) values (?, 'Acme Mining') returning id");
        UUID clientJob = insert("insert into jobs (organization_id, client_id, title) values (?, '" + client
                + "', 'Shift lead') returning id");

        Replica sales = new Replica(signIn("sales@demo.test")).pull(500);

        assertThat(sales.keys())
                .contains("lead/" + lead, "salesTask/" + task, "client/" + client, "job/" + clientJob)
                .doesNotContain("job/" + world.job());

        // A job that loses its client leaves sales' computer.
        SyncFixture.execute(server.database, "update jobs set client_id = null where id = ?", clientJob);
        assertThat(sales.pull(500).keys()).doesNotContain("job/" + clientJob);
    }

    @Test
    void aRecruiterDemotedToInterviewerKeepsNothingAnInterviewerMayNotSee() {
        SyncClient recruiter = signIn("recruiter2@demo.test");
        Replica laptop = new Replica(recruiter).pull(500);
        assertThat(holdsConversations(laptop)).isTrue();

        setRole(recruiter.userId, "INTERVIEWER");
        laptop.pull(500);

        assertThat(holdsConversations(laptop)).isFalse();
        assertThat(laptop.keys())
                .doesNotContain("candidate/" + world.candidate(), "application/" + world.application());
        // Nor may the old token still send messages.
        var result = recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), UUID.randomUUID(), "still here?", null)));
        assertThat(result.path("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void anInterviewerPromotedToRecruiterReceivesTheHistory() {
        SyncClient interviewer = signIn("interviewer@demo.test");
        Replica laptop = new Replica(interviewer).pull(500);
        assertThat(holdsConversations(laptop)).isFalse();

        setRole(interviewer.userId, "RECRUITER");
        laptop.pull(500);

        assertThat(laptop.keys())
                .contains(
                        "conversation/" + world.conversation(),
                        "message/" + world.inboundMessage(),
                        "application/" + world.application());
        assertThat(laptop.row("candidate", world.candidate())
                        .orElseThrow()
                        .path("data")
                        .has("whatsappId"))
                .as("the whole person now, not the interviewer's summary")
                .isTrue();
    }

    @Test
    void aUserDeactivatedByAnAdministratorIsStoppedAtOnce() {
        SyncClient recruiter = signIn("recruiter2@demo.test");
        recruiter.pullPage(500);

        JsonNode off = signIn("admin@demo.test")
                .pushOne(SyncClient.mutation(
                        AdminMutations.SET_ACTIVE, new AdminMutations.SetActive(recruiter.userId, false)));
        assertThat(off.path("status").asText()).isEqualTo("applied");

        // The very next requests: the deactivation's own commit dropped the cached access (decision 0035).
        assertStopped(recruiter);
    }

    @Test
    void aUserDeactivatedBehindTheServersBackIsStoppedWithinMoments() {
        SyncClient recruiter = signIn("recruiter2@demo.test");
        recruiter.pullPage(500);

        SyncFixture.execute(server.database, "update users set status = 'inactive' where id = ?", recruiter.userId);

        // Another writer's change reaches this server's cached access through its database listener.
        Eventually.await(
                Duration.ofSeconds(5),
                "the deactivation to reach the server",
                () -> recruiter.push(markRead()).status() == 401);
        assertStopped(recruiter);
    }

    private ConversationMutations.MarkRead markReadArgs() {
        return new ConversationMutations.MarkRead(world.conversation(), true);
    }

    private com.recruitdesk.protocol.sync.Mutation markRead() {
        return SyncClient.mutation(ConversationMutations.MARK_READ, markReadArgs());
    }

    private void assertStopped(SyncClient recruiter) {
        var pull = server.api.get(Paths.SYNC_PULL, recruiter.accessToken);
        assertThat(pull.status()).isEqualTo(401);
        assertThat(pull.errorCode()).isEqualTo("account_inactive");
        assertThat(recruiter.push(markRead()).status()).isEqualTo(401);
    }

    @Test
    void aUserMovedToAnotherOrganizationKeepsNoneOfTheOldOne() {
        SyncClient recruiter = signIn("recruiter2@demo.test");
        Replica laptop = new Replica(recruiter).pull(500);
        assertThat(holdsConversations(laptop)).isTrue();
        UUID other = insert("insert into organizations (name) select 'Other agency ' || ? returning id");

        SyncFixture.execute(
                server.database, "update users set organization_id = ? where id = ?", other, recruiter.userId);
        laptop.pull(500);

        assertThat(holdsConversations(laptop)).isFalse();
        assertThat(laptop.keys()).doesNotContain("organization/" + world.organization());
    }

    private UUID insert(String sql) {
        try (var c = SyncFixture.connect(server.database)) {
            return SyncFixture.insert(c, sql, world.organization());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
