package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.platform.tasks.BackgroundThread;
import com.recruitdesk.server.platform.tasks.Backoff;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background task that sends queued messages: claims a batch, sends each through its number's
 * provider at the number's pace, and records the batch's answers together, in one transaction
 * (decision 0050). Back-off on throttling and provider failures doubles from 2 s up to 5 minutes
 * (or follows {@code Retry-After}); a time-out leaves the message in doubt for the send lease,
 * during which a status webhook carrying our id links it instead of sending it again (decision
 * 0010). So does an instance that dies mid-batch: what it sent is linked by Meta's statuses, what
 * it did not is sent by another instance once the lease runs out.
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
    /** The longest one request to the provider may take (its time-out); a media send makes two. */
    private final Duration longestRequest;

    private final BackgroundThread thread = new BackgroundThread("whatsapp-sender");

    OutboundSender(
            SendQueue queue,
            MediaUploads uploads,
            Function<WhatsAppAccount, WhatsAppProvider> providers,
            SendRateLimiter limiter,
            Clock clock,
            Duration longestRequest) {
        this.queue = queue;
        this.uploads = uploads;
        this.providers = providers;
        this.limiter = limiter;
        this.clock = clock;
        this.longestRequest = longestRequest;
    }

    void start() {
        thread.repeat(Duration.ZERO, POLL, this::drain);
    }

    private void drain() {
        try {
            List<OutboundMessage> batch;
            do {
                Instant claimedAt = clock.instant();
                batch = queue.claim(claimedAt, BATCH);
                sendAll(batch, claimedAt.plus(queue.lease()));
            } while (batch.size() == BATCH && !Thread.currentThread().isInterrupted());
        } catch (SQLException e) {
            LOG.warn("The WhatsApp sender cannot reach the database: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The WhatsApp sender failed", e);
        }
    }

    /**
     * Sends a claimed batch, leased until {@code leasedUntil}, and writes its answers when it ends
     * (however it ends). Before a send that could outlast the lease, the answers so far are written
     * and the rest is leased again, in one transaction; a message this instance no longer holds is
     * left to the one that does.
     */
    private void sendAll(List<OutboundMessage> batch, Instant leasedUntil) throws SQLException, InterruptedException {
        SendQueue.Marks marks = queue.marks();
        Set<UUID> held = null; // null: all of them
        try {
            for (int i = 0; i < batch.size(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // the rest's leases expire and another turn sends them
                }
                OutboundMessage m = batch.get(i);
                limiter.acquire(m.account().id());
                Instant now = clock.instant();
                if (now.plus(longestSend(m)).isAfter(leasedUntil)) {
                    // The batch outlasts its lease (Meta is slow): another instance may have some of it now.
                    held = queue.checkpoint(marks, batch.subList(i, batch.size()), now);
                    marks = queue.marks();
                    leasedUntil = now.plus(queue.lease());
                }
                if (held != null && !held.contains(m.id())) {
                    LOG.info("Message {} left to the instance that holds it now; its lease here ran out", m.id());
                    continue;
                }
                send(m, marks);
            }
        } finally {
            writeEvenIfInterrupted(marks);
        }
    }

    /** The answers of what was sent are written even when the sender is being stopped. */
    private void writeEvenIfInterrupted(SendQueue.Marks marks) throws SQLException {
        boolean interrupted = Thread.interrupted();
        try {
            queue.write(marks);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Duration longestSend(OutboundMessage m) {
        return m.isMedia() ? longestRequest.multipliedBy(2) : longestRequest; // the upload, then the send
    }

    /** A media message's file is uploaded first, once; its refusal counts as the send's (decision 0014). */
    private void send(OutboundMessage m, SendQueue.Marks marks) throws SQLException {
        WhatsAppProvider provider = providers.apply(m.account());
        SendOutcome outcome = switch (m.isMedia() ? uploads.prepare(m, provider) : new MediaUploads.Prepared.Ready(m)) {
            case MediaUploads.Prepared.Ready ready -> provider.send(ready.message());
            case MediaUploads.Prepared.Refused refused -> refused.outcome();
        };
        Instant now = clock.instant();
        switch (outcome) {
            case SendOutcome.Accepted a -> marks.accepted(m, a.providerMessageId(), now);
            case SendOutcome.Retry r -> {
                Duration delay = r.retryAfter() != null ? r.retryAfter() : backoff(m.attempt());
                LOG.info(
                        "Message {} not sent ({}); attempt {} again in {}", m.id(), r.reason(), m.attempt() + 1, delay);
                marks.retryLater(m, r.reason(), delay, false, now);
            }
            case SendOutcome.InDoubt d -> {
                LOG.warn(
                        "Message {} may have been sent ({}); waiting {} for Meta's status before trying again",
                        m.id(),
                        d.reason(),
                        queue.lease());
                marks.retryLater(m, d.reason(), queue.lease(), true, now);
            }
            case SendOutcome.Failed f -> {
                LOG.info("Message {} failed: {} {}", m.id(), f.code(), f.title());
                marks.failed(m, f.code(), f.title(), f.details());
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
