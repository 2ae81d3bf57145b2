package com.recruitdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.server.platform.settings.OrganizationSettings;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The organization's settings: typed, validated, logged with the old and the new value, read with their defaults. */
@Tag("database")
class SettingsAdministrationTest {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static TestServer server;
    private static AdminFixture f;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        f = new AdminFixture(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode save(String key, String value) {
        return AdminFixture.push(
                f.admin, AdminMutations.SAVE_SETTING, new AdminMutations.SaveSetting(key, json(value)));
    }

    private static JsonNode read(String key) throws Exception {
        try (Connection c = SyncFixture.connect(server.database)) {
            return OrganizationSettings.value(c, f.organization(), key);
        }
    }

    @Test
    void aSettingNeverSavedReadsAsItsDefault() throws Exception {
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID org = SyncFixture.insert(c, "insert into organizations (name) values ('Fresh agency') returning id");
            assertThat(OrganizationSettings.scorecardVisibility(c, org)).isEqualTo("after_own");
            assertThat(OrganizationSettings.feedRetentionDays(c, org)).isEqualTo(90);
            assertThat(OrganizationSettings.businessHours(c, org).days())
                    .containsKeys(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            assertThat(OrganizationSettings.businessHours(c, org).days()).doesNotContainKey(DayOfWeek.SUNDAY);
            assertThat(OrganizationSettings.greeting(c, org, UUID.randomUUID())).isEmpty();
        }
    }

    @Test
    void aSavedSettingIsSyncedReadByTheProductAndLoggedWithItsOldAndNewValue() throws Exception {
        JsonNode result = save(Settings.SCORECARD_VISIBILITY, "\"never\"");

        assertThat(result.path("status").asText()).isEqualTo("applied");
        assertThat(read(Settings.SCORECARD_VISIBILITY).asText()).isEqualTo("never");
        JsonNode row = f.recruiter.pullAll().values().stream()
                .filter(c -> c.path("entity").asText().equals("systemSetting"))
                .map(c -> c.path("data"))
                .filter(d -> d.path("key").asText().equals(Settings.SCORECARD_VISIBILITY))
                .findFirst()
                .orElseThrow();
        assertThat(row.path("value").asText()).isEqualTo("never");
        assertThat(row.path("updatedByUserId").asText()).isEqualTo(f.admin.userId.toString());
        assertThat(f.count("select count(*) from activity_logs where action_type = 'systemSetting.save'"
                        + " and details ->> 'key' = 'INTERVIEW_FEEDBACK_VISIBILITY' and details ->> 'from' = 'after_own'"
                        + " and details ->> 'to' = 'never' and description = 'Set Scorecard visibility to never'"))
                .isEqualTo(1);

        JsonNode same = save(Settings.SCORECARD_VISIBILITY, "\"never\"");
        assertThat(same.path("status").asText()).isEqualTo("applied");
        assertThat(f.count("select count(*) from activity_logs where action_type = 'systemSetting.save'"
                        + " and details ->> 'key' = 'INTERVIEW_FEEDBACK_VISIBILITY'"))
                .as("saving the same value again changes and logs nothing")
                .isEqualTo(1);
        save(Settings.SCORECARD_VISIBILITY, "\"after_own\"");
    }

    @Test
    void businessHoursAndRetentionAreTyped() throws Exception {
        assertThat(save(
                                Settings.BUSINESS_HOURS,
                                "{\"timeZone\": \"Africa/Johannesburg\", \"days\": {\"MONDAY\": {\"from\": \"08:30\", \"to\": \"16:00\"},"
                                        + " \"SATURDAY\": {\"from\": \"09:00\", \"to\": \"12:00\"}}}")
                        .path("status")
                        .asText())
                .isEqualTo("applied");
        assertThat(save(Settings.FEED_RETENTION_DAYS, "30").path("status").asText())
                .isEqualTo("applied");

        try (Connection c = SyncFixture.connect(server.database)) {
            var hours = OrganizationSettings.businessHours(c, f.organization());
            assertThat(hours.zone().getId()).isEqualTo("Africa/Johannesburg");
            assertThat(hours.isOpen(Instant.parse("2026-12-05T08:00:00Z")))
                    .as("Saturday 10:00 there")
                    .isTrue();
            assertThat(hours.isOpen(Instant.parse("2026-12-01T14:30:00Z")))
                    .as("Tuesday: closed")
                    .isFalse();
            assertThat(OrganizationSettings.feedRetentionDays(c, f.organization()))
                    .isEqualTo(30);
        }
    }

    @Test
    void aGreetingIsPerNumberOfTheOrganization() throws Exception {
        UUID number = UUID.randomUUID();
        f.asAdmin(
                AdminMutations.SAVE_WHATSAPP_ACCOUNT,
                new AdminMutations.SaveWhatsAppAccount(number, "Greeter", "+27215550777", "simulator", null, null));
        UUID theirs = f.insertReturning(
                "with o as (insert into organizations (name) values ('Greeting rival') returning id)"
                        + " insert into whatsapp_accounts (organization_id, display_name, phone) select id, 'Theirs', '+27215550778' from o returning id");

        JsonNode ours =
                save(Settings.BOT_GREETINGS, "{\"" + number + "\": \"Hi! Thanks for writing to RecruitDesk.\"}");
        JsonNode notOurs = save(Settings.BOT_GREETINGS, "{\"" + theirs + "\": \"Hi!\"}");

        assertThat(ours.path("status").asText()).isEqualTo("applied");
        assertThat(notOurs.path("code").asText()).isEqualTo("not_found");
        try (Connection c = SyncFixture.connect(server.database)) {
            assertThat(OrganizationSettings.greeting(c, f.organization(), number))
                    .hasValue("Hi! Thanks for writing to RecruitDesk.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an unknown setting      | MAINTENANCE_MODE     | true                                                     | is not a setting
            an unknown visibility   | INTERVIEW_FEEDBACK_VISIBILITY | "sometimes"                                          | one of never, after_own, always
            a number for visibility | INTERVIEW_FEEDBACK_VISIBILITY | 3                                                  | one of never, after_own, always
            no time zone            | BUSINESS_HOURS       | {"timeZone": "Mars/Olympus", "days": {}}                 | is not a time zone
            closing before opening  | BUSINESS_HOURS       | {"timeZone": "UTC", "days": {"MONDAY": {"from": "17:00", "to": "08:00"}}} | Monday: the office must open before it closes
            not a day               | BUSINESS_HOURS       | {"timeZone": "UTC", "days": {"FUNDAY": {"from": "08:00", "to": "17:00"}}} | 'FUNDAY' is not a day of the week
            not a time              | BUSINESS_HOURS       | {"timeZone": "UTC", "days": {"MONDAY": {"from": "8am", "to": "17:00"}}}   | as 08:00 and 17:00
            a greeting of no number | BOT_GREETINGS        | {"talent": "Hi"}                                         | does not name a WhatsApp number
            an empty greeting       | BOT_GREETINGS        | {"6a1f8c2e-2d7e-4a53-9f7c-3b2e1d0c9a8b": ""}             | leave a number out to send none
            too short a retention   | FEED_RETENTION_DAYS  | 3                                                        | 7 to 3650 days
            a retention in words    | FEED_RETENTION_DAYS  | "ninety"                                                 | 7 to 3650 days
            no value                | FEED_RETENTION_DAYS  | null                                                     | needs a value
            """)
    void aBadValueIsRefusedWithTheReasonAndTheSettingKeepsItsValue(String why, String key, String value, String reason)
            throws Exception {
        JsonNode before = Settings.known(key) ? read(key) : null;

        JsonNode result = save(key, value);

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        if (before != null) {
            assertThat(read(key)).isEqualTo(before);
        }
    }

    @Test
    void onlyAdministratorsChangeSettings() {
        JsonNode result = AdminFixture.push(
                f.recruiter,
                AdminMutations.SAVE_SETTING,
                new AdminMutations.SaveSetting(Settings.SCORECARD_VISIBILITY, json("\"always\"")));

        assertThat(result.path("code").asText()).isEqualTo("forbidden");
    }
}
