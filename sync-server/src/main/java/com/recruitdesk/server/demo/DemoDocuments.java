package com.recruitdesk.server.demo;

import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.cohorts.DocumentRow;
import com.recruitdesk.server.cohorts.Trail;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.DatabaseException;
import com.recruitdesk.server.platform.db.Sql;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The demo cohort students' uploads, so the review station has a queue: each enrollment that is not
 * waiting gets its cohort's documents through the upload page's writer, and the decisions its demo
 * state asks for through the trail's writer (an enrollment verified has every document approved; one
 * rejected has one rejected with the demo's reason; one pending has its documents waiting). Its
 * files need the blob store, so it runs after the demo rows, at start; enrollments with documents are
 * left alone, so loading twice changes nothing.
 */
public final class DemoDocuments {
    private DemoDocuments() {}

    private record Student(
            UUID enrollment,
            UUID institution,
            UUID candidate,
            String name,
            String cohortState,
            String verification,
            String reason,
            List<String> required,
            Instant enrolledAt) {}

    public static void load(Database database, Blobs blobs, Clock clock) {
        try {
            database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
                UUID org = Sql.one(
                                c,
                                "select id from organizations where name = ?",
                                rs -> rs.getObject(1, UUID.class),
                                DemoUsers.ORGANIZATION)
                        .orElseThrow();
                UUID admin = Sql.one(
                                c,
                                "select id from users where email = 'admin@demo.test'",
                                rs -> rs.getObject(1, UUID.class))
                        .orElseThrow();
                List<Student> students = Sql.list(
                        c,
                        """
                        select e.id, e.institution_id, e.candidate_id, p.full_name, k.state, e.document_verification_state,
                               e.rejection_reason, array(select jsonb_array_elements_text(k.required_documents)), e.created_at
                          from cohort_enrollments e join cohorts k on k.id = e.cohort_id join candidates p on p.id = e.candidate_id
                         where e.organization_id = ? and e.state <> 'waiting'
                           and not exists (select 1 from uploaded_documents d where d.cohort_enrollment_id = e.id)
                         order by e.created_at, e.id
                        """,
                        rs -> new Student(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                List.of((String[]) rs.getArray(8).getArray()),
                                rs.getObject(9, java.time.OffsetDateTime.class).toInstant()),
                        org);
                int n = 0;
                for (Student s : students) {
                    upload(c, blobs, org, admin, s, n++, clock.instant());
                }
                // The students were written before their enrollments: written again, they reach their
                // institutions' admins (the person's scope rule is another feature's).
                Sql.update(
                        c,
                        "update candidates set updated_at = now() where id in (select candidate_id from"
                                + " cohort_enrollments where organization_id = ?)",
                        org);
                // Waiting students have uploaded nothing: their state follows from that too.
                Sql.update(
                        c,
                        "update cohort_enrollments set document_verification_state = 'pending', rejection_reason = null"
                                + " where organization_id = ? and state = 'waiting'",
                        org);
                return null;
            });
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static void upload(Connection c, Blobs blobs, UUID org, UUID admin, Student s, int n, Instant now)
            throws SQLException {
        for (int i = 0; i < s.required().size(); i++) {
            String type = s.required().get(i);
            boolean photo = type.equals("id_document") && n % 2 == 0;
            byte[] bytes = photo
                    ? DemoScans.idCard(s.name(), n)
                    : DemoScans.pdf(
                            CohortRules.documentLabel(type),
                            s.name(),
                            issuer(type),
                            type.equals("matric_certificate") ? 2 : 1);
            String mime = photo ? "image/jpeg" : "application/pdf";
            String filename = type.replace('_', '-') + "-"
                    + s.name().split(" ")[0].toLowerCase(java.util.Locale.ROOT) + (photo ? ".jpg" : ".pdf");
            Blobs.Kept kept;
            try {
                kept = blobs.keep(org, new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            UUID blob = UUID.nameUUIDFromBytes(
                    ("demo/blob/" + s.enrollment() + "/" + type).getBytes(StandardCharsets.UTF_8));
            UUID document = UUID.nameUUIDFromBytes(
                    ("demo/doc/" + s.enrollment() + "/" + type).getBytes(StandardCharsets.UTF_8));
            Instant at = max(s.enrolledAt(), now.minus(Duration.ofHours(60 - n * 3L - i)))
                    .plusSeconds(i);
            Blobs.insert(c, blob, org, kept, mime, filename, null).orElseThrow();
            new DocumentRow(
                            document,
                            org,
                            s.institution(),
                            s.enrollment(),
                            s.candidate(),
                            blob,
                            type,
                            filename,
                            kept.sha256(),
                            kept.sizeBytes(),
                            mime,
                            at)
                    .write(c);
            String action = decision(s, i);
            if (action != null) {
                boolean rejected = action.equals(CohortRules.REJECTED);
                Trail.append(
                        c,
                        new Trail.Decision(
                                UUID.nameUUIDFromBytes(("demo/decision/" + document).getBytes(StandardCharsets.UTF_8)),
                                org,
                                s.institution(),
                                s.enrollment(),
                                document,
                                admin,
                                type,
                                action,
                                rejected ? "other" : null,
                                rejected ? CohortRules.reasonSentence("other", s.reason()) : null,
                                kept.sha256(),
                                rejected ? List.of() : CohortRules.checklist(type),
                                at.plus(Duration.ofHours(2))));
                Sql.update(
                        c,
                        "update uploaded_documents set verification_state = ? where id = ?",
                        rejected ? "rejected" : "verified",
                        document);
            }
        }
        com.recruitdesk.server.cohorts.DocumentRow.refresh(c, s.enrollment());
    }

    /** What the demo state asks of document {@code i}: all approved, the last one rejected, or none decided. */
    private static String decision(Student s, int i) {
        return switch (s.verification()) {
            case "verified" -> CohortRules.APPROVED;
            case "rejected" -> i == s.required().size() - 1 ? CohortRules.REJECTED : CohortRules.APPROVED;
            default -> null;
        };
    }

    private static String issuer(String type) {
        return switch (type) {
            case "matric_certificate" -> "Umalusi · National Senior Certificate";
            case "proof_of_address" -> "City of Johannesburg · Municipal account";
            default -> "Department of Home Affairs";
        };
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
