package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.BusinessHours;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A number greets, from the bot, whoever writes to it for the first time; outside business hours it says when it opens. */
class BotGreetingTest {
    @Test
    void outsideBusinessHoursTheGreetingSaysWhenTheOfficeOpens() {
        BusinessHours weekdays = BusinessHours.standard(); // Monday to Friday 08:00–17:00 UTC

        assertThat(BotGreeting.text("Hi!", weekdays, Instant.parse("2026-12-01T10:00:00Z")))
                .isEqualTo("Hi!");
        assertThat(BotGreeting.text("Hi!", weekdays, Instant.parse("2026-12-05T10:00:00Z")))
                .isEqualTo("Hi!\n\nOur office is closed now; we answer from Monday at 08:00.");
        assertThat(BotGreeting.text("Hi!", new BusinessHours(ZoneOffset.UTC, Map.of()), Instant.now()))
                .as("an office that never opens says nothing of it")
                .isEqualTo("Hi!");
    }

    @Test
    @Tag("database")
    void aFirstMessageIsGreetedOnceAndOnlyOnTheNumberThatHasAGreeting() {
        try (TestServer server = TestServer.withoutDemo()) {
            SyncFixture world = SyncFixture.create(server.database);
            SyncClient admin = new SyncClient(server.api, "admin@demo.test", TestServer.PASSWORD);
            var greetings = JsonNodeFactory.instance.objectNode();
            greetings.put(world.whatsappAccount().toString(), "Hi! Thanks for writing to RecruitDesk.");
            // always open, so the greeting is the text alone whatever the time of the test
            var always = new java.util.EnumMap<DayOfWeek, BusinessHours.Opening>(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                always.put(d, new BusinessHours.Opening(LocalTime.MIN, LocalTime.MAX));
            }
            for (var setting : new AdminMutations.SaveSetting[] {
                new AdminMutations.SaveSetting(Settings.BOT_GREETINGS, greetings),
                new AdminMutations.SaveSetting(
                        Settings.BUSINESS_HOURS, new BusinessHours(ZoneOffset.UTC, always).toJson())
            }) {
                assertThat(admin.pushOne(SyncClient.mutation(AdminMutations.SAVE_SETTING, setting))
                                .path("status")
                                .asText())
                        .isEqualTo("applied");
            }
            String token = server.login("admin@demo.test", TestServer.PASSWORD)
                    .json()
                    .path("accessToken")
                    .asText();

            for (String text : new String[] {"Hello, is the job open?", "Hello again"}) {
                Api.Reply r = server.api.post(
                        Paths.WHATSAPP_SIMULATOR_INBOUND,
                        Map.of(
                                "whatsappAccountId",
                                world.whatsappAccount().toString(),
                                "from",
                                "+27825550777",
                                "name",
                                "Zanele",
                                "text",
                                text),
                        token);
                assertThat(r.status()).isEqualTo(201);
            }

            String greeted = "select count(*) from messages m join candidates p on p.id = m.candidate_id"
                    + " where p.whatsapp_id = '+27825550777' and m.sender_type = 'bot' and m.direction = 'outbound'"
                    + " and m.body = 'Hi! Thanks for writing to RecruitDesk.'";
            assertThat(SyncFixture.count(server.database, greeted)).isEqualTo(1);
            Eventually.await(
                    Duration.ofSeconds(20),
                    "the greeting to be sent",
                    () -> SyncFixture.count(server.database, greeted + " and m.status <> 'queued'") == 1);

            // Another number without a greeting greets nobody.
            UUID quiet = UUID.randomUUID();
            admin.pushOne(SyncClient.mutation(
                    AdminMutations.SAVE_WHATSAPP_ACCOUNT,
                    new AdminMutations.SaveWhatsAppAccount(quiet, "Quiet", "+27215550888", "simulator", null, null)));
            server.api.post(
                    Paths.WHATSAPP_SIMULATOR_INBOUND,
                    Map.of("whatsappAccountId", quiet.toString(), "from", "+27825550778", "text", "Hi"),
                    token);
            assertThat(SyncFixture.count(
                            server.database,
                            "select count(*) from messages where whatsapp_account_id = ? and direction = 'outbound'",
                            quiet))
                    .isZero();
        }
    }
}
