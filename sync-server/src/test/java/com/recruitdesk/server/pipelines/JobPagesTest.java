package com.recruitdesk.server.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.server.support.Browser;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The public job pages in a real headless Chromium, with the JSON-LD search engines read. */
@Tag("database")
class JobPagesTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static TestServer server;
    private static SyncClient recruiter;
    private static Browser chromium;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        chromium = Browser.start(1280, 900);
        browser = chromium.driver;
        base = "http://127.0.0.1:" + server.server.port();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        server.close();
    }

    /** A job made and opened through the product's own mutations. */
    private static UUID liveJob(String title, String extra) throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode changes = (ObjectNode) JSON.readTree("{\"title\": " + JSON.writeValueAsString(title) + extra + "}");
        JsonNode saved = recruiter.pushOne(
                SyncClient.mutation(PipelineMutations.SAVE_JOB, new PipelineMutations.SaveJob(id, null, changes)));
        assertThat(saved.path("status").asText()).as(saved.toString()).isEqualTo("applied");
        JsonNode opened = recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.SET_JOB_STATUS, new PipelineMutations.SetJobStatus(id, "open", null)));
        assertThat(opened.path("status").asText()).as(opened.toString()).isEqualTo("applied");
        return id;
    }

    private static String slugOf(UUID job) {
        try (var c = com.recruitdesk.server.support.SyncFixture.connect(server.database);
                var ps = c.prepareStatement("select slug from jobs where id = ?")) {
            ps.setObject(1, job);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void anOpenJobIsListedAndItsPageCarriesJobPostingJsonLd() throws Exception {
        String deadline = LocalDate.now(ZoneOffset.UTC).plusDays(20).toString();
        UUID job = liveJob("Night-shift Nurse (ICU)", """
                , "jobSummary": "Care for ICU patients on night shifts.", "employmentType": "full_time",
                  "workMode": "on_site", "jobLocations": ["Durban"], "minSalary": 18000, "maxSalary": 24000,
                  "currency": "ZAR", "salaryUnit": "month", "applicationDeadline": "%s",
                  "responsibilities": ["Monitor patients", "Hand over to the day shift"],
                  "requiredSkills": ["ICU", "BLS"], "metaTitle": "ICU night nurse in Durban",
                  "metaDescription": "Nights, ICU, Durban."
                """.formatted(deadline));
        String slug = slugOf(job);

        browser.get(base + "/jobs");
        browser.findElement(By.linkText("Night-shift Nurse (ICU)")).click();

        assertThat(browser.getCurrentUrl()).endsWith("/jobs/" + slug);
        assertThat(browser.getTitle()).isEqualTo("ICU night nurse in Durban");
        assertThat(browser.findElement(By.cssSelector("meta[name=description]")).getAttribute("content"))
                .isEqualTo("Nights, ICU, Durban.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Night-shift Nurse (ICU)");
        String ld = (String) browser.executeScript(
                "return document.querySelector('script[type=\"application/ld+json\"]').textContent");
        JsonNode posting = JSON.readTree(ld);
        assertThat(posting.path("@context").asText()).isEqualTo("https://schema.org/");
        assertThat(posting.path("@type").asText()).isEqualTo("JobPosting");
        assertThat(posting.path("title").asText()).isEqualTo("Night-shift Nurse (ICU)");
        assertThat(posting.path("description").asText()).startsWith("Care for ICU patients");
        assertThat(posting.path("datePosted").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(posting.path("validThrough").asText()).isEqualTo(deadline + "T23:59:59");
        assertThat(posting.path("hiringOrganization").path("name").asText()).isEqualTo("Demo Recruiting Agency");
        assertThat(posting.path("jobLocation")
                        .get(0)
                        .path("address")
                        .path("addressLocality")
                        .asText())
                .isEqualTo("Durban");
        assertThat(posting.path("employmentType").asText()).isEqualTo("FULL_TIME");
        assertThat(posting.path("baseSalary").path("value").path("minValue").asLong())
                .isEqualTo(18000);
        assertThat(posting.path("baseSalary").path("value").path("unitText").asText())
                .isEqualTo("MONTH");
        assertThat(posting.path("identifier").path("value").asText()).isEqualTo(job.toString());
    }

    @Test
    void theOrganizationsPublicAddressIsTheJobsOwnAddressInItsJsonLd() throws Exception {
        UUID job = liveJob("Warehouse Picker", ", \"jobSummary\": \"Pick orders.\"");
        String slug = slugOf(job);
        String ld = "script[type=application/ld+json]";
        var fetch = (java.util.concurrent.Callable<JsonNode>)
                () -> JSON.readTree(org.jsoup.Jsoup.connect(base + "/jobs/" + slug)
                        .get()
                        .selectFirst(ld)
                        .data());
        assertThat(fetch.call().path("url").asText())
                .as("as the visitor reached it")
                .isEqualTo(base + "/jobs/" + slug);

        SyncClient admin = new SyncClient(server.api, "admin@demo.test", TestServer.PASSWORD);
        JsonNode saved = admin.pushOne(SyncClient.mutation(
                com.recruitdesk.protocol.admin.AdminMutations.SAVE_SETTING,
                new com.recruitdesk.protocol.admin.AdminMutations.SaveSetting(
                        com.recruitdesk.protocol.admin.Settings.PUBLIC_ADDRESS,
                        JSON.getNodeFactory().textNode("https://jobs.example.org"))));
        assertThat(saved.path("status").asText()).as(saved.toString()).isEqualTo("applied");
        try {
            assertThat(fetch.call().path("url").asText()).isEqualTo("https://jobs.example.org/jobs/" + slug);
        } finally {
            admin.pushOne(SyncClient.mutation(
                    com.recruitdesk.protocol.admin.AdminMutations.SAVE_SETTING,
                    new com.recruitdesk.protocol.admin.AdminMutations.SaveSetting(
                            com.recruitdesk.protocol.admin.Settings.PUBLIC_ADDRESS,
                            JSON.getNodeFactory().textNode(""))));
        }
    }

    @Test
    void aClosedJobAnswersGoneAndLeavesTheList() throws Exception {
        UUID job = liveJob("Seasonal packer", "");
        String slug = slugOf(job);
        recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.SET_JOB_STATUS, new PipelineMutations.SetJobStatus(job, "closed", null)));

        assertThat(status("/jobs/" + slug)).isEqualTo(410);
        browser.get(base + "/jobs/" + slug);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This job is no longer open");
        browser.get(base + "/jobs");
        assertThat(browser.findElements(By.linkText("Seasonal packer"))).isEmpty();
    }

    @Test
    void aDraftOrUnknownJobIsNotFound() throws Exception {
        UUID draft = UUID.randomUUID();
        recruiter.pushOne(SyncClient.mutation(
                PipelineMutations.SAVE_JOB,
                new PipelineMutations.SaveJob(draft, null, SyncClient.args().put("title", "Secret draft"))));

        assertThat(status("/jobs/" + slugOf(draft))).isEqualTo(404);
        assertThat(status("/jobs/no-such-job")).isEqualTo(404);
    }

    @Test
    void whatRecruitersTypeIsEscapedInThePageAndInTheJsonLd() throws Exception {
        UUID job = liveJob("Chef <script>alert(1)</script>", ", \"jobSummary\": \"Pans & </script><b>pots</b>\"");

        browser.get(base + "/jobs/" + slugOf(job));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Chef <script>alert(1)</script>");
        assertThat(browser.findElements(By.tagName("b"))).isEmpty();
        String ld = (String) browser.executeScript(
                "return document.querySelector('script[type=\"application/ld+json\"]').textContent");
        assertThat(JSON.readTree(ld).path("description").asText()).isEqualTo("Pans & </script><b>pots</b>");
    }
}
