package com.recruitdesk.server.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.AdminMutations.Grant;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server keeps who a caller is between requests (decision 0035), yet a change of roles or of
 * the account counts at the very next request: the change's own commit drops the cached access.
 */
@Tag("database")
class CachedAccessTest {
    private static TestServer server;
    private static SyncFixture world;
    private static SyncClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        admin = new SyncClient(server.api, "admin@demo.test", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode send(SyncClient who) {
        return who.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), UUID.randomUUID(), "Hello", null)));
    }

    private static JsonNode setRoles(UUID user, String role) {
        return admin.pushOne(SyncClient.mutation(
                AdminMutations.SET_ROLES, new AdminMutations.SetRoles(user, List.of(Grant.of(role)))));
    }

    @Test
    void aDemotedUsersNextRequestSeesTheNewRoles() {
        SyncClient user = new SyncClient(server.api, "recruiter2@demo.test", TestServer.PASSWORD);
        try {
            // Several turns, each request right after the change: a stale entry would let one through.
            for (int turn = 0; turn < 5; turn++) {
                assertThat(send(user).path("status").asText())
                        .as("turn %d as recruiter", turn)
                        .isEqualTo("applied");
                assertThat(send(user).path("status").asText()).isEqualTo("applied"); // now from the cache

                assertThat(setRoles(user.userId, "INTERVIEWER").path("status").asText())
                        .isEqualTo("applied");
                assertThat(send(user).path("code").asText())
                        .as("turn %d, first request after the demotion", turn)
                        .isEqualTo("forbidden");

                assertThat(setRoles(user.userId, "RECRUITER").path("status").asText())
                        .isEqualTo("applied");
            }
        } finally {
            setRoles(user.userId, "RECRUITER");
        }
    }

    @Test
    void aDeactivatedUsersNextRequestIsRefused() {
        SyncClient user = new SyncClient(server.api, "interviewer2@demo.test", TestServer.PASSWORD);
        assertThat(server.api.get(Paths.SYNC_PULL, user.accessToken).status()).isEqualTo(200);

        JsonNode off = admin.pushOne(
                SyncClient.mutation(AdminMutations.SET_ACTIVE, new AdminMutations.SetActive(user.userId, false)));
        var push = user.push(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), UUID.randomUUID(), "Hello", null)));

        assertThat(off.path("status").asText()).isEqualTo("applied");
        assertThat(push.status()).isEqualTo(401);
        assertThat(push.errorCode()).isEqualTo("account_inactive");
    }

    @Test
    void aChangeMadeOutsideTheServerReachesTheCacheThroughTheListener() {
        SyncClient user = new SyncClient(server.api, "manager@demo.test", TestServer.PASSWORD);
        assertThat(send(user).path("status").asText()).isEqualTo("applied");

        // An operator's SQL on a connection of its own: the server hears of it through the poke listener.
        SyncFixture.execute(
                server.database, "update user_roles set role = 'INTERVIEWER' where user_id = ?", user.userId);
        try {
            Eventually.await(
                    Duration.ofSeconds(10),
                    "the manager's push refused after the change by SQL",
                    () -> "forbidden".equals(send(user).path("code").asText()));
        } finally {
            SyncFixture.execute(
                    server.database, "update user_roles set role = 'MANAGER' where user_id = ?", user.userId);
        }
    }
}
