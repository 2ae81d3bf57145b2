package com.recruitdesk.app.support;

import com.recruitdesk.server.whatsapp.MetaWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Plays Meta: posts webhook bodies in the WhatsApp Cloud API's wire format to a live server,
 * signed with {@code X-Hub-Signature-256} as Meta signs them (both from the server's test helpers,
 * {@link MetaWebhooks}). The server's settings come from
 * {@link #ENV}; the demo's "RecruitDesk Talent" number answers to {@link #TALENT_PHONE_NUMBER_ID}.
 */
public final class Webhooks {
    public static final String APP_SECRET = "e2a7c1f0b9d84c6aa1f3b5d7c9e1a3f5";
    public static final String TALENT_PHONE_NUMBER_ID = "106540352242922";
    /** Webhooks on, Graph never called: the demo numbers are simulated, so sends stay with the simulator. */
    public static final Map<String, String> ENV = Map.of(
            "RD_WHATSAPP_APP_SECRET", APP_SECRET,
            "RD_WHATSAPP_VERIFY_TOKEN", "verify-me",
            "RD_WHATSAPP_ACCESS_TOKEN", "unused-token",
            "RD_WHATSAPP_API_BASE", "http://127.0.0.1:9/v23.0");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Webhooks() {}

    /** Lets webhooks name the demo's talent number (the demo leaves phone_number_id empty). */
    public static void routeTalentNumber(LiveServer server) {
        server.execute(
                "update whatsapp_accounts set phone_number_id = ? where display_name = 'RecruitDesk Talent'",
                TALENT_PHONE_NUMBER_ID);
    }

    /** A text from {@code waId} (digits) to the talent number; returns the HTTP status. */
    public static int text(LiveServer server, String waId, String name, String body) {
        String wamid =
                "wamid.HBgM" + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return post(
                server,
                MetaWebhooks.text(
                        TALENT_PHONE_NUMBER_ID,
                        "27215550100",
                        waId,
                        name,
                        wamid,
                        Instant.now().getEpochSecond(),
                        body));
    }

    private static int post(LiveServer server, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header(MetaWebhooks.SIGNATURE_HEADER, MetaWebhooks.sign(APP_SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
