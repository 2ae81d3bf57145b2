package com.recruitdesk.app.cohorts.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The reviewer's decisions: {@code document.verify} naming the SHA-256 of the file they viewed, shown
 * at once (the document leaves the queue, the decision joins the trail), offline too; and undoing one
 * that has not left this computer. They write to disk: call them off the FX thread.
 */
public final class ReviewCommands {
    private static final ObjectMapper JSON = Json.newMapper();

    private final LocalStore store;
    private final Submitter submitter;
    private final UUID reviewer;
    private final Clock clock;

    public ReviewCommands(LocalStore store, Submitter submitter, UUID reviewer, Clock clock) {
        this.store = store;
        this.submitter = submitter;
        this.reviewer = reviewer;
        this.clock = clock;
    }

    /** A decision made, for undoing it: the mutation's id and the document it took off the queue. */
    public record Made(UUID mutationId, UUID documentId, String action) {}

    /**
     * Decides on {@code item}, whose file's bytes hashed to {@code viewedSha256} on this computer;
     * {@code reasonCode} and {@code reasonText} for a rejection, {@code checks} the checklist items ticked.
     */
    public Made decide(
            ReviewItem item,
            String viewedSha256,
            String action,
            String reasonCode,
            String reasonText,
            List<String> checks) {
        UUID verification = UUID.randomUUID();
        boolean rejected = CohortRules.REJECTED.equals(action);
        String text = reasonText == null || reasonText.isBlank() ? null : reasonText.strip();
        var args = new CohortMutations.VerifyDocument(
                verification, item.documentId(), action, rejected ? reasonCode : null, text, viewedSha256, checks);
        ObjectNode document = store.row(Entities.UPLOADED_DOCUMENT, item.documentId())
                .orElseThrow(() -> new IllegalStateException("the document is no longer on this computer"));
        document.put("verificationState", rejected ? "rejected" : "verified");
        ObjectNode decision = JSON.createObjectNode()
                .put("id", verification.toString())
                .put("cohortEnrollmentId", item.enrollmentId().toString())
                .put("uploadedDocumentId", item.documentId().toString())
                .put("documentType", item.type())
                .put("action", action)
                .put("reasonCode", rejected ? reasonCode : null)
                .put("reason", rejected ? CohortRules.reasonSentence(reasonCode, text) : text)
                .put("fileSha256", viewedSha256)
                .put("adminUserId", reviewer.toString())
                .put("createdAt", clock.instant().truncatedTo(ChronoUnit.MICROS).toString());
        decision.putObject("metadata").set("checks", JSON.valueToTree(checks));
        UUID mutation = submitter.submit(
                CohortMutations.VERIFY_DOCUMENT,
                args,
                List.of(
                        new LocalStore.Optimistic(Entities.UPLOADED_DOCUMENT, item.documentId(), document),
                        new LocalStore.Optimistic(Entities.DOCUMENT_VERIFICATION, verification, decision)));
        return new Made(mutation, item.documentId(), action);
    }

    /** Takes back a decision that has not been sent; false once it is on its way or answered. */
    public boolean undo(Made made) {
        return store.withdraw(made.mutationId());
    }
}
