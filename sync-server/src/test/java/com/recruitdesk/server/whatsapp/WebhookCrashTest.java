package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.TestPostgres;
import com.recruitdesk.server.support.WebhookCrash;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0046: a server killed with -9 while a webhook batch is halfway (rows written, not
 * committed) has stored each webhook whole or not at all, and Meta's redeliveries, answered by the
 * restarted server, store every message exactly once.
 */
@Tag("database")
class WebhookCrashTest {
    @TempDir
    Path dataDir;

    @Test
    void aServerKilledMidBatchKeepsEachWebhookWholeOrNotAtAllAndRedeliveriesStoreItOnce() throws Exception {
        WebhookCrash.Result result = WebhookCrash.run(TestPostgres.migratedDatabase(), dataDir, 6, 5);

        assertThat(result.partialAfterKill())
                .as("webhooks stored in part: %s", result)
                .isZero();
        assertThat(result.wholeAfterKill())
                .as("the webhook whose batch was killed is not there")
                .isLessThan(result.bodies());
        assertThat(result.redeliveriesRefused()).isZero();
        assertThat(result.storedTwice()).isZero();
        assertThat(result.lost()).isZero();
    }
}
