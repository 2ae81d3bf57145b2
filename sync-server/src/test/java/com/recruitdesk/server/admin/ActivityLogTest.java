package com.recruitdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.admin.AdminMutations.Grant;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The activity log for administrators and managers: filtered by person, kind, entity and time, a page
 * at a time, with the address each change came from, and as CSV; no longer on recruiters' laptops.
 */
@Tag("database")
class ActivityLogTest {
    private static final Instant DAY = Instant.parse("2026-03-02T09:00:00Z");
    private static TestServer server;
    private static AdminFixture f;
    private static UUID invited;
    private static UUID entity;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        f = new AdminFixture(server);
        invited = f.invite("bongani@agency.test", "Bongani Zulu", Grant.of("RECRUITER"));
        // Lines of a day long ago, seven of them at the same instant, for the time filter and the pages.
        entity = UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            f.execute(
                    "insert into activity_logs (organization_id, user_id, action_type, entity_type, entity_id, description,"
                            + " ip_address, created_at) values (?, ?, 'application.move', 'application', ?, ?, '10.0.0.7', ?)",
                    f.organization(),
                    f.recruiter.userId,
                    entity,
                    "Moved, step " + i,
                    java.sql.Timestamp.from(DAY));
        }
        f.execute(
                "insert into activity_logs (organization_id, action_type, severity, entity_type, entity_id, description, created_at)"
                        + " values (?, 'whatsapp.identity_merged', 'warn', 'candidate', ?, ?, ?)",
                f.organization(),
                UUID.randomUUID(),
                "=HYPERLINK(\"http://evil\"), merged \"Thandi\"\nand Thandi M.",
                java.sql.Timestamp.from(DAY.plusSeconds(3600)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String token(String email) {
        return server.login(email, TestServer.PASSWORD)
                .json()
                .path("accessToken")
                .asText();
    }

    private static Api.Reply get(String email, String query) {
        return server.api.get(Paths.ADMIN_ACTIVITY + query, token(email));
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aChangeIsLoggedWithWhoWhatWhichRowAndTheAddressItCameFrom() {
        JsonNode page = get(AdminFixture.ADMIN, "?entityId=" + invited).json();

        assertThat(page.path("entries")).hasSize(1);
        JsonNode line = page.path("entries").get(0);
        assertThat(line.path("userId").asText()).isEqualTo(f.admin.userId.toString());
        assertThat(line.path("userName").asText()).isEqualTo("Avery Admin");
        assertThat(line.path("actionType").asText()).isEqualTo("user.invite");
        assertThat(line.path("entityType").asText()).isEqualTo("user");
        assertThat(line.path("description").asText())
                .isEqualTo("Invited Bongani Zulu <bongani@agency.test> as Recruiter");
        assertThat(line.path("details").path("email").asText()).isEqualTo("bongani@agency.test");
        assertThat(line.path("ipAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(page.path("next").isMissingNode()).as("no next page").isTrue();
    }

    @Test
    void linesAreFilteredByPersonKindEntityAndTime() {
        String day = "&from=" + q(DAY.minusSeconds(60).toString()) + "&to="
                + q(DAY.plusSeconds(7200).toString());

        assertThat(get(AdminFixture.ADMIN, "?userId=" + f.recruiter.userId + day)
                        .json()
                        .path("entries"))
                .hasSize(7);
        assertThat(get(AdminFixture.ADMIN, "?kind=whatsapp." + day).json().path("entries"))
                .extracting(e -> e.path("actionType").asText())
                .containsExactly("whatsapp.identity_merged");
        assertThat(get(AdminFixture.ADMIN, "?kind=application.move&entityType=application&entityId=" + entity)
                        .json()
                        .path("entries"))
                .hasSize(7);
        assertThat(get(AdminFixture.ADMIN, "?kind=user.").json().path("entries"))
                .extracting(e -> e.path("actionType").asText())
                .contains("user.invite")
                .allMatch(a -> a.startsWith("user."));
        assertThat(get(AdminFixture.ADMIN, "?to=" + q(DAY.toString())).json().path("entries"))
                .as("'to' is excluded")
                .isEmpty();
        JsonNode system = get(AdminFixture.ADMIN, "?kind=whatsapp.identity_merged")
                .json()
                .path("entries")
                .get(0);
        assertThat(system.has("userId")).as("the system did it").isFalse();
        assertThat(system.path("severity").asText()).isEqualTo("warn");
    }

    @Test
    void pagesFollowEachOtherWithoutRepeatingOrSkippingLinesOfTheSameInstant() {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String query = "?entityId=" + entity + "&limit=3";
        String before = null;
        int pages = 0;
        do {
            JsonNode page = get(AdminFixture.ADMIN, query + (before == null ? "" : "&before=" + q(before)))
                    .json();
            page.path("entries").forEach(e -> {
                assertThat(seen.add(e.path("id").asText())).as("each line once").isTrue();
                order.add(e.path("description").asText());
            });
            before = page.path("next").asText(null);
            pages++;
        } while (before != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7);
    }

    @Test
    void theCsvHasTheFilteredLinesQuotedAndSafeForSpreadsheets() throws Exception {
        Api.Reply csv = server.api.get(
                Paths.ADMIN_ACTIVITY_CSV + "?from=" + q(DAY.minusSeconds(60).toString()) + "&to="
                        + q(DAY.plusSeconds(7200).toString()),
                token(AdminFixture.MANAGER));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("Content-Type")).startsWith("text/csv");
        assertThat(csv.headers().get("Content-Disposition")).startsWith("attachment; filename=\"activity-log-");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();
        assertThat(rows).hasSize(8);
        CSVRecord merged = rows.getFirst();
        assertThat(merged.get("person")).isEqualTo("system");
        assertThat(merged.get("description"))
                .isEqualTo("'=HYPERLINK(\"http://evil\"), merged \"Thandi\"\nand Thandi M.");
        CSVRecord move = rows.get(1);
        assertThat(move.get("person")).isEqualTo("Riley Recruiter");
        assertThat(move.get("action")).isEqualTo("application.move");
        assertThat(move.get("ip_address")).isEqualTo("10.0.0.7");
        assertThat(move.get("time")).isEqualTo(DAY.toString());
    }

    @Test
    void onlyAdministratorsAndManagersReadTheLogAndItIsNoLongerOnRecruitersLaptops() {
        assertThat(get(TestServer.RECRUITER, "").status()).isEqualTo(403);
        assertThat(server.api
                        .get(Paths.ADMIN_ACTIVITY_CSV, token(TestServer.RECRUITER))
                        .status())
                .isEqualTo(403);
        assertThat(server.api.get(Paths.ADMIN_ACTIVITY).status()).isEqualTo(401);
        assertThat(get(AdminFixture.MANAGER, "").status()).isEqualTo(200);

        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        assertThat(recruiter.pullAll().keySet()).noneMatch(k -> k.startsWith("activityLog/"));
        assertThat(f.count("select count(*) from sync_changes where entity = 'activityLog'"))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a person who is no id | ?userId=bongani             | 'userId' must be an id
            a time in words       | ?from=yesterday             | 'from' must be a time
            from after to         | ?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z | 'from' must be before 'to'
            no limit              | ?limit=0                    | from 1 to 1000
            a cursor of our own   | ?before=page-two            | not a cursor this server gave
            a kind with spaces    | ?kind=user%20invite         | A kind is an action
            """)
    void aBadFilterIsA400ThatSaysWhich(String why, String query, String reason) {
        Api.Reply reply = get(AdminFixture.ADMIN, query);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).contains(reason);
    }
}
