package com.recruitdesk.server.whatsapp;

import java.time.Duration;

/** What became of one attempt to send a message. */
sealed interface SendOutcome {
    /** The provider took it under its id (a wamid). */
    record Accepted(String providerMessageId) implements SendOutcome {}

    /** The provider refused for now (throttled, unavailable); try again later. {@code retryAfter} may be null. */
    record Retry(String reason, Duration retryAfter) implements SendOutcome {}

    /** No answer: the request may have reached the provider. Wait for its webhook before trying again. */
    record InDoubt(String reason) implements SendOutcome {}

    /** The provider refused for good (outside the window, undeliverable, template error). */
    record Failed(int code, String title, String details) implements SendOutcome {}
}
