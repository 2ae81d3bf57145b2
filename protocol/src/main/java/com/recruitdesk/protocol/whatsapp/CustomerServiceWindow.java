package com.recruitdesk.protocol.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * WhatsApp's customer-service window: free text may be sent to a person for 24 hours after their
 * last message to the number ({@code conversation.lastInboundAt}); outside it only an approved
 * template may be sent. The desktop uses {@link #endsAt} to tell the user before they type; the
 * server rejects a free-text send outside it.
 */
public final class CustomerServiceWindow {
    public static final Duration LENGTH = Duration.ofHours(24);

    private CustomerServiceWindow() {}

    /** When the window ends, or empty when the person never wrote (it is closed). */
    public static Optional<Instant> endsAt(Instant lastInboundAt) {
        return Optional.ofNullable(lastInboundAt).map(t -> t.plus(LENGTH));
    }

    public static boolean isOpen(Instant lastInboundAt, Instant now) {
        return endsAt(lastInboundAt).map(now::isBefore).orElse(false);
    }
}
