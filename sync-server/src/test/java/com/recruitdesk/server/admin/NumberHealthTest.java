package com.recruitdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A number's health: its connection, the last webhook, the sends and failures of the last 24 hours
 * with the top error codes, what Meta last said of it, and its templates by status.
 */
@Tag("database")
class NumberHealthTest {
    private static TestServer server;
    private static AdminFixture f;
    private static SyncFixture world;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        f = new AdminFixture(server);
        world = SyncFixture.create(server.database);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String token(String email) {
        return server.login(email, TestServer.PASSWORD)
                .json()
                .path("accessToken")
                .asText();
    }

    private static JsonNode health(UUID number) {
        Api.Reply reply = server.api.get(Paths.ADMIN_NUMBER_HEALTH, token(AdminFixture.MANAGER));
        assertThat(reply.status()).isEqualTo(200);
        for (JsonNode n : reply.json().path("numbers")) {
            if (n.path("whatsappAccountId").asText().equals(number.toString())) {
                return n;
            }
        }
        throw new AssertionError("no health for " + number + " in " + reply.body());
    }

    /** An outbound message of the fixture's conversation, {@code hoursAgo}, with a status (and its failure). */
    private static void sent(String status, Integer code, String title, int hoursAgo) {
        f.execute(
                "insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,"
                        + " sender_type, sender_user_id, body, status, error_code, error_title, provider_message_id, created_at)"
                        + " select organization_id, id, whatsapp_account_id, candidate_id, 'outbound', 'text', 'user', ?, 'x', ?, ?, ?,"
                        + " case when ? = 'queued' then null else 'wamid.' || gen_random_uuid() end, now() - ? * interval '1 hour'"
                        + " from conversations where id = ?",
                f.recruiter.userId,
                status,
                code,
                title,
                status,
                hoursAgo,
                world.conversation());
    }

    @Test
    void aNumbersHealthCountsItsSendsFailuresErrorsAndTemplates() {
        // disconnected, so the message queued below stays queued (a connected number would send it now)
        f.asAdmin(
                AdminMutations.SET_WHATSAPP_ACCOUNT_STATUS,
                new AdminMutations.SetWhatsAppAccountStatus(world.whatsappAccount(), "disconnected"));
        sent("delivered", null, null, 1);
        sent("read", null, null, 2);
        sent("failed", 131026, "Message undeliverable", 3);
        sent("failed", 131026, "Message undeliverable", 4);
        sent("failed", 131047, "Re-engagement message", 5);
        sent("failed", 130472, "User's number is part of an experiment", 6);
        sent("failed", 131000, "Something went wrong", 7);
        sent("failed", 131026, "Message undeliverable", 30); // older than a day
        sent("queued", null, null, 0); // not sent yet
        for (String status : new String[] {"approved", "approved", "pending", "rejected", "paused"}) {
            f.execute(
                    "insert into message_templates (organization_id, whatsapp_account_id, name, language, category, status)"
                            + " values (?, ?, ?, 'en_US', 'utility', ?)",
                    world.organization(),
                    world.whatsappAccount(),
                    "t_" + UUID.randomUUID().toString().replace("-", ""),
                    status);
        }
        f.execute(
                "update whatsapp_accounts set verified_name = 'Main Line Ltd', quality_rating = 'YELLOW',"
                        + " messaging_limit_tier = 'TIER_250', meta_checked_at = now() where id = ?",
                world.whatsappAccount());

        JsonNode h = health(world.whatsappAccount());

        assertThat(h.path("displayName").asText()).isEqualTo("Main line");
        assertThat(h.path("connectionStatus").asText()).isEqualTo("disconnected");
        assertThat(h.path("sent24h").asInt()).isEqualTo(7);
        assertThat(h.path("failed24h").asInt()).isEqualTo(5);
        assertThat(h.path("topErrors")).hasSize(3);
        assertThat(h.path("topErrors").get(0).path("code").asText()).isEqualTo("131026");
        assertThat(h.path("topErrors").get(0).path("title").asText()).isEqualTo("Message undeliverable");
        assertThat(h.path("topErrors").get(0).path("count").asInt()).isEqualTo(2);
        assertThat(h.path("topErrors").get(1).path("count").asInt()).isEqualTo(1);
        assertThat(h.path("verifiedName").asText()).isEqualTo("Main Line Ltd");
        assertThat(h.path("qualityRating").asText()).isEqualTo("YELLOW");
        assertThat(h.path("messagingLimitTier").asText()).isEqualTo("TIER_250");
        assertThat(h.path("templatesApproved").asInt()).isEqualTo(2);
        assertThat(h.path("templatesPending").asInt()).isEqualTo(1);
        assertThat(h.path("templatesRejected").asInt()).isEqualTo(1);
    }

    @Test
    void theLastWebhookIsTheLastInboundMessageOfTheNumber() {
        UUID number = UUID.randomUUID();
        f.asAdmin(
                AdminMutations.SAVE_WHATSAPP_ACCOUNT,
                new AdminMutations.SaveWhatsAppAccount(number, "Quiet line", "+27215550501", "simulator", null, null));
        assertThat(health(number).has("lastWebhookAt")).as("nothing came yet").isFalse();

        Api.Reply injected = server.api.post(
                Paths.WHATSAPP_SIMULATOR_INBOUND,
                Map.of(
                        "whatsappAccountId",
                        number.toString(),
                        "from",
                        "+27825550501",
                        "name",
                        "Lindiwe",
                        "text",
                        "Hello"),
                token(AdminFixture.ADMIN));
        assertThat(injected.status()).isEqualTo(201);

        Eventually.await(
                Duration.ofSeconds(10),
                "the webhook time to be noted",
                () -> health(number).has("lastWebhookAt"));
        assertThat(health(number).path("sent24h").asInt()).isZero();
    }

    @Test
    void onlyAdministratorsAndManagersSeeTheHealth() {
        assertThat(server.api
                        .get(Paths.ADMIN_NUMBER_HEALTH, token(TestServer.RECRUITER))
                        .status())
                .isEqualTo(403);
        assertThat(server.api
                        .get(Paths.ADMIN_NUMBER_HEALTH, token(AdminFixture.ADMIN))
                        .status())
                .isEqualTo(200);
    }
}
