package com.recruitdesk.server.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.server.support.Browser;
import com.recruitdesk.server.support.CohortFixture;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SampleFiles;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The student's upload page in a real browser (Debian's headless Chromium through Selenium) over the
 * real server: upload, see the state, upload again after a rejection, and the pages of links that do
 * not work; bad uploads over HTTP are refused with a sentence and store nothing.
 */
@Tag("database")
class UploadPageTest {
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static TestServer server;
    private static CohortFixture cohorts;
    private static SyncClient adminA;
    private static Browser browser;
    private static Path files;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withoutDemo();
        cohorts = CohortFixture.create(server);
        adminA = new SyncClient(server.api, CohortFixture.ADMIN_A, TestServer.PASSWORD);
        browser = Browser.start(420, 900);
        files = Files.createTempDirectory("recruitdesk-upload-files");
    }

    @AfterAll
    static void stop() {
        try {
            browser.close();
        } finally {
            server.close();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + server.server.port();
    }

    /** The enrollment's link, as the institution admin's desktop fetches it to send. */
    private static String link(UUID enrollment, SyncClient who) {
        var reply = server.api.get(Paths.COHORT_ENROLLMENTS + "/" + enrollment + "/invitation", who.accessToken);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("path").asText();
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        return Files.write(files.resolve(UUID.randomUUID() + "-" + name), bytes);
    }

    private static WebElement card(String type) {
        return browser.driver.findElement(By.id("doc-" + type));
    }

    /**
     * Uploads through the card's form and waits for the page the upload leads to. The address alone
     * does not tell: after a first upload of the same type it already says so, so the old page must
     * also be gone, or the next read may find the old page's card.
     */
    private static void uploadInBrowser(String type, Path path) {
        WebElement card = card(type);
        browser.markPage();
        assertThat(browser.showsAnotherPage())
                .as("the marked page is still shown")
                .isFalse();
        card.findElement(By.cssSelector("input[type=file]")).sendKeys(path.toString());
        card.findElement(By.cssSelector("button")).click();
        Eventually.await(
                Duration.ofSeconds(20),
                "the page after the upload",
                () -> browser.showsAnotherPage()
                        && browser.driver.getCurrentUrl().contains("uploaded=" + type));
    }

    @Test
    void aStudentUploadsSeesTheStateAndUploadsAgainAfterARejection() throws IOException {
        UUID e = cohorts.enroll(cohorts.cohortA, "Thandiwe Mokoena");
        browser.driver.get(base() + link(e, adminA));

        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hello Thandiwe Mokoena");
        assertThat(card("id_document").getText()).contains("ID document", "Not uploaded");
        assertThat(card("proof_of_address").getText()).contains("Not uploaded");

        uploadInBrowser("id_document", file("my id.pdf", SampleFiles.pdf("Identity document", 1)));

        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("id document was received");
        assertThat(card("id_document").getText()).contains("Waiting for review", "my id.pdf");
        var doc = SyncFixture.count(
                server.database,
                "select count(*) from uploaded_documents where cohort_enrollment_id = ? and document_category = 'id_document'"
                        + " and mime_type = 'application/pdf' and verification_state = 'pending' and sha256 is not null",
                e);
        assertThat(doc).isEqualTo(1);

        reject(e, "id_document", "unreadable", "The photo is blurred");
        browser.driver.navigate().refresh();
        assertThat(card("id_document").getText()).contains("Rejected", "Unreadable: The photo is blurred");
        assertThat(card("id_document").findElement(By.cssSelector("button")).getText())
                .isEqualTo("Upload again");

        uploadInBrowser("id_document", file("id-again.jpg", SampleFiles.image("ID again", "jpg")));
        assertThat(card("id_document").getText()).contains("Waiting for review", "id-again.jpg");
        assertThat(SyncFixture.count(
                        server.database,
                        "select count(*) from uploaded_documents where cohort_enrollment_id = ? and replaced_by_id is null",
                        e))
                .isEqualTo(1);
        assertThat(SyncFixture.count(
                        server.database, "select count(*) from uploaded_documents where cohort_enrollment_id = ?", e))
                .isEqualTo(2);
        screenshotIfAsked("cohorts-upload-page.png");
    }

    private static void reject(UUID enrollment, String type, String code, String text) {
        var row = SyncFixture.count(server.database, "select 1");
        assertThat(row).isEqualTo(1);
        String[] doc = new String[2];
        try (var c = SyncFixture.connect(server.database);
                var ps = c.prepareStatement("select id, sha256 from uploaded_documents where cohort_enrollment_id = ?"
                        + " and document_category = ? and replaced_by_id is null")) {
            ps.setObject(1, enrollment);
            ps.setString(2, type);
            try (var rs = ps.executeQuery()) {
                rs.next();
                doc[0] = rs.getString(1);
                doc[1] = rs.getString(2);
            }
        } catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
        JsonNode result = adminA.pushOne(SyncClient.mutation(
                CohortMutations.VERIFY_DOCUMENT,
                new CohortMutations.VerifyDocument(
                        UUID.randomUUID(), UUID.fromString(doc[0]), "rejected", code, text, doc[1], List.of())));
        assertThat(result.path("status").asText()).isEqualTo("applied");
    }

    @Test
    void anExpiredLinkAnUnknownOneAndACancelledCohortGetAPlainPage() {
        UUID expired = cohorts.enroll(cohorts.cohortA, "Late Student");
        String expiredLink = link(expired, adminA);
        SyncFixture.execute(
                server.database,
                "update cohort_enrollments set invitation_expires_at = now() - interval '1 day' where id = ?",
                expired);
        UUID cancelled = cohorts.cohort("Cancelled programme", "active");
        UUID inCancelled = cohorts.enroll(cancelled, "Cancelled Student");
        String cancelledLink = link(inCancelled, adminA);
        SyncFixture.execute(server.database, "update cohorts set state = 'cancelled' where id = ?", cancelled);

        browser.driver.get(base() + expiredLink);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
        assertThat(browser.driver.findElements(By.tagName("form"))).isEmpty();

        browser.driver.get(base() + "/enroll/" + "A".repeat(44));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work");

        browser.driver.get(base() + cancelledLink);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("This cohort was cancelled");

        assertThat(status(expiredLink)).isEqualTo(410);
        assertThat(status(cancelledLink)).isEqualTo(410);
        assertThat(status("/enroll/not-a-token")).isEqualTo(404);
        String forged = link(cohorts.enroll(cohorts.cohortA, "Forged"), adminA);
        assertThat(status(forged.substring(0, forged.length() - 2) + (forged.endsWith("AA") ? "BB" : "AA")))
                .isEqualTo(404);
    }

    @Test
    void aLinkReplacedByANewOneGetsTheExpiredPageAndTheNewOneOpens() {
        UUID e = cohorts.enroll(cohorts.cohortA, "Moved Phone");
        String old = link(e, adminA);
        browser.driver.get(base() + old);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isNotEqualTo("This link has expired");

        JsonNode result =
                adminA.pushOne(SyncClient.mutation(CohortMutations.REISSUE_LINK, new CohortMutations.ReissueLink(e)));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("applied");
        String renewed = link(e, adminA);
        assertThat(renewed).isNotEqualTo(old);
        browser.driver.get(base() + old);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("to send you a new link for");
        assertThat(browser.driver.findElements(By.tagName("form"))).isEmpty();
        assertThat(status(old)).isEqualTo(410);
        browser.driver.get(base() + renewed);
        assertThat(browser.driver.findElements(By.cssSelector("input[type=file]")))
                .isNotEmpty();
        assertThat(status(renewed)).isEqualTo(200);
    }

    @Test
    void badUploadsAreRefusedWithASentenceAndStoreNothing() throws IOException {
        UUID e = cohorts.enroll(cohorts.cohortA, "Careful Student");
        String link = link(e, adminA);
        long blobsBefore = SyncFixture.count(server.database, "select count(*) from blobs");

        assertRefused(post(link, "setup.pdf", SampleFiles.windowsProgram()), 415, "is not a PDF, JPEG or PNG");
        assertRefused(post(link, "empty.pdf", new byte[0]), 400, "The file is empty");
        assertRefused(
                post(link, "broken.pdf", "%PDF-1.7\nthis is no pdf at all".getBytes(StandardCharsets.US_ASCII)),
                400,
                "This PDF could not be opened");
        assertRefused(
                post(link, "broken.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2}),
                400,
                "This picture could not be opened");
        assertRefused(postDeclaring(link, 200L * 1024 * 1024), 413, "larger than 10 MB");
        assertRefused(post(link, "big.pdf", bigPdf()), 413, "larger than 10 MB");

        assertThat(SyncFixture.count(
                        server.database, "select count(*) from uploaded_documents where cohort_enrollment_id = ?", e))
                .isZero();
        assertThat(SyncFixture.count(server.database, "select count(*) from blobs"))
                .isEqualTo(blobsBefore);
    }

    @Test
    void onlyTheEnrollmentsAdminsGetItsLink() {
        UUID e = cohorts.enroll(cohorts.cohortA, "Private Student");
        SyncClient adminB = new SyncClient(server.api, CohortFixture.ADMIN_B, TestServer.PASSWORD);
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        SyncClient administrator = new SyncClient(server.api, "admin@demo.test", TestServer.PASSWORD);

        String path = Paths.COHORT_ENROLLMENTS + "/" + e + "/invitation";
        assertThat(server.api.get(path, adminB.accessToken).status()).isEqualTo(404);
        assertThat(server.api.get(path, recruiter.accessToken).status()).isEqualTo(404);
        assertThat(server.api
                        .get(path, administrator.accessToken)
                        .json()
                        .path("path")
                        .asText())
                .isEqualTo(link(e, adminA));
    }

    /** A PDF of more than 10 MB that parses (so only its size can refuse it). */
    private static byte[] bigPdf() {
        byte[] pdf = SampleFiles.pdf("Big", 1);
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        return big;
    }

    private record Reply(int status, String body) {}

    private static void assertRefused(Reply reply, int status, String sentence) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).contains(sentence);
    }

    private static int status(String path) {
        try (Response r =
                HTTP.newCall(new Request.Builder().url(base() + path).build()).execute()) {
            return r.code();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Reply post(String link, String name, byte[] bytes) throws IOException {
        var body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("file", name, RequestBody.create(bytes, MediaType.get("application/pdf")))
                .build();
        try (Response r = HTTP.newCall(new Request.Builder()
                        .url(base() + link + "/documents/id_document")
                        .post(body)
                        .build())
                .execute()) {
            return new Reply(r.code(), r.body().string());
        }
    }

    /** A form that says it carries {@code length} bytes, of which only the start is sent: the server must not wait for the rest. */
    private static Reply postDeclaring(String link, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + link + "/documents/id_document HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + length
                            + "\r\n\r\n"
                            + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n\r\n%PDF-1.7\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Reply(status, response);
        }
    }

    private static void screenshotIfAsked(String name) throws IOException {
        String dir = System.getProperty("cohorts.screenshots");
        if (dir != null) {
            Files.write(Path.of(dir).resolve(name), browser.screenshot());
        }
    }
}
