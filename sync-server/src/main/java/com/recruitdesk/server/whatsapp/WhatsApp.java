package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.platform.config.ServerConfig;
import com.recruitdesk.server.platform.db.Database;
import java.time.Clock;
import java.util.Optional;

/**
 * The WhatsApp feature wired by hand: the webhook endpoint, the sender and media tasks, and the
 * providers. With Cloud API credentials, numbers whose provider is {@code cloud_api} go through
 * Meta; every other number (and all of them without credentials) goes through the simulator, and
 * the templates of Cloud API numbers are fetched from Meta in the background.
 */
public final class WhatsApp implements AutoCloseable {
    private final WebhookController webhooks;
    private final WebhookBatches batches;
    private final SimulatorController simulatorController;
    private final OutboundSender sender;
    private final MediaDownloader downloader;
    private final Simulator simulator;
    private final Optional<TemplateSync> templateSync;
    private final TemplateSyncController templates;
    private final MetaBusiness business;

    private WhatsApp(
            WebhookController webhooks,
            WebhookBatches batches,
            SimulatorController simulatorController,
            OutboundSender sender,
            MediaDownloader downloader,
            Simulator simulator,
            Optional<TemplateSync> templateSync,
            MetaBusiness business) {
        this.webhooks = webhooks;
        this.batches = batches;
        this.simulatorController = simulatorController;
        this.sender = sender;
        this.downloader = downloader;
        this.simulator = simulator;
        this.templateSync = templateSync;
        this.templates = new TemplateSyncController(templateSync);
        this.business = business;
    }

    public static WhatsApp start(
            ServerConfig config, Database database, Blobs blobs, ObjectMapper mapper, Clock clock) {
        ServerConfig.WhatsAppSettings settings = config.whatsApp();
        WebhookIngest ingest = new WebhookIngest(database, mapper);
        WebhookBatches batches = new WebhookBatches(database, ingest);
        WebhookController webhooks =
                new WebhookController(settings.appSecret(), settings.verifyToken(), batches, mapper);
        Simulator simulator = new Simulator(ingest, database, blobs, mapper, clock);
        Optional<CloudApiClient> cloud = settings.simulator()
                ? Optional.empty()
                : Optional.of(new CloudApiClient(
                        settings.apiBase(),
                        settings.accessToken().orElseThrow(),
                        settings.requestTimeout(),
                        mapper,
                        blobs.maxBytes()));
        Providers providers = new Providers(cloud, simulator);
        OutboundSender sender = new OutboundSender(
                new SendQueue(
                        database, mapper, ingest.statuses(), config.whatsApp().sendLease()),
                new MediaUploads(database, blobs),
                providers::forAccount,
                new SendRateLimiter(settings.sendRatePerSecond()),
                clock,
                settings.requestTimeout());
        sender.start();
        MediaDownloader downloader =
                new MediaDownloader(new MediaDownloads(database), providers::forAccount, blobs, clock);
        downloader.start();
        // Simulated numbers keep the templates they have; only Cloud API numbers' WABAs are fetched.
        Optional<TemplateSync> templateSync =
                cloud.map(c -> new TemplateSync(database, c.templates(), settings.templateSyncInterval(), clock));
        templateSync.ifPresent(TemplateSync::start);
        return new WhatsApp(
                webhooks,
                batches,
                new SimulatorController(database, providers, simulator, mapper),
                sender,
                downloader,
                simulator,
                templateSync,
                cloud.map(CloudApiClient::business).orElse(MetaBusiness.none()));
    }

    public WebhookController webhooks() {
        return webhooks;
    }

    public SimulatorController simulator() {
        return simulatorController;
    }

    public TemplateSyncController templates() {
        return templates;
    }

    /** Meta's side of the numbers and templates administrators manage; {@link MetaBusiness#none()} on the simulator. */
    public MetaBusiness business() {
        return business;
    }

    /** Webhooks queued for a group commit and not yet taken into a batch; tests wait on it. */
    public int webhooksWaiting() {
        return batches.waiting();
    }

    /**
     * Stops taking webhooks once the listener has stopped (those queued are still stored and answered);
     * apart from {@link #close()}, which stops the background tasks before the listener.
     */
    public void closeWebhooks() {
        batches.close();
    }

    @Override
    public void close() {
        templateSync.ifPresent(TemplateSync::close);
        sender.close();
        downloader.close();
        simulator.close();
    }
}
