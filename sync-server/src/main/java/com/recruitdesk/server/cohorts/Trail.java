package com.recruitdesk.server.cohorts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.server.platform.HashChain;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An enrollment's verification trail, the one writer of {@code document_verifications}: each decision
 * (and each new or sent link of the student's, decision 0039) is appended with the next sequence number and chained to the one before ({@link HashChain}). The
 * caller holds the enrollment's row lock, so two decisions never take the same place in the chain.
 */
public final class Trail {
    private Trail() {}

    /** One decision as it is chained. {@code at} is kept to the microsecond, as PostgreSQL keeps it. */
    public record Decision(
            UUID id,
            UUID organizationId,
            UUID institutionId,
            UUID enrollmentId,
            UUID documentId,
            UUID adminUserId,
            String documentType,
            String action,
            String reasonCode,
            String reason,
            String fileSha256,
            List<String> checks,
            Instant at) {
        public Decision {
            at = at.truncatedTo(ChronoUnit.MICROS);
            checks = List.copyOf(checks);
        }

        /**
         * An entry about the student's link ({@link CohortRules#LINK_ISSUED}, {@link CohortRules#LINK_SENT}):
         * no document, no file; {@code reason} says what happened.
         */
        static Decision linkEvent(
                UUID id, ObjectNode enrollment, UUID adminUserId, String action, String reason, Instant at) {
            return new Decision(
                    id,
                    UUID.fromString(enrollment.path("organization_id").asText()),
                    UUID.fromString(enrollment.path("institution_id").asText()),
                    UUID.fromString(enrollment.path("id").asText()),
                    null,
                    adminUserId,
                    null,
                    action,
                    null,
                    reason,
                    null,
                    List.of(),
                    at);
        }

        /** What the entry's hash is made of, in this order (the export lists the same); absent values are empty. */
        List<String> fields(int sequence) {
            return List.of(
                    Integer.toString(sequence),
                    id.toString(),
                    enrollmentId.toString(),
                    documentId == null ? "" : documentId.toString(),
                    documentType == null ? "" : documentType,
                    action,
                    reasonCode == null ? "" : reasonCode,
                    reason == null ? "" : reason,
                    fileSha256 == null ? "" : fileSha256,
                    adminUserId.toString(),
                    String.join("|", checks),
                    at.toString());
        }
    }

    /** An entry read back: its place, its hashes and what they were made of. */
    public record Entry(int sequence, String previousHash, String hash, Decision decision) {
        HashChain.Entry chained() {
            return new HashChain.Entry(previousHash, hash, decision.fields(sequence));
        }
    }

    /** Appends {@code d} to its enrollment's chain; returns its entry. */
    public static Entry append(Connection c, Decision d) throws SQLException {
        var last = Sql.one(
                c,
                "select sequence, entry_hash from document_verifications where cohort_enrollment_id = ?"
                        + " order by sequence desc limit 1",
                rs -> new Object[] {rs.getInt(1), rs.getString(2)},
                d.enrollmentId());
        int sequence = last.map(r -> (Integer) r[0] + 1).orElse(1);
        String previous = last.map(r -> (String) r[1]).orElse(HashChain.START);
        String hash = HashChain.link(previous, d.fields(sequence));
        Insert.into("document_verifications")
                .set("id", d.id())
                .set("organization_id", d.organizationId())
                .set("institution_id", d.institutionId())
                .set("cohort_enrollment_id", d.enrollmentId())
                .set("admin_user_id", d.adminUserId())
                .set("uploaded_document_id", d.documentId())
                .set("document_type", d.documentType())
                .set("action", d.action())
                .set("reason_code", d.reasonCode())
                .set("reason", d.reason())
                .json("metadata", java.util.Map.of("checks", d.checks()))
                .set("file_sha256", d.fileSha256())
                .set("sequence", sequence)
                .set("previous_hash", previous)
                .set("entry_hash", hash)
                .set("created_at", d.at())
                .set("updated_at", d.at())
                .execute(c);
        return new Entry(sequence, previous, hash, d);
    }

    /** The enrollment's trail in order. */
    public static List<Entry> of(Connection c, UUID enrollmentId) throws SQLException {
        return Sql.list(
                c,
                """
                select sequence, previous_hash, entry_hash, id, organization_id, institution_id, cohort_enrollment_id,
                       uploaded_document_id, admin_user_id, document_type, action, reason_code, reason, file_sha256,
                       coalesce(array(select jsonb_array_elements_text(metadata -> 'checks')), '{}'), created_at
                  from document_verifications where cohort_enrollment_id = ? order by sequence
                """,
                rs -> {
                    List<String> checks = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(15).getArray()) {
                        checks.add((String) o);
                    }
                    return new Entry(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            new Decision(
                                    rs.getObject(4, UUID.class),
                                    rs.getObject(5, UUID.class),
                                    rs.getObject(6, UUID.class),
                                    rs.getObject(7, UUID.class),
                                    rs.getObject(8, UUID.class),
                                    rs.getObject(9, UUID.class),
                                    rs.getString(10),
                                    rs.getString(11),
                                    rs.getString(12),
                                    rs.getString(13),
                                    rs.getString(14),
                                    checks,
                                    rs.getObject(16, OffsetDateTime.class)
                                            .toInstant()
                                            .atOffset(ZoneOffset.UTC)
                                            .toInstant()));
                },
                enrollmentId);
    }

    /** Where the chain breaks (the index of the first entry that does not follow), if it does. */
    public static java.util.OptionalInt firstBroken(List<Entry> entries) {
        return HashChain.firstBroken(entries.stream().map(Entry::chained).toList());
    }
}
