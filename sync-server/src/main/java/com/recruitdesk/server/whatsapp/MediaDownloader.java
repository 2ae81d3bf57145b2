package com.recruitdesk.server.whatsapp;

import com.recruitdesk.protocol.blob.FileTypes;
import com.recruitdesk.server.blobs.BlobTooLarge;
import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.platform.tasks.BackgroundThread;
import com.recruitdesk.server.platform.tasks.Backoff;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background task that fetches inbound media into the blob store: claims due downloads, streams
 * each file from its number's provider to disk, and points the message at the new blob. Provider and
 * network failures are tried again with back-off (up to an hour); a file that will never come (too
 * large, gone at the provider, or still failing after {@link MediaDownloads#MAX_ATTEMPTS}) is given
 * up with the reason in the message's {@code payload.mediaError}.
 */
final class MediaDownloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloader.class);
    static final Duration POLL = Duration.ofMillis(500);
    private static final int BATCH = 10;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final MediaDownloads queue;
    private final Function<WhatsAppAccount, WhatsAppProvider> providers;
    private final Blobs blobs;
    private final Clock clock;
    private final BackgroundThread thread = new BackgroundThread("whatsapp-media");

    MediaDownloader(
            MediaDownloads queue, Function<WhatsAppAccount, WhatsAppProvider> providers, Blobs blobs, Clock clock) {
        this.queue = queue;
        this.providers = providers;
        this.blobs = blobs;
        this.clock = clock;
    }

    void start() {
        thread.repeat(Duration.ZERO, POLL, this::drain);
    }

    private void drain() {
        try {
            List<MediaDownloads.Pending> batch;
            do {
                batch = queue.claim(clock.instant(), BATCH);
                for (MediaDownloads.Pending p : batch) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // the leases run out and another turn fetches them
                    }
                    fetch(p);
                }
            } while (batch.size() == BATCH);
        } catch (SQLException e) {
            LOG.warn("The WhatsApp media task cannot reach the database: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("The WhatsApp media task failed", e);
        }
    }

    private void fetch(MediaDownloads.Pending p) throws SQLException {
        try (WhatsAppProvider.MediaDownload download =
                providers.apply(p.account()).download(p.account(), p.mediaId())) {
            Blobs.Kept file = blobs.keep(p.account().organizationId(), download.body());
            if (file.sizeBytes() == 0) {
                giveUp(p, "WhatsApp sent an empty file.");
                return;
            }
            String mime = download.mimeType() != null
                    ? download.mimeType()
                    : p.mimeType() != null ? p.mimeType() : FileTypes.OCTET_STREAM;
            queue.stored(p, file, mime);
        } catch (BlobTooLarge e) {
            giveUp(p, "The file is more than the " + CloudApiClient.readableSize(e.maxBytes()) + " this server keeps.");
        } catch (MediaUnavailable e) {
            giveUp(p, e.getMessage());
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (p.attempt() >= MediaDownloads.MAX_ATTEMPTS) {
                giveUp(p, "Not downloaded after " + p.attempt() + " attempts: " + reason);
                return;
            }
            Duration delay = backoff(p.attempt());
            LOG.info(
                    "Media {} of message {} not downloaded ({}); attempt {} in {}",
                    p.mediaId(),
                    p.messageId(),
                    reason,
                    p.attempt() + 1,
                    delay);
            queue.retryLater(p, reason, delay, clock.instant());
        }
    }

    /**
     * Doubling from 2 s up to an hour: a file waits at Meta for weeks, so an outage of a few hours
     * is waited out rather than given up on, unlike a send that a person is waiting for.
     */
    static Duration backoff(int attempt) {
        return Backoff.doubling(Duration.ofSeconds(2), attempt, MAX_BACKOFF);
    }

    private void giveUp(MediaDownloads.Pending p, String reason) throws SQLException {
        LOG.info("Media {} of message {} is unavailable: {}", p.mediaId(), p.messageId(), reason);
        queue.failed(p, reason);
    }

    @Override
    public void close() {
        thread.close();
    }
}
