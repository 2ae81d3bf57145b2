package com.recruitdesk.app.cohorts.data;

import java.time.Instant;
import java.util.UUID;

/**
 * One decision of an enrollment's trail as this computer holds it (or an event of the student's link:
 * {@code documentType} and {@code fileSha256} null, decision 0039); {@code pending} while it has not
 * reached the server ({@code sequence} and {@code entryHash} are the server's, null until then).
 */
public record TrailEntry(
        UUID id,
        Integer sequence,
        String documentType,
        String action,
        String reason,
        String fileSha256,
        UUID adminUserId,
        Instant at,
        String entryHash,
        boolean pending) {}
