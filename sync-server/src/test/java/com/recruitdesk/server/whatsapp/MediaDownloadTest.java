package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.support.BlobHttp;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Inbound media fetched from Meta's Graph API (played by MockWebServer) into the blob store. */
@Tag("database")
class MediaDownloadTest {
    static final String WA_ID = "27820000071";
    static final String IMAGE_ID = "1003383421387256";
    static final Duration WAIT = Duration.ofSeconds(20);

    CloudApiWorld world;
    final GraphMedia graph = new GraphMedia();
    final long now = Instant.now().getEpochSecond();

    void start(Map<String, String> env) {
        world = CloudApiWorld.start(env);
        world.graph.setDispatcher(graph);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String image(String mediaId, String caption) {
        return """
                {"caption": "%s", "mime_type": "image/jpeg", "sha256": "Cf3bShU2bNmXmnh3XmDb5HPmkaaBSs8FAGNRHrKVrx0=", "id": "%s"}""".formatted(caption, mediaId);
    }

    void deliver(String wamid, String type, String typeObject) {
        var reply = world.deliver(MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.messageValue(
                        WA_ID, "Ayanda Khumalo", MetaPayloads.message(WA_ID, wamid, now, type, typeObject, null))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    JsonNode message(String wamid) {
        return world.row("select * from messages where provider_message_id = ?", wamid);
    }

    void awaitDone(String wamid) {
        Eventually.await(WAIT, "the media of " + wamid + " to be downloaded or given up", () -> {
            JsonNode m = message(wamid);
            return !m.path("media_blob_id").isNull() || m.path("payload").has("mediaError");
        });
    }

    long pendingDownloads() {
        return world.count(
                "select count(*) from whatsapp_media_downloads d join messages m on m.id = d.message_id"
                        + " where m.whatsapp_account_id = ?",
                world.mainAccount);
    }

    @Test
    void anInboundImageIsFetchedWithTheTokenStoredAsABlobAndReachesDesktops() throws Exception {
        start(Map.of());
        byte[] jpeg = bytes(48_000, 1);
        graph.file(IMAGE_ID, jpeg, "image/jpeg");
        SyncClient recruiter = new SyncClient(world.server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        recruiter.pullAll();

        deliver("wamid.image.1", "image", image(IMAGE_ID, "My full-length photo"));
        awaitDone("wamid.image.1");

        RecordedRequest lookup = world.graph.takeRequest(5, TimeUnit.SECONDS);
        assertThat(lookup.getMethod()).isEqualTo("GET");
        assertThat(lookup.getUrl().encodedPath()).isEqualTo("/v23.0/" + IMAGE_ID);
        assertThat(lookup.getUrl().queryParameter("phone_number_id")).isEqualTo(CloudApiWorld.MAIN_PHONE_NUMBER_ID);
        assertThat(lookup.getHeaders().get("Authorization")).isEqualTo("Bearer " + CloudApiWorld.ACCESS_TOKEN);
        RecordedRequest file = world.graph.takeRequest(5, TimeUnit.SECONDS);
        assertThat(file.getMethod()).isEqualTo("GET");
        assertThat(file.getUrl().encodedPath()).isEqualTo("/lookaside/" + IMAGE_ID);
        assertThat(file.getUrl().queryParameter("hash")).isEqualTo("ATu");
        assertThat(file.getHeaders().get("Authorization")).isEqualTo("Bearer " + CloudApiWorld.ACCESS_TOKEN);

        JsonNode m = message("wamid.image.1");
        String blob = m.path("media_blob_id").asText();
        JsonNode row = world.row("select * from blobs where id = ?::uuid", blob);
        assertThat(row.path("size_bytes").asLong()).isEqualTo(jpeg.length);
        assertThat(row.path("mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(row.path("sha256").asText()).isEqualTo("\\x" + GraphMedia.sha256(jpeg));
        assertThat(row.path("organization_id").asText()).isEqualTo(world.organization.toString());
        assertThat(pendingDownloads()).isZero();

        BlobHttp.Reply bytes =
                new BlobHttp(world.server.server.port()).get(recruiter.accessToken, java.util.UUID.fromString(blob));
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(jpeg);

        Map<String, JsonNode> changes = recruiter.pullAll();
        JsonNode change = changes.get("message/" + m.path("id").asText());
        assertThat(change).as("the message's change in the feed").isNotNull();
        assertThat(change.path("data").path("mediaBlobId").asText()).isEqualTo(blob);
        assertThat(change.path("data").path("mediaCaption").asText()).isEqualTo("My full-length photo");
        assertThat(changes).containsKey("blob/" + blob);
    }

    @Test
    void aServerErrorIsTriedAgainAfterTheBackOff() throws Exception {
        start(Map.of());
        byte[] jpeg = bytes(10_000, 2);
        graph.file(IMAGE_ID, jpeg, "image/jpeg").failNext("/v23.0/" + IMAGE_ID, GraphMedia.json(500, """
                                {"error":{"message":"An unknown error has occurred.","type":"OAuthException","code":1}}"""));

        deliver("wamid.image.2", "image", image(IMAGE_ID, "Photo"));
        Eventually.await(
                WAIT,
                "the failed attempt to be recorded",
                () -> world.count(
                                "select count(*) from whatsapp_media_downloads where attempts = 1 and last_error like '%500%'")
                        == 1);
        assertThat(message("wamid.image.2").path("media_blob_id").isNull()).isTrue();

        world.server.clock.advance(Duration.ofMinutes(1));
        awaitDone("wamid.image.2");

        assertThat(message("wamid.image.2").path("media_blob_id").isNull()).isFalse();
        assertThat(graph.hits("/v23.0/" + IMAGE_ID)).isEqualTo(2);
        assertThat(graph.hits("/lookaside/" + IMAGE_ID)).isEqualTo(1);
        assertThat(pendingDownloads()).isZero();
    }

    @Test
    void aFileLargerThanTheLimitIsGivenUpWithTheReasonAndNotTriedAgain() throws Exception {
        start(Map.of("RD_BLOB_MAX_BYTES", "40000"));
        // Meta says how large the file is: not fetched at all.
        graph.file("2001", bytes(60_000, 3), "image/jpeg");
        // Meta does not say: the download stops at the limit.
        graph.file("2002", bytes(60_000, 4), "video/mp4", 0L);
        long filesBefore = world.count("select count(distinct storage_key) from blobs");

        deliver("wamid.large.1", "image", image("2001", "big"));
        deliver("wamid.large.2", "video", """
                {"mime_type": "video/mp4", "sha256": "b1Tbd9Bq5/lVUKMB0jVzy0z0ZfnNqrKZ4UxFDgZaZtE=", "id": "2002"}""");
        awaitDone("wamid.large.1");
        awaitDone("wamid.large.2");

        assertThat(message("wamid.large.1").path("payload").path("mediaError").asText())
                .isEqualTo("The file is 59 KB, more than the 39 KB this server keeps.");
        assertThat(message("wamid.large.2").path("payload").path("mediaError").asText())
                .isEqualTo("The file is more than the 39 KB this server keeps.");
        for (String wamid : new String[] {"wamid.large.1", "wamid.large.2"}) {
            JsonNode m = message(wamid);
            assertThat(m.path("media_blob_id").isNull()).isTrue();
            assertThat(m.path("payload").path("mediaError").asText())
                    .as(wamid)
                    .contains("more than the 39 KB this server keeps");
        }
        assertThat(graph.hits("/lookaside/2001")).isZero();
        assertThat(graph.hits("/lookaside/2002")).isEqualTo(1);
        assertThat(pendingDownloads()).isZero(); // nothing left to try again
        world.server.clock.advance(Duration.ofHours(1));
        assertThat(pendingDownloads()).isZero();
        assertThat(world.count("select count(distinct storage_key) from blobs")).isEqualTo(filesBefore);
    }

    @Test
    void anExpiredMediaIdIsGivenUpAtOnce() {
        start(Map.of());

        deliver("wamid.gone.1", "document", """
                {"filename": "CV.pdf", "mime_type": "application/pdf", "sha256": "XSX2K9Tbv0zFQH4Y5p9m1S+Rk7k9Ak7aXAM3dQ0nY6E=", "id": "3003"}""");
        awaitDone("wamid.gone.1");

        assertThat(message("wamid.gone.1").path("payload").path("mediaError").asText())
                .startsWith("WhatsApp no longer has this file");
        assertThat(graph.hits("/v23.0/3003")).isEqualTo(1);
        assertThat(pendingDownloads()).isZero();
    }

    @Test
    void theSameFileSentTwiceIsKeptOnce() {
        start(Map.of());
        byte[] pdf = bytes(20_000, 5);
        graph.file("4001", pdf, "application/pdf").file("4002", pdf, "application/pdf");

        deliver("wamid.twice.1", "document", """
                {"filename": "CV.pdf", "mime_type": "application/pdf", "sha256": "x", "id": "4001"}""");
        deliver("wamid.twice.2", "document", """
                {"filename": "CV (1).pdf", "mime_type": "application/pdf", "sha256": "x", "id": "4002"}""");
        awaitDone("wamid.twice.1");
        awaitDone("wamid.twice.2");

        JsonNode first = message("wamid.twice.1");
        JsonNode second = message("wamid.twice.2");
        assertThat(first.path("media_blob_id").asText())
                .isNotEqualTo(second.path("media_blob_id").asText());
        assertThat(world.count(
                        "select count(distinct storage_key) from blobs where id in (?::uuid, ?::uuid)",
                        first.path("media_blob_id").asText(),
                        second.path("media_blob_id").asText()))
                .isEqualTo(1);
        assertThat(world.row(
                                "select original_filename from blobs where id = ?::uuid",
                                second.path("media_blob_id").asText())
                        .path("original_filename")
                        .asText())
                .isEqualTo("CV (1).pdf");
    }

    @Test
    void aDownloadThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        start(Map.of());
        graph.file(IMAGE_ID, bytes(1_000, 6), "image/jpeg");
        for (int i = 0; i < MediaDownloads.MAX_ATTEMPTS; i++) {
            graph.failNext(
                    "/v23.0/" + IMAGE_ID, new MockResponse.Builder().code(503).build());
        }

        deliver("wamid.flaky.1", "image", image(IMAGE_ID, "Photo"));
        for (int attempt = 1; attempt < MediaDownloads.MAX_ATTEMPTS; attempt++) {
            int seen = attempt;
            // Recorded: due again after this attempt's back-off, no longer held for the lease.
            java.sql.Timestamp due =
                    java.sql.Timestamp.from(world.server.clock.instant().plus(MediaDownloader.backoff(attempt)));
            Eventually.await(
                    WAIT,
                    "attempt " + attempt + " to be recorded",
                    () -> world.count(
                                    "select count(*) from whatsapp_media_downloads where attempts = ?"
                                            + " and next_attempt_at between ?::timestamptz - interval '1 second'"
                                            + " and ?::timestamptz + interval '1 second'",
                                    seen,
                                    due,
                                    due)
                            == 1);
            world.server.clock.advance(MediaDownloader.backoff(attempt));
        }
        awaitDone("wamid.flaky.1");

        assertThat(message("wamid.flaky.1").path("payload").path("mediaError").asText())
                .startsWith("Not downloaded after " + MediaDownloads.MAX_ATTEMPTS + " attempts");
        assertThat(graph.hits("/v23.0/" + IMAGE_ID)).isEqualTo(MediaDownloads.MAX_ATTEMPTS);
        assertThat(pendingDownloads()).isZero();
    }
}
