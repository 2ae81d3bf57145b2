package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Decision 0009: with the database away the webhook is answered non-2xx, so Meta delivers it
 * again; the redelivery after the database is back is stored, once.
 */
@Tag("database")
class WebhookDatabaseDownTest {
    CloudApiWorld world;

    @BeforeEach
    void start() {
        world = CloudApiWorld.start();
    }

    @AfterEach
    void stop() throws Exception {
        databaseReachable(true);
        world.close();
    }

    private void databaseReachable(boolean reachable) {
        TestPostgres.reachable(world.server.database, reachable);
    }

    @Test
    void aWebhookArrivingWhileTheDatabaseIsDownIsRefusedAndStoredWhenRedelivered() throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.messageValue(
                        "27820000041",
                        "Sizwe",
                        MetaPayloads.text("27820000041", "wamid.outage.1", now, "Are you there?")));

        databaseReachable(false);
        Api.Reply during = world.deliver(body);
        databaseReachable(true);
        // Like Meta, deliver again until it is accepted: the pool may take a moment to reconnect.
        Eventually.await(
                Duration.ofSeconds(30),
                "a redelivery to be accepted",
                () -> world.deliver(body).status() == 200);
        Api.Reply again = world.deliver(body);

        assertThat(during.status()).isEqualTo(503);
        assertThat(during.headers().get("Retry-After")).isNotNull();
        assertThat(again.status()).isEqualTo(200);
        assertThat(world.count("select count(*) from messages where provider_message_id = 'wamid.outage.1'"))
                .isEqualTo(1);
    }
}
