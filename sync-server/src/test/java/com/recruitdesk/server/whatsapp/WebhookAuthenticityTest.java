package com.recruitdesk.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handshake, the signature on the raw body, and bad bodies: each stores nothing. */
@Tag("database")
class WebhookAuthenticityTest {
    CloudApiWorld world;
    final long now = Instant.now().getEpochSecond();

    @BeforeEach
    void start() {
        world = CloudApiWorld.start();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private String textWebhook(String wamid) {
        return MetaPayloads.envelope(
                CloudApiWorld.MAIN_PHONE_NUMBER_ID,
                CloudApiWorld.MAIN_DISPLAY,
                MetaPayloads.messageValue(
                        "27820000009", "Lerato", MetaPayloads.text("27820000009", wamid, now, "Hi, I saw the ad")));
    }

    private long stored() {
        return world.count("select count(*) from messages where whatsapp_account_id = ?", world.mainAccount)
                + world.count("select count(*) from candidates where whatsapp_id = '+27820000009'");
    }

    @Test
    void handshakeEchoesTheChallengeForTheRightToken() {
        Api.Reply reply = world.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
                + CloudApiWorld.VERIFY_TOKEN + "&hub.challenge=1158201444");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("1158201444");
    }

    @Test
    void handshakeWithAWrongTokenIsForbidden() {
        Api.Reply reply =
                world.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("forbidden");
        assertThat(reply.body()).doesNotContain("1158201444");
    }

    @Test
    void aWebhookSignedWithTheAppSecretIsStored() {
        Api.Reply reply = world.deliver(textWebhook("wamid.HBgLMjc4MjAwMDAwMDkVAgASGBQzQUYwMDAwMDAwMDAwMDAwMDAwAA=="));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("stored").asInt()).isEqualTo(1);
        assertThat(stored()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing header           | 401 | unauthorized
            signed with other secret | 403 | forbidden
            signature of other body  | 403 | forbidden
            not hex                  | 403 | forbidden
            no sha256= prefix        | 403 | forbidden
            """)
    void aBadSignatureIsRefusedAndStoresNothing(String kind, int status, String code) {
        String body = textWebhook("wamid.HBgLMjc4MjAwMDAwMDkVAgASGBQzQUYwMDAwMDAwMDAwMDAwMDAwAQ==");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = switch (kind) {
            case "missing header" -> null;
            case "signed with other secret" -> WebhookSignature.sign("not-the-app-secret", bytes);
            case "signature of other body" ->
                WebhookSignature.sign(CloudApiWorld.APP_SECRET, (body + " ").getBytes(StandardCharsets.UTF_8));
            case "not hex" -> "sha256=zzzz";
            default -> WebhookSignature.sign(CloudApiWorld.APP_SECRET, bytes).substring("sha256=".length());
        };

        Api.Reply reply = world.post(body, signature);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
        assertThat(stored()).isZero();
    }

    @Test
    void aSignedBodyThatIsNotJsonIsMalformed() {
        Api.Reply reply = world.deliver("{\"object\": \"whatsapp_business_account\", \"entry\": [");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("malformed_json");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String padding = "x".repeat(WebhookController.MAX_BODY_BYTES);
        String body = textWebhook("wamid.HBgLMjc4MjAwMDAwMDkVAgASGBQzQUYwMDAwMDAwMDAwMDAwMDAwAg==")
                .replace("Hi, I saw the ad", padding);

        Api.Reply reply = world.deliver(body);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("payload_too_large");
        assertThat(stored()).isZero();
    }

    @Test
    void anUnknownNumberIsAnsweredOkKeptOnceAsADeadLetterAndStoresNoMessage() {
        String body = MetaPayloads.envelope(
                "999999999999999",
                "15550009999",
                MetaPayloads.messageValue(
                        "27820000009",
                        "Lerato",
                        MetaPayloads.text(
                                "27820000009",
                                "wamid.HBgLMjc4MjAwMDAwMDkVAgASGBQzQUYwMDAwMDAwMDAwMDAwMDAwAw==",
                                now,
                                "Hello?")));

        Api.Reply first = world.deliver(body);
        Api.Reply again = world.deliver(body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(stored()).isZero();
        assertThat(world.count("select count(*) from whatsapp_dead_letters where phone_number_id = '999999999999999'"))
                .isEqualTo(1);
    }

    @Test
    void aServerRunningTheSimulatorRefusesWebhooks() {
        try (TestServer simulator = TestServer.withoutDemo()) {
            var api = new Api(simulator.server.port());

            Api.Reply reply = api.post("/webhooks/whatsapp", textWebhook("wamid.sim"));

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorMessage()).contains("simulator");
        }
    }
}
