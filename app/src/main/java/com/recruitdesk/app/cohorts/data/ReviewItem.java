package com.recruitdesk.app.cohorts.data;

import com.recruitdesk.protocol.cohorts.CohortRules;
import java.time.Instant;
import java.util.UUID;

/** One document waiting for a decision, with what the reviewer needs to see beside it. */
public record ReviewItem(
        UUID documentId,
        UUID blobId,
        String type,
        String filename,
        String mimeType,
        String sha256,
        long sizeBytes,
        UUID enrollmentId,
        String student,
        String cohort,
        Instant uploadedAt) {

    public String label() {
        return CohortRules.documentLabel(type);
    }

    public boolean isPdf() {
        return "application/pdf".equals(mimeType);
    }
}
