package com.recruitdesk.server.cohorts;

import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A student's upload as a row of {@code uploaded_documents}, written by its one writer for cohort
 * documents: the upload page and the demo. The upload replaces the enrollment's current document of
 * the same type (kept, with {@code replaced_by_id} pointing at the new one), in the same transaction.
 *
 * @param createdAt null for now
 */
public record DocumentRow(
        UUID id,
        UUID organizationId,
        UUID institutionId,
        UUID enrollmentId,
        UUID candidateId,
        UUID blobId,
        String category,
        String filename,
        String sha256,
        long sizeBytes,
        String mimeType,
        Instant createdAt) {

    /**
     * Writes the row as the current document of its type, pending review (the one it replaces points at
     * it), and brings the enrollment's states up to date.
     */
    public void write(Connection c) throws SQLException {
        // The replaced row first (one current row per type); its key to the new row is checked at commit.
        Sql.update(
                c,
                "update uploaded_documents set replaced_by_id = ? where cohort_enrollment_id = ? and document_category = ?"
                        + " and replaced_by_id is null",
                id,
                enrollmentId,
                category);
        insert().execute(c);
        EnrollmentState.refresh(c, enrollmentId);
    }

    /** Brings an enrollment's states up to date after its documents or decisions were written (the demo). */
    public static void refresh(Connection c, UUID enrollmentId) throws SQLException {
        EnrollmentState.refresh(c, enrollmentId);
    }

    Insert insert() {
        return Insert.into("uploaded_documents")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("institution_id", institutionId)
                .set("cohort_enrollment_id", enrollmentId)
                .set("candidate_id", candidateId)
                .set("blob_id", blobId)
                .set("original_filename", filename)
                .set("file_type", fileType(mimeType))
                .set("document_category", category)
                .set("sha256", sha256)
                .set("size_bytes", sizeBytes)
                .set("mime_type", mimeType)
                .set("verification_state", "pending")
                .set("created_at", createdAt)
                .set("updated_at", createdAt);
    }

    private static String fileType(String mimeType) {
        return switch (mimeType) {
            case "application/pdf" -> "pdf";
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> null;
        };
    }
}
