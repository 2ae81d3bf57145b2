package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.server.config.ServerConfig;
import com.recruitdesk.server.persistence.Database;
import java.time.Clock;

/**
 * The WhatsApp feature wired by hand: the webhook endpoint and what stores its contents. Started
 * and stopped by the server.
 */
public final class WhatsApp implements AutoCloseable {
    private final WebhookController webhooks;

    private WhatsApp(WebhookController webhooks) {
        this.webhooks = webhooks;
    }

    public static WhatsApp start(ServerConfig config, Database database, ObjectMapper mapper, Clock clock) {
        ServerConfig.WhatsAppSettings settings = config.whatsApp();
        WebhookIngest ingest = new WebhookIngest(database, mapper);
        WebhookController webhooks =
                new WebhookController(settings.appSecret(), settings.verifyToken(), ingest, mapper);
        return new WhatsApp(webhooks);
    }

    public WebhookController webhooks() {
        return webhooks;
    }

    @Override
    public void close() {}
}
