package com.recruitdesk.server.cohorts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A reviewer approves or rejects one uploaded document, bound to the bytes they viewed: the decision
 * names the file's SHA-256, and one that is not the document's current file (the student uploaded
 * again meanwhile) is refused as a conflict. The decision is appended to the enrollment's chained
 * trail and the enrollment's states follow (decision 0030).
 */
final class VerifyDocument implements Mutator<CohortMutations.VerifyDocument> {
    @Override
    public MutationType<CohortMutations.VerifyDocument> type() {
        return CohortMutations.VERIFY_DOCUMENT;
    }

    @Override
    public Access<CohortMutations.VerifyDocument> access() {
        return Access.anyOf(
                Access.administrators(),
                Access.institutionAdminOf(
                        "uploaded_documents", "The document", CohortMutations.VerifyDocument::documentId));
    }

    @Override
    public void apply(MutationContext ctx, CohortMutations.VerifyDocument a) throws SQLException {
        if (a.verificationId() == null) {
            throw Rejection.invalid("A decision needs the id the client made for it (verificationId).");
        }
        String action = Checks.oneOf(a.action(), List.of(CohortRules.APPROVED, CohortRules.REJECTED), "A decision");
        boolean rejected = action.equals(CohortRules.REJECTED);
        String code = null;
        String text = Checks.optional(a.reasonText(), "reason", CohortRules.MAX_REASON);
        if (rejected) {
            code = Checks.oneOf(a.reasonCode(), List.copyOf(CohortRules.REASON_CODES.keySet()), "A rejection's reason");
            if (code.equals("other") && text == null) {
                throw Rejection.invalid("A rejection for another reason says which, in words.");
            }
        }
        String sha = Checks.sha256(a.sha256());
        List<String> checks = a.checks() == null ? List.of() : List.copyOf(a.checks());
        ObjectNode doc = Rows.require(ctx, "uploaded_documents", a.documentId(), "The document");
        if (doc.path("cohort_enrollment_id").isNull()) {
            throw Rejection.notFound("The document"); // not a cohort document: nothing to review
        }
        String type = doc.path("document_category").asText();
        for (String check : checks) {
            if (!CohortRules.checklist(type).contains(check)) {
                throw Rejection.invalid("'" + check + "' is not on the checklist of a "
                        + CohortRules.documentLabel(type).toLowerCase(java.util.Locale.ROOT) + ".");
            }
        }
        if (Rows.exists(ctx, "select 1 from document_verifications where id = ?", a.verificationId())) {
            throw Rejection.invalid("A decision with this id exists already.");
        }
        UUID enrollment = UUID.fromString(doc.path("cohort_enrollment_id").asText());
        Rows.require(ctx, "cohort_enrollments", enrollment, "The enrollment"); // its lock orders the chain
        if (!doc.path("replaced_by_id").isNull()) {
            throw new Rejection(
                    MutationResult.CONFLICT,
                    "The student uploaded a new "
                            + CohortRules.documentLabel(type).toLowerCase(java.util.Locale.ROOT)
                            + " after you opened this one; review the new file.");
        }
        if (!sha.equals(doc.path("sha256").asText())) {
            throw new Rejection(
                    MutationResult.CONFLICT,
                    "The file you viewed is not the document's current file (its SHA-256 differs); open it again.");
        }
        String reason = rejected ? CohortRules.reasonSentence(code, text) : text;
        Trail.append(
                ctx.connection(),
                new Trail.Decision(
                        a.verificationId(),
                        ctx.organizationId(),
                        UUID.fromString(doc.path("institution_id").asText()),
                        enrollment,
                        a.documentId(),
                        ctx.userId(),
                        type,
                        action,
                        code,
                        reason,
                        sha,
                        checks,
                        ctx.now()));
        Rows.update(
                ctx,
                "update uploaded_documents set verification_state = ? where id = ?",
                rejected ? "rejected" : "verified",
                a.documentId());
        EnrollmentState.refresh(ctx.connection(), enrollment);
        ctx.logActivity(
                Entities.UPLOADED_DOCUMENT,
                a.documentId(),
                (rejected ? "Rejected " : "Approved ") + CohortRules.documentLabel(type),
                ctx.mapper()
                        .createObjectNode()
                        .put("verificationId", a.verificationId().toString())
                        .put("sha256", sha)
                        .put("reasonCode", code));
    }
}
