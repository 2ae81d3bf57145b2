package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.support.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two server instances on one database (and one blob directory) fetch each inbound file once. */
@Tag("database")
class MediaDownloadConcurrencyTest {
    static final int FILES = 24;
    CloudApiWorld world;

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void twoInstancesDrainingTheSameQueueDownloadEachFileOnce() {
        world = CloudApiWorld.start();
        GraphMedia graph = new GraphMedia();
        world.graph.setDispatcher(graph);
        Map<String, String> env = Map.of(
                "RD_DB_URL", world.server.database.url(),
                "RD_DB_USER", world.server.database.user(),
                "RD_DB_PASSWORD", world.server.database.password(),
                "RD_HTTP_PORT", "0",
                "RD_DATA_DIR", world.server.dataDir.toString(),
                "RD_WHATSAPP_APP_SECRET", CloudApiWorld.APP_SECRET,
                "RD_WHATSAPP_ACCESS_TOKEN", CloudApiWorld.ACCESS_TOKEN,
                "RD_WHATSAPP_API_BASE", world.graph.url("/v23.0").toString());
        try (SyncServer second = SyncServer.start(ConfigLoader.load(env))) {
            long now = Instant.now().getEpochSecond();
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < FILES; i++) {
                byte[] bytes = new byte[30_000 + i];
                new Random(i).nextBytes(bytes);
                String mediaId = String.valueOf(5_000_000 + i);
                graph.file(mediaId, bytes, "image/jpeg");
                messages.add(MetaPayloads.message(
                        "2782000008" + (i % 10), "wamid.many." + i, now, "image", """
                        {"mime_type": "image/jpeg", "sha256": "x", "id": "%s"}""".formatted(mediaId), null));
            }
            var reply = world.deliver(MetaPayloads.envelope(
                    CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                    CloudApiWorld.MAIN_DISPLAY,
                    "\"messages\": [" + String.join(",", messages) + "]"));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);

            Eventually.await(
                    Duration.ofSeconds(30),
                    "every file downloaded",
                    () -> world.count(
                                    "select count(*) from messages where whatsapp_account_id = ? and media_blob_id is not null",
                                    world.mainAccount)
                            == FILES);

            assertThat(second.port()).isPositive();
            for (int i = 0; i < FILES; i++) {
                String mediaId = String.valueOf(5_000_000 + i);
                assertThat(graph.hits("/v23.0/" + mediaId)).as(mediaId).isEqualTo(1);
                assertThat(graph.hits("/lookaside/" + mediaId)).as(mediaId).isEqualTo(1);
            }
            assertThat(world.count(
                            "select count(*) from blobs b join messages m on m.media_blob_id = b.id where m.whatsapp_account_id = ?",
                            world.mainAccount))
                    .isEqualTo(FILES);
            assertThat(world.count("select count(*) from whatsapp_media_downloads"))
                    .isZero();
        }
    }
}
