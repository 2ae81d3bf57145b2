package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.server.platform.db.GroupCommit;
import com.recruitdesk.server.platform.http.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /webhooks/whatsapp} answers Meta's verification handshake; {@code POST} checks the
 * signature on the raw body, then stores what it carries (in a batch with other webhooks, decision
 * 0046) before answering 200, once it is durable. Nothing is stored, nor queued, for a body that is
 * too large, unsigned, wrongly signed or not JSON.
 */
public final class WebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);
    /** Largest webhook body accepted. Meta batches up to 1000 updates, far below this in practice. */
    public static final int MAX_BODY_BYTES = 512 * 1024;

    private final Optional<WebhookSignature> signature;
    private final Optional<String> verifyToken;
    private final WebhookBatches ingest;
    private final ObjectMapper mapper;

    WebhookController(
            Optional<String> appSecret, Optional<String> verifyToken, WebhookBatches ingest, ObjectMapper mapper) {
        this.signature = appSecret.map(WebhookSignature::new);
        this.verifyToken = verifyToken;
        this.ingest = ingest;
        this.mapper = mapper;
    }

    /** Meta's subscription check: echo {@code hub.challenge} when the verify token matches. */
    public void verify(Context ctx) {
        String mode = ctx.queryParam("hub.mode");
        String token = ctx.queryParam("hub.verify_token");
        String challenge = ctx.queryParam("hub.challenge");
        if (!"subscribe".equals(mode) || challenge == null) {
            throw new ApiException(
                    400, ErrorCodes.INVALID, "Expected hub.mode=subscribe with hub.verify_token and hub.challenge.");
        }
        if (verifyToken.isEmpty() || token == null || !constantTimeEquals(verifyToken.get(), token)) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "The verify token does not match this server's.");
        }
        ctx.status(200).contentType("text/plain").result(challenge);
    }

    public void receive(Context ctx) {
        if (signature.isEmpty()) {
            throw new ApiException(
                    403,
                    ErrorCodes.FORBIDDEN,
                    "This server has no WhatsApp app secret (it runs the simulator), so it accepts no webhooks.");
        }
        // Announced before its body is read: a batch being gathered waits for it (decision 0056).
        try (GroupCommit.Arrival arrival = ingest.expect()) {
            receive(ctx, arrival);
        }
    }

    private void receive(Context ctx, GroupCommit.Arrival arrival) {
        long declared = ctx.contentLength();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        switch (signature.get().check(body, ctx.header(WebhookSignature.HEADER))) {
            case MISSING ->
                throw new ApiException(
                        401,
                        ErrorCodes.UNAUTHORIZED,
                        "The " + WebhookSignature.HEADER + " header is missing; webhooks must be signed.");
            case WRONG ->
                throw new ApiException(
                        403,
                        ErrorCodes.FORBIDDEN,
                        "The " + WebhookSignature.HEADER + " signature does not match the body.");
            case VALID -> {}
        }
        JsonNode envelope = parse(body);
        WebhookIngest.Outcome outcome;
        try {
            outcome = ingest.apply(envelope, arrival);
        } catch (SQLException e) {
            LOG.warn("Webhook not stored, Meta will deliver it again: {}", e.getMessage());
            throw new ApiException(
                    503,
                    ErrorCodes.NOT_READY,
                    "The webhook could not be stored now; deliver it again later.",
                    Map.of("Retry-After", "30"));
        }
        ctx.status(200)
                .json(Map.of(
                        "stored", outcome.stored(),
                        "duplicates", outcome.duplicates(),
                        "statuses", outcome.statuses(),
                        "deadLetters", outcome.deadLetters(),
                        "templates", outcome.templates()));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode envelope = mapper.readTree(body);
            if (envelope == null || !envelope.isObject()) {
                throw new ApiException(400, ErrorCodes.MALFORMED_JSON, "The webhook body must be a JSON object.");
            }
            if (!"whatsapp_business_account".equals(envelope.path("object").asText())) {
                throw new ApiException(
                        400, ErrorCodes.INVALID, "The webhook's object must be 'whatsapp_business_account'.");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, ErrorCodes.MALFORMED_JSON, "The webhook body is not valid JSON.");
        } catch (IOException e) {
            throw new ApiException(400, ErrorCodes.MALFORMED_JSON, "The webhook body could not be read.");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(
                413,
                ErrorCodes.PAYLOAD_TOO_LARGE,
                "The webhook body is larger than the " + MAX_BODY_BYTES + " bytes this server accepts.");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
