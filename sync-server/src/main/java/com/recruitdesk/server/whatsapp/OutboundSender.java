package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.platform.tasks.BackgroundThread;
import com.recruitdesk.server.platform.tasks.Backoff;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background task that sends queued messages: claims a batch, sends each through its number's
 * provider at the number's pace, and records the answer. Back-off on throttling and provider
 * failures doubles from 2 s up to 5 minutes (or follows {@code Retry-After}); a time-out leaves the
 * message in doubt for the send lease, during which a status webhook carrying our id links
 * it instead of sending it again (decision 0010).
 */
final class OutboundSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundSender.class);
    static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int BATCH = 20;

    private final SendQueue queue;
    private final MediaUploads uploads;
    private final Function<WhatsAppAccount, WhatsAppProvider> providers;
    private final SendRateLimiter limiter;
    private final Clock clock;
    private final BackgroundThread thread = new BackgroundThread("whatsapp-sender");

    OutboundSender(
            SendQueue queue,
            MediaUploads uploads,
            Function<WhatsAppAccount, WhatsAppProvider> providers,
            SendRateLimiter limiter,
            Clock clock) {
        this.queue = queue;
        this.uploads = uploads;
        this.providers = providers;
        this.limiter = limiter;
        this.clock = clock;
    }

    void start() {
        thread.repeat(Duration.ZERO, POLL, this::drain);
    }

    private void drain() {
        try {
            List<OutboundMessage> batch;
            do {
                batch = queue.claim(clock.instant(), BATCH);
                for (OutboundMessage m : batch) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // the leases expire and another turn sends them
                    }
                    send(m);
                }
            } while (batch.size() == BATCH);
        } catch (SQLException e) {
            LOG.warn("The WhatsApp sender cannot reach the database: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The WhatsApp sender failed", e);
        }
    }

    /** A media message's file is uploaded first, once; its refusal counts as the send's (decision 0014). */
    private void send(OutboundMessage m) throws SQLException, InterruptedException {
        limiter.acquire(m.account().id());
        if (!queue.renew(m, clock.instant())) {
            // The batch outlasted its lease (Meta was slow): another instance may have this one now.
            LOG.info("Message {} left to the instance that holds it now; its lease here ran out", m.id());
            return;
        }
        WhatsAppProvider provider = providers.apply(m.account());
        SendOutcome outcome = switch (m.isMedia() ? uploads.prepare(m, provider) : new MediaUploads.Prepared.Ready(m)) {
            case MediaUploads.Prepared.Ready ready -> provider.send(ready.message());
            case MediaUploads.Prepared.Refused refused -> refused.outcome();
        };
        Instant now = clock.instant();
        switch (outcome) {
            case SendOutcome.Accepted a -> queue.accepted(m, a.providerMessageId(), now);
            case SendOutcome.Retry r -> {
                Duration delay = r.retryAfter() != null ? r.retryAfter() : backoff(m.attempt());
                LOG.info(
                        "Message {} not sent ({}); attempt {} again in {}", m.id(), r.reason(), m.attempt() + 1, delay);
                queue.retryLater(m, r.reason(), delay, false, now);
            }
            case SendOutcome.InDoubt d -> {
                LOG.warn(
                        "Message {} may have been sent ({}); waiting {} for Meta's status before trying again",
                        m.id(),
                        d.reason(),
                        queue.lease());
                queue.retryLater(m, d.reason(), queue.lease(), true, now);
            }
            case SendOutcome.Failed f -> {
                LOG.info("Message {} failed: {} {}", m.id(), f.code(), f.title());
                queue.failed(m, f.code(), f.title(), f.details());
            }
        }
    }

    static Duration backoff(int attempt) {
        return Backoff.doubling(Duration.ofSeconds(2), attempt, MAX_BACKOFF);
    }

    @Override
    public void close() {
        thread.close();
    }
}
