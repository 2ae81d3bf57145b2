package com.recruitdesk.server.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.support.BlobHttp;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The interview kit's documents (CV, portfolio, qualifications) reach the panel, file and all; identity documents do not. */
@Tag("database")
class KitDocumentsTest {
    private static TestServer server;
    private static SyncFixture world;
    private static BlobHttp blobs;
    private static SyncClient recruiter;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        blobs = new BlobHttp(server.server.port());
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static UUID document(String category, String filename) {
        UUID blob = UUID.randomUUID();
        BlobHttp.Reply up = blobs.upload(
                recruiter.accessToken,
                blob,
                filename,
                "application/pdf",
                ("%PDF " + filename).getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).isEqualTo(201);
        UUID id = UUID.randomUUID();
        SyncFixture.execute(
                server.database,
                "insert into uploaded_documents (id, organization_id, candidate_id, uploaded_by_user_id, blob_id,"
                        + " original_filename, document_category) values (?, ?, ?, ?, ?, ?, ?)",
                id,
                world.organization(),
                world.candidate(),
                recruiter.userId,
                blob,
                filename,
                category);
        return id;
    }

    private static UUID blobOf(UUID document) {
        try (var c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement("select blob_id::text from uploaded_documents where id = ?")) {
            ps.setObject(1, document);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return UUID.fromString(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePanelReceivesTheCandidatesCvAndMayOpenItButNotTheirIdDocument() {
        UUID cv = document("cv", "thandi-cv.pdf");
        UUID id = document("id_document", "thandi-id.pdf");
        SyncClient lead = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        SyncClient other = new SyncClient(server.api, "interviewer2@demo.test", TestServer.PASSWORD);

        Map<String, JsonNode> rows = lead.pullAll();

        assertThat(rows.get(Entities.UPLOADED_DOCUMENT + "/" + cv)
                        .path("data")
                        .path("originalFilename")
                        .asText())
                .isEqualTo("thandi-cv.pdf");
        assertThat(rows).doesNotContainKey(Entities.UPLOADED_DOCUMENT + "/" + id);
        assertThat(blobs.get(lead.accessToken, blobOf(cv)).status()).isEqualTo(200);
        assertThat(blobs.get(lead.accessToken, blobOf(id)).status()).isEqualTo(404);
        assertThat(other.pullAll()).doesNotContainKey(Entities.UPLOADED_DOCUMENT + "/" + cv);
        assertThat(blobs.get(other.accessToken, blobOf(cv)).status()).isEqualTo(404);
    }

    @Test
    void joiningAPanelBringsTheCvAndLeavingItTakesItAway() {
        UUID cv = document("portfolio", "thandi-portfolio.pdf");
        UUID interview = Interviews.interview(server, world, "scheduled", world.otherInterviewer());
        SyncClient joined = new SyncClient(server.api, "interviewer2@demo.test", TestServer.PASSWORD);

        assertThat(joined.pullAll()
                        .get(Entities.UPLOADED_DOCUMENT + "/" + cv)
                        .path("op")
                        .asText())
                .isEqualTo("upsert");

        SyncFixture.execute(
                server.database, "delete from interview_participants where interview_session_id = ?", interview);

        assertThat(joined.pullAll()
                        .get(Entities.UPLOADED_DOCUMENT + "/" + cv)
                        .path("op")
                        .asText())
                .isEqualTo("delete");
    }
}
