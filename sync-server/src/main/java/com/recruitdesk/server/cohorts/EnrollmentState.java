package com.recruitdesk.server.cohorts;

import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An enrollment's states follow from its documents, decided here only (the server derives them; no
 * mutation sets them): verified when every required document's current file is verified, rejected
 * when any is rejected (the reasons listed), else pending; complete when verified, in progress once
 * something is uploaded, else waiting.
 */
final class EnrollmentState {
    private EnrollmentState() {}

    record Derived(String state, String verification, String rejectionReason) {}

    static Derived refresh(Connection c, UUID enrollmentId) throws SQLException {
        List<String> required = Sql.list(
                c,
                "select jsonb_array_elements_text(k.required_documents) from cohort_enrollments e"
                        + " join cohorts k on k.id = e.cohort_id where e.id = ?",
                rs -> rs.getString(1),
                enrollmentId);
        Map<String, String[]> current = new LinkedHashMap<>();
        Sql.list(
                c,
                """
                select d.document_category, d.verification_state,
                       (select v.reason from document_verifications v where v.uploaded_document_id = d.id
                         order by v.sequence desc limit 1)
                  from uploaded_documents d
                 where d.cohort_enrollment_id = ? and d.replaced_by_id is null
                """,
                rs -> current.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}),
                enrollmentId);
        Derived derived = derive(required, current);
        Sql.update(
                c,
                "update cohort_enrollments set state = ?, document_verification_state = ?, rejection_reason = ?"
                        + " where id = ? and (state, document_verification_state, coalesce(rejection_reason, ''))"
                        + " is distinct from (?, ?, coalesce(?, ''))",
                derived.state(),
                derived.verification(),
                derived.rejectionReason(),
                enrollmentId,
                derived.state(),
                derived.verification(),
                derived.rejectionReason());
        return derived;
    }

    /** {@code current}: per document type, its current file's review state and the latest decision's reason. */
    static Derived derive(List<String> required, Map<String, String[]> current) {
        List<String> rejected = new ArrayList<>();
        boolean allVerified = !required.isEmpty();
        for (String type : required) {
            String[] doc = current.get(type);
            String state = doc == null ? null : doc[0];
            if (CohortRules.REJECTED.equals(state)) {
                rejected.add(CohortRules.documentLabel(type) + " — " + (doc[1] == null ? "rejected" : doc[1]));
            }
            allVerified &= "verified".equals(state);
        }
        String verification = !rejected.isEmpty() ? "rejected" : allVerified ? "verified" : "pending";
        String state = allVerified ? "complete" : current.isEmpty() ? "waiting" : "in_progress";
        return new Derived(state, verification, rejected.isEmpty() ? null : String.join("; ", rejected));
    }
}
