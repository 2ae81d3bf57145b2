package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.support.BlobHttp;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The demo's photos, CVs and voice notes are fetched from the simulator by the media task at start,
 * as real files a desktop can open; an administrator can inject a file of their own.
 */
@Tag("database")
class SimulatedMediaTest {
    static final ObjectMapper MAPPER = Json.newMapper();
    static TestServer server;
    static SyncClient recruiter;
    static BlobHttp blobs;

    @BeforeAll
    static void start() {
        server = TestServer.start(); // returns once the demo's media are downloaded
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        blobs = new BlobHttp(server.server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<JsonNode> rows(String sql, Object... params) {
        try (var c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement("select to_jsonb(t)::text from (" + sql + ") t")) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<JsonNode> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(MAPPER.readTree(rs.getString(1)));
                }
            }
            return out;
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo messages whose media id ends with {@code kind}, with the person and the downloaded blob. */
    static List<JsonNode> demoMedia(String kind) {
        return rows("""
                select m.id, m.media_provider_id, m.media_blob_id, m.payload, b.mime_type, p.full_name
                  from messages m join candidates p on p.id = m.candidate_id
                  left join blobs b on b.id = m.media_blob_id
                 where m.media_provider_id like ?
                """, "demo-media-%-" + kind);
    }

    static byte[] read(JsonNode row) {
        BlobHttp.Reply reply = blobs.get(
                recruiter.accessToken, UUID.fromString(row.path("media_blob_id").asText()));
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void everyDemoMediaIsDownloaded() {
        List<JsonNode> all = rows("select * from messages where media_provider_id like 'demo-media-%'");

        assertThat(all).hasSizeGreaterThan(15);
        assertThat(all).allSatisfy(m -> {
            assertThat(m.path("media_blob_id").isNull()).as(m.toString()).isFalse();
            assertThat(m.path("payload").has("mediaError")).isFalse();
        });
    }

    @Test
    void demoPhotosArePortraitJpegs() throws Exception {
        List<JsonNode> photos = demoMedia("photo");

        assertThat(photos).isNotEmpty();
        for (JsonNode photo : photos) {
            assertThat(photo.path("mime_type").asText()).isEqualTo("image/jpeg");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(read(photo)));
            assertThat(image).as("a readable JPEG").isNotNull();
            assertThat(image.getHeight()).isGreaterThan(image.getWidth());
        }
    }

    @Test
    void demoCvsAreOnePagePdfsWithThePersonsName() {
        List<JsonNode> cvs = demoMedia("cv");

        assertThat(cvs).isNotEmpty();
        for (JsonNode cv : cvs) {
            assertThat(cv.path("mime_type").asText()).isEqualTo("application/pdf");
            byte[] pdf = read(cv);
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("%PDF-1.4").endsWith("%%EOF\n").contains("/Count 1");
            assertThat(text)
                    .contains(SimulatedMedia.literal(cv.path("full_name").asText()));
            assertXrefPointsAtItsObjects(text);
        }
    }

    /** Every offset of the cross-reference table is where its object starts, as readers rely on. */
    static void assertXrefPointsAtItsObjects(String pdf) {
        int startxref = Integer.parseInt(pdf.substring(pdf.lastIndexOf("startxref") + 10, pdf.lastIndexOf("%%EOF"))
                .strip());
        assertThat(pdf.substring(startxref)).startsWith("xref\n0 7\n");
        Matcher entry = Pattern.compile("(\\d{10}) 00000 n \n").matcher(pdf.substring(startxref));
        int object = 1;
        while (entry.find()) {
            int offset = Integer.parseInt(entry.group(1));
            assertThat(pdf.substring(offset)).startsWith(object + " 0 obj\n");
            object++;
        }
        assertThat(object).isEqualTo(7);
    }

    @Test
    void demoVoiceNotesArePlayableWaveFiles() throws Exception {
        List<JsonNode> notes = demoMedia("voice");

        assertThat(notes).isNotEmpty();
        for (JsonNode note : notes) {
            assertThat(note.path("mime_type").asText()).isEqualTo("audio/wav");
            AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(read(note)));
            assertThat(format.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
            float seconds = format.getFrameLength() / format.getFormat().getFrameRate();
            assertThat(seconds).isBetween(1.5f, 3f);
        }
        JsonNode message = rows(
                        "select media_mime_type from messages where id = ?::uuid",
                        notes.getFirst().path("id").asText())
                .getFirst();
        assertThat(message.path("media_mime_type").asText()).isEqualTo("audio/wav");
    }

    @Test
    void anAdministratorInjectsAPhotoThatTheMediaTaskDownloads() {
        String admin = new SyncClient(server.api, "admin@demo.test", TestServer.PASSWORD).accessToken;
        byte[] png = SimulatedMedia.portrait(3);
        UUID file = UUID.randomUUID();
        assertThat(blobs.upload(admin, file, "me.jpg", "image/jpeg", png).status())
                .isEqualTo(201);
        String account = rows("select id from whatsapp_accounts where display_name = 'RecruitDesk Talent'")
                .getFirst()
                .path("id")
                .asText();

        var reply = server.api.post(
                Paths.WHATSAPP_SIMULATOR_INBOUND,
                Map.of(
                        "whatsappAccountId", account,
                        "from", "+27829990011",
                        "name", "Photo Person",
                        "text", "Here I am",
                        "mediaBlobId", file.toString()),
                admin);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String wamid = reply.json().path("providerMessageId").asText();
        Eventually.await(
                Duration.ofSeconds(15),
                "the injected photo to be downloaded",
                () -> !rows("select media_blob_id from messages where provider_message_id = ?", wamid)
                        .getFirst()
                        .path("media_blob_id")
                        .isNull());
        JsonNode m = rows("select * from messages where provider_message_id = ?", wamid)
                .getFirst();
        assertThat(m.path("type").asText()).isEqualTo("image");
        assertThat(m.path("media_caption").asText()).isEqualTo("Here I am");
        assertThat(m.path("media_provider_id").asText()).isEqualTo(Simulator.BLOB_MEDIA_PREFIX + file);
        assertThat(blobs.get(
                                recruiter.accessToken,
                                UUID.fromString(m.path("media_blob_id").asText()))
                        .body())
                .isEqualTo(png);
    }
}
