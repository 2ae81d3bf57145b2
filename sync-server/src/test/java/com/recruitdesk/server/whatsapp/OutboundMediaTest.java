package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.BlobHttp;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code conversation.sendMessage} with a file: the sender uploads it to {@code POST
 * /{phone-number-id}/media} as multipart form data, then sends the media message with Meta's id.
 */
@Tag("database")
class OutboundMediaTest {
    static final String WA_ID = "27820000091";
    static final Duration WAIT = Duration.ofSeconds(15);

    CloudApiWorld world;
    final GraphMedia graph = new GraphMedia();
    SyncClient recruiter;
    BlobHttp blobs;
    UUID conversation;

    @BeforeEach
    void start() {
        world = CloudApiWorld.start();
        world.graph.setDispatcher(graph);
        world.deliverText(WA_ID, "Kagiso Mahlangu", "wamid.in.91", Instant.now().getEpochSecond() - 60, "Hi!");
        conversation = UUID.fromString(
                world.row("select id from conversations where whatsapp_account_id = ?", world.mainAccount)
                        .path("id")
                        .asText());
        recruiter = new SyncClient(world.server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        blobs = new BlobHttp(world.server.server.port());
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

    UUID upload(String filename, String mimeType, byte[] bytes) {
        UUID id = UUID.randomUUID();
        BlobHttp.Reply reply = blobs.upload(recruiter.accessToken, id, filename, mimeType, bytes);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return id;
    }

    JsonNode send(UUID messageId, UUID blob, String caption) {
        return send(messageId, blob, caption, null);
    }

    JsonNode send(UUID messageId, UUID blob, String caption, UUID replyTo) {
        var args = SyncClient.args()
                .put("conversationId", conversation.toString())
                .put("messageId", messageId.toString())
                .put("mediaBlobId", blob.toString());
        if (caption != null) {
            args.put("text", caption);
        }
        if (replyTo != null) {
            args.put("replyToMessageId", replyTo.toString());
        }
        return recruiter.pushOne(SyncClient.mutation(ConversationMutations.SEND_MESSAGE, args));
    }

    JsonNode message(UUID id) {
        return world.row("select * from messages where id = ?", id);
    }

    void awaitStatus(UUID id, String status) {
        Eventually.await(
                WAIT,
                "message " + id + " to be " + status,
                () -> status.equals(message(id).path("status").asText()));
    }

    /** The parts of a multipart/form-data request: name → (headers, body bytes). */
    static Map<String, Map.Entry<okhttp3.Headers, byte[]>> parts(RecordedRequest request) throws Exception {
        MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
        assertThat(type.type() + "/" + type.subtype()).isEqualTo("multipart/form-data");
        Map<String, Map.Entry<okhttp3.Headers, byte[]>> parts = new LinkedHashMap<>();
        try (MultipartReader reader =
                new MultipartReader(new Buffer().write(request.getBody()), type.parameter("boundary"))) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = part.headers().get("Content-Disposition");
                String name = disposition.replaceAll("^form-data; name=\"([^\"]*)\".*$", "$1");
                parts.put(name, Map.entry(part.headers(), part.body().readByteArray()));
            }
        }
        return parts;
    }

    @Test
    void aPhotoIsUploadedAsMultipartThenSentWithItsMediaIdAndCaption() throws Exception {
        byte[] jpeg = bytes(70_000, 1);
        UUID blob = upload("portrait.jpg", "image/jpeg", jpeg);
        UUID id = UUID.randomUUID();
        UUID quoted = UUID.fromString(world.row("select id from messages where provider_message_id = 'wamid.in.91'")
                .path("id")
                .asText());

        JsonNode result = send(id, blob, "Your photo for the casting", quoted);

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        awaitStatus(id, "sent");
        RecordedRequest upload = world.graph.takeRequest(5, TimeUnit.SECONDS);
        assertThat(upload.getMethod()).isEqualTo("POST");
        assertThat(upload.getUrl().encodedPath()).isEqualTo("/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/media");
        assertThat(upload.getHeaders().get("Authorization")).isEqualTo("Bearer " + CloudApiWorld.ACCESS_TOKEN);
        var parts = parts(upload);
        assertThat(parts.keySet()).containsExactly("messaging_product", "type", "file");
        assertThat(new String(parts.get("messaging_product").getValue())).isEqualTo("whatsapp");
        assertThat(new String(parts.get("type").getValue())).isEqualTo("image/jpeg");
        assertThat(parts.get("file").getKey().get("Content-Disposition")).contains("filename=\"portrait.jpg\"");
        assertThat(parts.get("file").getKey().get("Content-Type")).isEqualTo("image/jpeg");
        assertThat(parts.get("file").getValue()).isEqualTo(jpeg);

        RecordedRequest sent = world.graph.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/messages");
        JsonNode body = OutboundSenderTest.json(sent);
        assertThat(body.path("to").asText()).isEqualTo(WA_ID);
        assertThat(body.path("type").asText()).isEqualTo("image");
        assertThat(body.path("image").path("id").asText()).isEqualTo("4490709327384034");
        assertThat(body.path("image").path("caption").asText()).isEqualTo("Your photo for the casting");
        assertThat(body.path("image").has("filename")).isFalse();
        assertThat(body.path("context").path("message_id").asText()).isEqualTo("wamid.in.91");
        assertThat(body.path("biz_opaque_callback_data").asText()).isEqualTo(id.toString());

        JsonNode m = message(id);
        assertThat(m.path("type").asText()).isEqualTo("image");
        assertThat(m.path("media_blob_id").asText()).isEqualTo(blob.toString());
        assertThat(m.path("media_mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(m.path("media_caption").asText()).isEqualTo("Your photo for the casting");
        assertThat(m.path("body").isNull()).isTrue();
        assertThat(m.path("provider_message_id").asText()).isEqualTo("wamid.media.1");
        assertThat(world.row("select last_message_preview from conversations where id = ?", conversation)
                        .path("last_message_preview")
                        .asText())
                .isEqualTo("Photo: Your photo for the casting");
    }

    @Test
    void aDocumentCarriesItsFilenameAndAnyOtherTypeGoesAsADocument() throws Exception {
        UUID pdf = upload("Offer letter.pdf", "application/pdf", bytes(3_000, 2));
        UUID webp = upload("sticker.webp", "image/webp", bytes(2_000, 3));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(send(first, pdf, null).path("status").asText()).isEqualTo("applied");
        awaitStatus(first, "sent");
        assertThat(send(second, webp, "As discussed").path("status").asText()).isEqualTo("applied");
        awaitStatus(second, "sent");

        world.graph.takeRequest(5, TimeUnit.SECONDS); // upload
        JsonNode document = OutboundSenderTest.json(world.graph.takeRequest(5, TimeUnit.SECONDS));
        assertThat(document.path("type").asText()).isEqualTo("document");
        assertThat(document.path("document").path("filename").asText()).isEqualTo("Offer letter.pdf");
        assertThat(document.path("document").has("caption")).isFalse();
        assertThat(new String(parts(world.graph.takeRequest(5, TimeUnit.SECONDS))
                        .get("type")
                        .getValue()))
                .isEqualTo("image/webp");
        JsonNode other = OutboundSenderTest.json(world.graph.takeRequest(5, TimeUnit.SECONDS));
        assertThat(other.path("type").asText()).isEqualTo("document");
        assertThat(other.path("document").path("caption").asText()).isEqualTo("As discussed");
        assertThat(message(second).path("type").asText()).isEqualTo("document");
        assertThat(world.row("select last_message_preview from conversations where id = ?", conversation)
                        .path("last_message_preview")
                        .asText())
                .isEqualTo("Document: sticker.webp: As discussed");
    }

    @Test
    void aSendTriedAgainReusesTheUploadedFile() throws Exception {
        graph.failNext(
                "/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/messages",
                OutboundSenderTest.error(503, 131000, "Something went wrong", "Service temporarily unavailable"));
        UUID blob = upload("cv.pdf", "application/pdf", bytes(5_000, 4));
        UUID id = UUID.randomUUID();

        send(id, blob, "Your contract");
        Eventually.await(
                WAIT,
                "the refused send to be recorded",
                () -> world.count(
                                "select count(*) from whatsapp_send_attempts where message_id = ? and last_error like '%131000%'",
                                id)
                        == 1);
        world.server.clock.advance(Duration.ofMinutes(1));
        awaitStatus(id, "sent");

        String media = "/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/media";
        String messages = "/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/messages";
        assertThat(graph.hits(media)).isEqualTo(1);
        assertThat(graph.hits(messages)).isEqualTo(2);
        world.graph.takeRequest();
        String firstId = OutboundSenderTest.json(world.graph.takeRequest())
                .path("document")
                .path("id")
                .asText();
        String secondId = OutboundSenderTest.json(world.graph.takeRequest())
                .path("document")
                .path("id")
                .asText();
        assertThat(secondId).isEqualTo(firstId).isNotBlank();
    }

    @Test
    void anUploadThrottledForNowIsTriedAgainAfterTheBackOff() {
        String media = "/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/media";
        graph.failNext(media, OutboundSenderTest.error(429, 130429, "Rate limit hit", "Too many uploads."));
        UUID blob = upload("clip.mp4", "video/mp4", bytes(4_000, 9));
        UUID id = UUID.randomUUID();

        send(id, blob, "The site tour");
        Eventually.await(
                WAIT,
                "the throttled upload to be recorded",
                () -> world.count(
                                "select count(*) from whatsapp_send_attempts where message_id = ? and last_error like '%130429%'"
                                        + " and media_id is null",
                                id)
                        == 1);
        assertThat(message(id).path("status").asText()).isEqualTo("queued");
        world.server.clock.advance(Duration.ofMinutes(1));

        awaitStatus(id, "sent");
        assertThat(graph.hits(media)).isEqualTo(2);
        assertThat(graph.hits("/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/messages"))
                .isEqualTo(1);
    }

    @Test
    void anUploadRefusedForGoodFailsTheMessageWithMetasReason() {
        graph.failNext(
                "/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/media",
                OutboundSenderTest.error(400, 131053, "Media upload error", "Unsupported file type."));
        UUID blob = upload("clip.mp4", "video/mp4", bytes(4_000, 5));
        UUID id = UUID.randomUUID();

        send(id, blob, null);

        awaitStatus(id, "failed");
        assertThat(message(id).path("error_code").asInt()).isEqualTo(131053);
        assertThat(graph.hits("/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/messages"))
                .isZero();
    }

    @Test
    void audioWithACaptionIsRejectedAndWithoutOneIsSent() throws Exception {
        UUID voice = upload("note.ogg", "audio/ogg; codecs=opus", bytes(6_000, 6));
        UUID captioned = UUID.randomUUID();
        UUID plain = UUID.randomUUID();

        JsonNode rejected = send(captioned, voice, "Listen to this");
        JsonNode applied = send(plain, voice, null);

        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("code").asText()).isEqualTo("invalid");
        assertThat(rejected.path("message").asText()).contains("without a caption");
        assertThat(world.count("select count(*) from messages where id = ?", captioned))
                .isZero();
        assertThat(applied.path("status").asText()).isEqualTo("applied");
        awaitStatus(plain, "sent");
        world.graph.takeRequest(5, TimeUnit.SECONDS);
        JsonNode body = OutboundSenderTest.json(world.graph.takeRequest(5, TimeUnit.SECONDS));
        assertThat(body.path("type").asText()).isEqualTo("audio");
        assertThat(body.path("audio").has("caption")).isFalse();
    }

    @Test
    void aPhotoOverWhatsAppsLimitIsRejectedWithTheLimit() {
        UUID big = upload("huge.png", "image/png", bytes(5 * 1024 * 1024 + 1, 7));

        JsonNode rejected = send(UUID.randomUUID(), big, null);

        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("code").asText()).isEqualTo("invalid");
        assertThat(rejected.path("message").asText())
                .isEqualTo("WhatsApp takes image files up to 5 MB; this one is 5.0 MB.");
    }

    @Test
    void aMediaSendOutsideTheWindowIsRejected() {
        UUID blob = upload("photo.jpg", "image/jpeg", bytes(2_000, 8));
        world.server.clock.advance(Duration.ofHours(25));
        recruiter = new SyncClient(world.server.api, TestServer.RECRUITER, TestServer.PASSWORD); // a fresh token

        JsonNode rejected = send(UUID.randomUUID(), blob, "Still interested?");

        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("code").asText()).isEqualTo("invalid");
        assertThat(rejected.path("message").asText()).contains("24-hour customer-service window");
        assertThat(graph.hits("/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/media"))
                .isZero();
    }

    @Test
    void aFileOfAnotherOrganizationOrNoneAtAllIsNotFound() {
        UUID foreign = UUID.randomUUID();
        world.execute("insert into organizations (id, name) values (?, 'Rival Agency')", foreign);
        UUID theirs = UUID.randomUUID();
        world.execute(
                "insert into blobs (id, organization_id, storage_key, sha256, size_bytes, mime_type)"
                        + " values (?, ?, 'elsewhere', sha256('x'::bytea), 1, 'image/jpeg')",
                theirs,
                foreign);

        JsonNode other = send(UUID.randomUUID(), theirs, null);
        JsonNode none = send(UUID.randomUUID(), UUID.randomUUID(), null);

        assertThat(other.path("code").asText()).isEqualTo("not_found");
        assertThat(none.path("code").asText()).isEqualTo("not_found");
        assertThat(other.path("message").asText())
                .isEqualTo(none.path("message").asText());
    }

    @Test
    void textSendsKeepWorkingWithoutAFile() {
        UUID id = UUID.randomUUID();
        JsonNode result = recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                SyncClient.args()
                        .put("conversationId", conversation.toString())
                        .put("messageId", id.toString())
                        .put("text", "Plain text")));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        awaitStatus(id, "sent");
        assertThat(graph.hits("/v23.0/" + CloudApiWorld.MAIN_PHONE_NUMBER_ID + "/media"))
                .isZero();
    }
}
