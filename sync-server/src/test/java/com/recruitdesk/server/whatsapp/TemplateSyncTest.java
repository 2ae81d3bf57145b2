package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Templates fetched from the WhatsApp Business Account at Meta (decision 0016), Graph played by {@link GraphTemplates}. */
@Tag("database")
class TemplateSyncTest {
    static final ObjectMapper MAPPER = Json.newMapper();
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Map<String, String> EVERY_15_MINUTES = Map.of("RD_WHATSAPP_TEMPLATE_SYNC_MINUTES", "15");

    final GraphTemplates meta = new GraphTemplates();
    CloudApiWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    void metaHolds(String... templates) {
        meta.templates.clear();
        meta.templates.addAll(List.of(templates));
    }

    static String approved(String id, String name, String components) {
        return GraphTemplates.template(id, name, "APPROVED", "UTILITY", components, "NONE");
    }

    List<JsonNode> templatesOf(UUID account) {
        return world.rows("select * from message_templates where whatsapp_account_id = ? order by name", account);
    }

    JsonNode template(UUID account, String name) {
        return world.row("select * from message_templates where whatsapp_account_id = ? and name = ?", account, name);
    }

    void awaitSynced(int runs) {
        Eventually.await(
                WAIT,
                runs + " finished template sync run(s)",
                () -> world.count(
                                        "select count(*) from whatsapp_template_syncs where last_synced_at is not null and lease_until is null"
                                                + " and next_run_at > '-infinity'")
                                == 1
                        && meta.listings.size() >= runs * pages());
    }

    int pages() {
        return Math.max(1, (meta.templates.size() + GraphTemplates.PAGE - 1) / GraphTemplates.PAGE);
    }

    @Test
    void everyPageIsFetchedAtStartForEveryNumberOfTheWaba() throws Exception {
        metaHolds(
                approved("1192339204654487", "application_follow_up", GraphTemplates.FOLLOW_UP),
                approved("1192339204654488", "interview_invitation", GraphTemplates.INVITATION),
                GraphTemplates.template(
                        "1192339204654489",
                        "summer_jobs",
                        "IN_APPEAL",
                        "MARKETING",
                        GraphTemplates.IMAGE_HEADER,
                        "NONE"),
                GraphTemplates.template(
                        "1192339204654490",
                        "night_shift",
                        "REJECTED",
                        "UTILITY",
                        GraphTemplates.FOLLOW_UP,
                        "INVALID_FORMAT"),
                GraphTemplates.template(
                        "1192339204654491",
                        "shift_reminder",
                        "PENDING_DELETION",
                        "UTILITY",
                        GraphTemplates.NAMED,
                        "NONE"));
        world = CloudApiWorld.startBesideTheDemo(EVERY_15_MINUTES, meta);
        long demoTemplates = world.count(
                "select count(*) from message_templates t join whatsapp_accounts a on a.id = t.whatsapp_account_id"
                        + " where a.provider = 'simulator'");
        awaitSynced(1);

        assertThat(templatesOf(world.mainAccount)).hasSize(5);
        assertThat(templatesOf(world.secondAccount)).hasSize(5);
        List<RecordedRequest> pages = List.copyOf(meta.listings);
        assertThat(pages).hasSize(3);
        assertThat(pages.stream().map(r -> r.getUrl().queryParameter("after")))
                .containsExactly(null, "cursor2", "cursor4");
        for (RecordedRequest r : pages) {
            assertThat(r.getUrl().queryParameter("fields")).isEqualTo(CloudApiTemplates.FIELDS);
            assertThat(r.getUrl().queryParameter("limit")).isEqualTo("100");
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + CloudApiWorld.ACCESS_TOKEN);
        }
        JsonNode followUp = template(world.mainAccount, "application_follow_up");
        assertThat(followUp.path("status").asText()).isEqualTo("approved");
        assertThat(followUp.path("category").asText()).isEqualTo("utility");
        assertThat(followUp.path("language").asText()).isEqualTo("en_US");
        assertThat(followUp.path("provider_template_id").asText()).isEqualTo("1192339204654487");
        assertThat(followUp.path("rejection_reason").isNull()).isTrue();
        assertThat(followUp.path("components")).isEqualTo(MAPPER.readTree(GraphTemplates.FOLLOW_UP));
        JsonNode appeal = template(world.secondAccount, "summer_jobs");
        assertThat(appeal.path("status").asText()).isEqualTo("in_appeal");
        assertThat(appeal.path("category").asText()).isEqualTo("marketing");
        assertThat(template(world.mainAccount, "night_shift")
                        .path("rejection_reason")
                        .asText())
                .isEqualTo("INVALID_FORMAT");
        assertThat(template(world.mainAccount, "shift_reminder").path("status").asText())
                .isEqualTo("pending_deletion");
        assertThat(world.count(
                        "select count(*) from message_templates t join whatsapp_accounts a on a.id = t.whatsapp_account_id"
                                + " where a.provider = 'simulator'"))
                .isEqualTo(demoTemplates)
                .isPositive();
    }

    @Test
    void theScheduleDisablesWhatDisappearedAndRewritesOnlyWhatChanged() {
        metaHolds(
                approved("2000000000000001", "application_follow_up", GraphTemplates.FOLLOW_UP),
                approved("2000000000000002", "interview_invitation", GraphTemplates.INVITATION),
                approved("2000000000000003", "shift_reminder", GraphTemplates.NAMED));
        world = CloudApiWorld.start(EVERY_15_MINUTES, meta);
        awaitSynced(1);
        long unchangedVersion = template(world.mainAccount, "application_follow_up")
                .path("version")
                .asLong();
        long feedBefore = world.count("select count(*) from sync_changes where entity = 'messageTemplate'");

        metaHolds(
                approved("2000000000000001", "application_follow_up", GraphTemplates.FOLLOW_UP),
                GraphTemplates.template(
                        "2000000000000003", "shift_reminder", "PAUSED", "UTILITY", GraphTemplates.NAMED, "NONE"));
        world.server.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        Eventually.await(
                WAIT,
                "the template Meta dropped to be disabled on both numbers",
                () -> world.count(
                                "select count(*) from message_templates where name = 'interview_invitation' and status = 'disabled'")
                        == 2);
        Eventually.await(
                WAIT,
                "the paused template to be paused",
                () -> world.count(
                                "select count(*) from message_templates where name = 'shift_reminder' and status = 'paused'")
                        == 2);
        assertThat(template(world.mainAccount, "application_follow_up")
                        .path("version")
                        .asLong())
                .isEqualTo(unchangedVersion);
        assertThat(world.count("select count(*) from sync_changes where entity = 'messageTemplate'") - feedBefore)
                .isEqualTo(4);
        assertThat(world.count("select count(*) from message_templates where name = 'interview_invitation'"))
                .isEqualTo(2);
    }

    @Test
    void anAdministratorAsksForASyncAndGets202() {
        metaHolds(approved("3000000000000001", "application_follow_up", GraphTemplates.FOLLOW_UP));
        world = CloudApiWorld.start(Map.of(), meta);
        assertThat(meta.listings).isEmpty();

        assertThat(world.requestTemplateSync(TestServer.RECRUITER).status()).isEqualTo(403);
        Api.Reply reply = world.requestTemplateSync("admin@demo.test");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("whatsappBusinessAccounts").path(0).asText())
                .isEqualTo(MetaPayloads.WABA_ID);
        Eventually.await(
                WAIT,
                "the template to arrive on both numbers",
                () -> world.count(
                                "select count(*) from message_templates where provider_template_id = '3000000000000001'")
                        == 2);
    }

    @Test
    void aFailedFetchAppliesNothingAndIsRetriedAfterABackOff() {
        metaHolds(
                approved("4000000000000001", "application_follow_up", GraphTemplates.FOLLOW_UP),
                approved("4000000000000002", "interview_invitation", GraphTemplates.INVITATION),
                approved("4000000000000003", "shift_reminder", GraphTemplates.NAMED));
        meta.failNext.set(1);
        world = CloudApiWorld.start(EVERY_15_MINUTES, meta);

        Eventually.await(
                WAIT,
                "the failed fetch to be recorded",
                () -> world.count(
                                "select count(*) from whatsapp_template_syncs where failures = 1 and last_error like '%500%'")
                        == 1);
        assertThat(world.count("select count(*) from message_templates where provider_template_id like '4%'"))
                .isZero();
        assertThat(meta.listings).hasSize(1);

        world.server.clock.advance(TemplateSync.FIRST_RETRY.plusSeconds(1));

        Eventually.await(
                WAIT,
                "the retry to bring every template",
                () -> world.count("select count(*) from message_templates where provider_template_id like '4%'") == 6);
        assertThat(world.row("select failures, last_error from whatsapp_template_syncs")
                        .path("failures")
                        .asInt())
                .isZero();
    }

    @Test
    void twoServerInstancesNeverFetchTheSameWabaAtOnce() throws Exception {
        metaHolds(
                approved("5000000000000001", "application_follow_up", GraphTemplates.FOLLOW_UP),
                approved("5000000000000002", "interview_invitation", GraphTemplates.INVITATION),
                approved("5000000000000003", "shift_reminder", GraphTemplates.NAMED));
        meta.firstPageDelayMillis = 1_500; // a slow Meta: the other instance polls while the first fetches
        world = CloudApiWorld.start(Map.of(), meta);
        try (SyncServer second = world.startSecondInstance(15)) {
            assertThat(world.requestTemplateSync("admin@demo.test").status()).isEqualTo(202);

            Eventually.await(
                    WAIT,
                    "both instances to settle with the templates fetched",
                    () -> world.count("select count(*) from message_templates where provider_template_id like '5%'")
                                    == 6
                            && world.count("select count(*) from whatsapp_template_syncs where lease_until is null"
                                            + " and next_run_at > now()")
                                    == 1);
            assertThat(second.port()).isPositive();
        }
        // Runs never overlap: each listing of page one is followed by page two before the next run begins.
        List<String> afters = meta.listings.stream()
                .map(r -> r.getUrl().queryParameter("after"))
                .toList();
        assertThat(afters).isNotEmpty();
        for (int i = 0; i < afters.size(); i++) {
            assertThat(afters.get(i)).as("listing " + i + " of " + afters).isEqualTo(i % 2 == 0 ? null : "cursor2");
        }
    }
}
