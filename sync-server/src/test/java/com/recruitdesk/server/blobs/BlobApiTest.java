package com.recruitdesk.server.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.support.BlobHttp;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/blobs} and {@code GET /api/v1/blobs/{id}} against the real server and database. */
@Tag("database")
class BlobApiTest {
    static final String INTERVIEWER = "interviewer@demo.test";

    /** One server for the tests that need no setting of their own; they use fresh ids, so they do not meet. */
    static TestServer shared;

    TestServer server;
    TestServer own;
    BlobHttp http;
    SyncClient recruiter;

    @BeforeAll
    static void startShared() {
        shared = TestServer.start();
    }

    @AfterAll
    static void stopShared() {
        shared.close();
    }

    /** A server of this test's own, for settings the shared one does not have. */
    void start(Map<String, String> env) {
        own = TestServer.start(env);
        use(own);
    }

    void start() {
        use(shared);
    }

    private void use(TestServer s) {
        server = s;
        http = new BlobHttp(server.server.port());
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        if (own != null) {
            own.close();
        }
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    String token(String email) {
        return new SyncClient(server.api, email, TestServer.PASSWORD).accessToken;
    }

    long blobRows() {
        return SyncFixture.count(server.database, "select count(*) from blobs");
    }

    /** Files in the blob store outside its staging folder. */
    List<Path> storedFiles() throws IOException {
        Path root = server.dataDir.resolve("blobs");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !root.relativize(f).startsWith(".staging"))
                    .toList();
        }
    }

    JsonNode row(String sql, Object... params) {
        try (Connection c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement("select to_jsonb(t)::text from (" + sql + ") t")) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a row for " + sql).isTrue();
                return com.recruitdesk.protocol.Json.newMapper().readTree(rs.getString(1));
            }
        } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Path> stagedFiles() throws IOException {
        try (Stream<Path> files = Files.list(server.dataDir.resolve("blobs/.staging"))) {
            return files.toList();
        }
    }

    @Test
    void anUploadLargerThanTheApiBodyLimitIsStoredAndReadBackWithItsHeaders() throws Exception {
        start();
        byte[] photo = bytes(3 * 1024 * 1024 + 17, 1); // past the 1 MiB limit of the other routes
        UUID id = UUID.randomUUID();

        int filesBefore = storedFiles().size();

        BlobHttp.Reply created =
                http.upload(recruiter.accessToken, id, "Portrait of Thandi é.jpg", "image/jpeg", photo);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode info = created.json();
        assertThat(info.path("id").asText()).isEqualTo(id.toString());
        assertThat(info.path("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(info.path("sizeBytes").asLong()).isEqualTo(photo.length);
        assertThat(info.path("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(info.path("filename").asText()).isEqualTo("Portrait of Thandi é.jpg");
        assertThat(created.headers().get("Location")).isEqualTo(Paths.BLOBS + "/" + id);

        BlobHttp.Reply read = http.get(recruiter.accessToken, id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(photo);
        assertThat(read.headers().get("Content-Type")).isEqualTo("image/jpeg");
        assertThat(read.headers().get("Content-Length")).isEqualTo(String.valueOf(photo.length));
        assertThat(read.headers().get("ETag")).isEqualTo("\"" + sha256(photo) + "\"");
        assertThat(read.headers().get("Content-Disposition"))
                .isEqualTo("inline; filename*=UTF-8''Portrait%20of%20Thandi%20%C3%A9.jpg");

        JsonNode row = row("select * from blobs where id = ?", id);
        assertThat(row.path("created_by_user_id").asText()).isEqualTo(recruiter.userId.toString());
        assertThat(row.path("storage_key").asText())
                .endsWith("/" + sha256(photo).substring(0, 2) + "/" + sha256(photo));
        assertThat(storedFiles()).hasSize(filesBefore + 1);
        assertThat(recruiter.pullAll()).containsKey("blob/" + id);
    }

    @Test
    void aRetriedUploadWithTheSameBytesAnswers200WithTheSameJson() throws Exception {
        start();
        byte[] cv = "%PDF-1.4 a CV".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        UUID id = UUID.randomUUID();
        BlobHttp.Reply first = http.upload(recruiter.accessToken, id, "cv.pdf", "application/pdf", cv);
        long rows = blobRows();

        BlobHttp.Reply again = http.upload(recruiter.accessToken, id, "cv.pdf", "application/pdf", cv);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(blobRows()).isEqualTo(rows);
    }

    @Test
    void theSameIdWithOtherBytesIs409AndTheFirstFileStays() throws Exception {
        start();
        UUID id = UUID.randomUUID();
        byte[] first = bytes(2_000, 2);
        http.upload(recruiter.accessToken, id, "a.bin", "application/octet-stream", first);

        BlobHttp.Reply other =
                http.upload(recruiter.accessToken, id, "a.bin", "application/octet-stream", bytes(2_000, 3));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.errorCode()).isEqualTo("conflict");
        assertThat(http.get(recruiter.accessToken, id).body()).isEqualTo(first);
        assertThat(stagedFiles()).isEmpty();
    }

    @Test
    void anotherUsersUploadUnderTheSameIdIs409EvenWithTheSameBytes() {
        start();
        UUID id = UUID.randomUUID();
        byte[] file = bytes(500, 4);
        http.upload(recruiter.accessToken, id, "a.bin", "application/octet-stream", file);

        BlobHttp.Reply other = http.upload(token("manager@demo.test"), id, "a.bin", "application/octet-stream", file);

        assertThat(other.status()).isEqualTo(409);
    }

    @Test
    void anUploadOverTheLimitIs413AndLeavesNoRowAndNoFile() throws Exception {
        start(Map.of("RD_BLOB_MAX_BYTES", "65536"));
        int filesBefore = storedFiles().size();
        long rows = blobRows();
        byte[] big = bytes(100_000, 5);

        BlobHttp.Reply declared = http.upload(recruiter.accessToken, UUID.randomUUID(), "big.bin", "video/mp4", big);
        BlobHttp.Reply streamed =
                http.uploadChunked(recruiter.accessToken, UUID.randomUUID(), "big.bin", "video/mp4", big);

        for (BlobHttp.Reply reply : List.of(declared, streamed)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
            assertThat(reply.errorCode()).isEqualTo("payload_too_large");
            assertThat(reply.json().path("error").path("message").asText()).contains("65536");
        }
        assertThat(blobRows()).isEqualTo(rows);
        assertThat(storedFiles()).hasSize(filesBefore);
        assertThat(stagedFiles()).isEmpty();
    }

    @Test
    void aChunkedUploadUnderTheLimitIsStored() throws Exception {
        start(Map.of("RD_BLOB_MAX_BYTES", "65536"));
        byte[] file = bytes(65_536, 6);

        BlobHttp.Reply reply = http.uploadChunked(recruiter.accessToken, null, "exact.bin", "image/png", file);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        UUID madeByServer = UUID.fromString(reply.json().path("id").asText());
        assertThat(reply.json().path("sha256").asText()).isEqualTo(sha256(file));
        assertThat(http.get(recruiter.accessToken, madeByServer).body()).isEqualTo(file);
    }

    @Test
    void anEmptyBodyIs400AndStoresNothing() throws Exception {
        start();
        long rows = blobRows();

        BlobHttp.Reply declared =
                http.upload(recruiter.accessToken, UUID.randomUUID(), "empty.txt", "text/plain", new byte[0]);
        BlobHttp.Reply streamed =
                http.uploadChunked(recruiter.accessToken, UUID.randomUUID(), "empty.txt", "text/plain", new byte[0]);

        assertThat(declared.status()).isEqualTo(400);
        assertThat(streamed.status()).isEqualTo(400);
        assertThat(declared.errorCode()).isEqualTo("invalid");
        assertThat(blobRows()).isEqualTo(rows);
        assertThat(stagedFiles()).isEmpty();
    }

    @Test
    void aBadIdOrContentTypeIs400AndStoresNothing() {
        start();
        long rows = blobRows();

        BlobHttp.Reply badType = http.uploadRaw(recruiter.accessToken, "", "a photo", bytes(10, 7));
        BlobHttp.Reply badId = http.uploadRaw(recruiter.accessToken, "?id=not-a-uuid", "image/jpeg", bytes(10, 7));

        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("error").path("message").asText()).contains("MIME type");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().path("error").path("message").asText()).contains("UUID");
        assertThat(blobRows()).isEqualTo(rows);
        assertThat(http.get(recruiter.accessToken, "not-a-uuid", null).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationsUserGets404AsForAnUnknownId() throws Exception {
        start();
        UUID id = UUID.randomUUID();
        http.upload(recruiter.accessToken, id, "cv.pdf", "application/pdf", bytes(1_000, 8));
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID org = SyncFixture.insert(c, "insert into organizations (name) values ('Rival Agency') returning id");
            UUID user = SyncFixture.insert(
                    c,
                    "insert into users (organization_id, email, full_name, password_hash)"
                            + " select ?, 'recruiter@rival.test', 'Rival Recruiter', password_hash from users"
                            + " where email = ? returning id",
                    org,
                    TestServer.RECRUITER);
            SyncFixture.insert(c, "insert into user_roles (user_id, role) values (?, 'ADMIN') returning user_id", user);
        }

        BlobHttp.Reply other = http.get(token("recruiter@rival.test"), id);
        BlobHttp.Reply unknown = http.get(recruiter.accessToken, UUID.randomUUID());

        assertThat(other.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(other.json()).isEqualTo(unknown.json());
        assertThat(other.headers().get("ETag")).isNull();
    }

    @Test
    void anInterviewerSeesOnlyTheirOwnFilesAndThePhotosOfTheirCandidates() throws Exception {
        start();
        SyncFixture world = SyncFixture.create(server.database);
        UUID staffFile = UUID.randomUUID();
        UUID photo = UUID.randomUUID();
        http.upload(recruiter.accessToken, staffFile, "notes.pdf", "application/pdf", bytes(800, 9));
        http.upload(recruiter.accessToken, photo, "photo.jpg", "image/jpeg", bytes(900, 10));
        try (Connection c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement("update candidates set photo_blob_id = ? where id = ?")) {
            ps.setObject(1, photo);
            ps.setObject(2, world.candidate()); // the person of the interviewer's interview
            ps.executeUpdate();
        }
        String interviewer = token(INTERVIEWER);
        UUID own = UUID.randomUUID();
        assertThat(http.upload(interviewer, own, "scorecard.png", "image/png", bytes(700, 11))
                        .status())
                .isEqualTo(201);

        assertThat(http.get(interviewer, staffFile).status()).isEqualTo(404);
        assertThat(http.get(interviewer, photo).status()).isEqualTo(200);
        assertThat(http.get(interviewer, own).status()).isEqualTo(200);
        assertThat(http.get(token("interviewer2@demo.test"), photo).status()).isEqualTo(404);
        assertThat(http.get(recruiter.accessToken, own).status()).isEqualTo(200);
    }

    @Test
    void anInstitutionAdminSeesTheDocumentsOfTheirInstitutionOnly() throws Exception {
        start();
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        http.upload(recruiter.accessToken, mine, "id.pdf", "application/pdf", bytes(600, 12));
        http.upload(recruiter.accessToken, theirs, "id.pdf", "application/pdf", bytes(600, 13));
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID ownInstitution = SyncFixture.insert(
                    c,
                    "select r.institution_id from user_roles r join users u on u.id = r.user_id where u.email = ?",
                    "institution_admin@demo.test");
            UUID otherInstitution = SyncFixture.insert(
                    c, "select id from institutions where id <> ? order by name limit 1", ownInstitution);
            for (var pair :
                    Map.of(mine, ownInstitution, theirs, otherInstitution).entrySet()) {
                SyncFixture.insert(
                        c,
                        "insert into uploaded_documents (organization_id, institution_id, blob_id, original_filename,"
                                + " document_category) select organization_id, ?, ?, 'id.pdf', 'id_document' from blobs"
                                + " where id = ? returning id",
                        pair.getValue(),
                        pair.getKey(),
                        pair.getKey());
            }
        }
        String admin = token("institution_admin@demo.test");

        assertThat(http.get(admin, mine).status()).isEqualTo(200);
        assertThat(http.get(admin, theirs).status()).isEqualTo(404);
    }

    @Test
    void anUnchangedFileIsAnswered304ForItsETag() throws Exception {
        start();
        byte[] file = bytes(5_000, 14);
        UUID id = UUID.randomUUID();
        http.upload(recruiter.accessToken, id, "a.png", "image/png", file);
        String etag = http.get(recruiter.accessToken, id).headers().get("ETag");

        BlobHttp.Reply cached = http.get(recruiter.accessToken, id.toString(), etag);
        BlobHttp.Reply weak = http.get(recruiter.accessToken, id.toString(), "\"other\", W/" + etag);
        BlobHttp.Reply stale = http.get(recruiter.accessToken, id.toString(), "\"" + sha256(new byte[1]) + "\"");

        assertThat(cached.status()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        assertThat(cached.headers().get("ETag")).isEqualTo(etag);
        assertThat(weak.status()).isEqualTo(304);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(file);
    }

    @Test
    void theSameBytesUnderTwoIdsAreTwoRowsOfOneFile() throws Exception {
        start();
        int filesBefore = storedFiles().size();
        byte[] file = bytes(4_000, 15);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        http.upload(recruiter.accessToken, a, "first.jpg", "image/jpeg", file);
        http.upload(token("manager@demo.test"), b, "second.jpg", "image/jpeg", file);

        assertThat(storedFiles()).hasSize(filesBefore + 1);
        assertThat(SyncFixture.count(
                        server.database, "select count(distinct storage_key) from blobs where id in (?, ?)", a, b))
                .isEqualTo(1);
        assertThat(http.get(recruiter.accessToken, b).headers().get("Content-Disposition"))
                .endsWith("second.jpg");
    }

    @Test
    void otherRoutesKeepTheirOneMebibyteLimit() {
        start();
        String big = "{\"mutations\": [], \"pad\": \"" + "x".repeat(1_100_000) + "\"}";

        var reply = server.api.post(Paths.SYNC_PUSH, big, recruiter.accessToken);

        assertThat(reply.status()).isEqualTo(413);
    }

    @Test
    void withoutATokenNothingIsStoredOrRead() {
        start();
        long rows = blobRows();

        BlobHttp.Reply upload = http.upload(null, UUID.randomUUID(), "a.txt", "text/plain", bytes(10, 16));

        assertThat(upload.status()).isEqualTo(401);
        assertThat(http.get(null, UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(blobRows()).isEqualTo(rows);
    }
}
