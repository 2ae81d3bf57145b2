package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Meta's {@code message_template_status_update} webhook moves our template rows (decision 0016). */
@Tag("database")
class TemplateStatusWebhookTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String FOLLOW_UP_ID = "6000000000000001";
    final GraphTemplates meta = new GraphTemplates();
    CloudApiWorld world;

    @BeforeEach
    void start() {
        meta.templates.add(GraphTemplates.template(
                FOLLOW_UP_ID, "application_follow_up", "APPROVED", "UTILITY", GraphTemplates.FOLLOW_UP, "NONE"));
        world = CloudApiWorld.start(Map.of(), meta);
        assertThat(world.requestTemplateSync("admin@demo.test").status()).isEqualTo(202);
        Eventually.await(WAIT, "the first sync", () -> statusCount("approved") == 2);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    long statusCount(String status) {
        return world.count(
                "select count(*) from message_templates where provider_template_id = ? and status = ?",
                FOLLOW_UP_ID,
                status);
    }

    Api.Reply deliver(String event, String templateId, String name, String reason) {
        Api.Reply reply =
                world.deliver(MetaPayloads.templateStatus(MetaPayloads.WABA_ID, event, templateId, name, reason));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    @Test
    void aRejectionReachesTheTemplateOnEveryNumberOnceWithItsReason() {
        Api.Reply reply = deliver("REJECTED", FOLLOW_UP_ID, "application_follow_up", "INCORRECT_CATEGORY");

        assertThat(reply.json().path("templates").asInt()).isEqualTo(1);
        assertThat(statusCount("rejected")).isEqualTo(2);
        assertThat(world.row(
                                "select rejection_reason from message_templates where whatsapp_account_id = ? and name = 'application_follow_up'",
                                world.mainAccount)
                        .path("rejection_reason")
                        .asText())
                .isEqualTo("INCORRECT_CATEGORY");
        long feed = world.count("select count(*) from sync_changes where entity = 'messageTemplate'");

        deliver("REJECTED", FOLLOW_UP_ID, "application_follow_up", "INCORRECT_CATEGORY");

        assertThat(world.count("select count(*) from sync_changes where entity = 'messageTemplate'"))
                .isEqualTo(feed);
    }

    @Test
    void reinstatementApprovesAndClearsTheReason() {
        deliver("PAUSED", FOLLOW_UP_ID, "application_follow_up", "Low quality: many people blocked this template.");
        assertThat(statusCount("paused")).isEqualTo(2);

        deliver("REINSTATED", FOLLOW_UP_ID, "application_follow_up", "NONE");

        assertThat(statusCount("approved")).isEqualTo(2);
        assertThat(world.count(
                        "select count(*) from message_templates where provider_template_id = ? and rejection_reason is not null",
                        FOLLOW_UP_ID))
                .isZero();
    }

    @Test
    void aRedeliveredOlderApprovalDoesNotUndoANewerPause() {
        long now = java.time.Instant.now().getEpochSecond();
        deliverAt(now, "PAUSED", "Low quality: many people blocked this template.");
        assertThat(statusCount("paused")).isEqualTo(2);

        deliverAt(now - 60, "APPROVED", "NONE"); // Meta redelivers an event from before the pause

        assertThat(statusCount("paused")).isEqualTo(2);
        deliverAt(now + 1, "REINSTATED", "NONE");
        assertThat(statusCount("approved")).isEqualTo(2);
    }

    private void deliverAt(long time, String event, String reason) {
        Api.Reply reply = world.deliver(MetaPayloads.templateStatus(
                MetaPayloads.WABA_ID, event, FOLLOW_UP_ID, "application_follow_up", reason, time));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void aTemplateWeDoNotHaveYetIsFetched() {
        meta.templates.add(GraphTemplates.template(
                "6000000000000002", "interview_invitation", "APPROVED", "UTILITY", GraphTemplates.INVITATION, "NONE"));
        int listingsBefore = meta.listings.size();

        deliver("APPROVED", "6000000000000002", "interview_invitation", "NONE");

        Eventually.await(
                WAIT,
                "a sync to bring the new template",
                () -> world.count(
                                "select count(*) from message_templates where provider_template_id = '6000000000000002' and status = 'approved'")
                        == 2);
        assertThat(meta.listings.size()).isGreaterThan(listingsBefore);
    }

    @Test
    void anUpdateForAnotherWabaIsKeptAsADeadLetter() {
        Api.Reply reply = world.deliver(
                MetaPayloads.templateStatus("999999999999999", "APPROVED", "6000000000000003", "welcome", "NONE"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("deadLetters").asInt()).isEqualTo(1);
        assertThat(world.row("select reason from whatsapp_dead_letters")
                        .path("reason")
                        .asText())
                .contains("WhatsApp Business Account");
        assertThat(statusCount("approved")).isEqualTo(2);
    }
}
