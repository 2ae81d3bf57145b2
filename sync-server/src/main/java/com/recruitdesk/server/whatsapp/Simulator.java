package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded provider for demos and development: it accepts every send and, like Meta, reports
 * it sent, then delivered after {@link #DELIVERED_AFTER} and read after {@link #READ_AFTER}, as
 * status webhooks in Meta's format through the same ingest. A text containing {@code [fail]} is
 * reported failed (131026, undeliverable) instead, so the UI's failure path can be shown.
 */
final class Simulator implements WhatsAppProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    static final Duration DELIVERED_AFTER = Duration.ofMillis(1_000);
    static final Duration READ_AFTER = Duration.ofMillis(2_500);

    private final WebhookIngest ingest;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("whatsapp-simulator").daemon().factory());

    Simulator(WebhookIngest ingest, ObjectMapper mapper, Clock clock) {
        this.ingest = ingest;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        String wamid =
                "wamid.SIM" + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        boolean fail = message.body() != null && message.body().contains("[fail]");
        later(message, wamid, fail ? "failed" : "delivered", DELIVERED_AFTER);
        if (!fail) {
            later(message, wamid, "read", READ_AFTER);
        }
        return new SendOutcome.Accepted(wamid);
    }

    private void later(OutboundMessage message, String wamid, String status, Duration after) {
        timer.schedule(
                () -> {
                    ObjectNode value = mapper.createObjectNode();
                    ObjectNode s = value.putArray("statuses").addObject();
                    s.put("id", wamid);
                    s.put("status", status);
                    s.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
                    if (message.toUserId()) {
                        s.put("recipient_user_id", message.to());
                    } else if (message.to() != null) {
                        s.put("recipient_id", message.to().substring(1));
                    }
                    if ("failed".equals(status)) {
                        ObjectNode error = s.putArray("errors").addObject();
                        error.put("code", 131026);
                        error.put("title", "Message undeliverable");
                        error.put("message", "Message undeliverable");
                        error.putObject("error_data")
                                .put("details", "The simulator fails messages that contain [fail].");
                    }
                    try {
                        ingest.applyFor(message.account(), value);
                    } catch (SQLException e) {
                        LOG.warn("The simulator could not report {} for {}: {}", status, wamid, e.getMessage());
                    }
                },
                after.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Injects an inbound text from {@code sender} as if Meta had delivered it, naming them by
     * whichever of their ids is known, as Meta does; returns its wamid.
     */
    String inbound(WhatsAppAccount account, WhatsAppIdentity sender, String text) throws SQLException {
        String wamid =
                "wamid.SIMIN" + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        String waId = sender.phone() == null ? null : sender.phone().substring(1);
        ObjectNode value = mapper.createObjectNode();
        ObjectNode contact = value.putArray("contacts").addObject();
        ObjectNode profile = contact.putObject("profile").put("name", sender.profileName());
        if (sender.username() != null) {
            profile.put("username", sender.username());
        }
        if (waId != null) {
            contact.put("wa_id", waId);
        }
        if (sender.userId() != null) {
            contact.put("user_id", sender.userId());
        }
        ObjectNode m = value.putArray("messages").addObject();
        if (waId != null) {
            m.put("from", waId);
        }
        if (sender.userId() != null) {
            m.put("from_user_id", sender.userId());
        }
        m.put("id", wamid);
        m.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
        m.put("type", "text");
        m.putObject("text").put("body", text);
        ingest.applyFor(account, value);
        return wamid;
    }

    @Override
    public MediaFile download(String mediaId) throws java.io.IOException {
        throw new java.io.IOException("the simulator has no media to download");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
