package com.recruitdesk.server.cohorts;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.http.ApiException;
import com.recruitdesk.server.platform.settings.OrganizationSettings;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the reviewers fetch about one enrollment besides its synced rows:
 * {@code GET /api/v1/cohorts/enrollments/{id}/invitation} (the upload page's link, to send the student)
 * and {@code .../trail.csv}, {@code .../trail.pdf} (the verification trail for an auditor, with its
 * chain checked). Administrators and the enrollment's institution admins only; anyone else gets 404.
 */
final class EnrollmentFiles {
    private final Database database;
    private final InvitationLinks links;

    EnrollmentFiles(Database database, InvitationLinks links) {
        this.database = database;
        this.links = links;
    }

    record Invitation(String url, String path, java.time.Instant expiresAt) {}

    void invitation(Context ctx) throws SQLException {
        UUID id = readable(ctx);
        var row = database.jdbcTransaction(
                        Connection.TRANSACTION_READ_COMMITTED,
                        c -> Sql.one(
                                c,
                                "select invitation_generation, invitation_expires_at, organization_id"
                                        + " from cohort_enrollments where id = ?",
                                rs -> new Object[] {
                                    rs.getInt(1),
                                    rs.getObject(2, java.time.OffsetDateTime.class),
                                    OrganizationSettings.publicAddress(c, rs.getObject(3, UUID.class))
                                },
                                id))
                .orElseThrow(EnrollmentFiles::notFound);
        String path = "/enroll/" + links.token(id, (Integer) row[0]);
        var expires = (java.time.OffsetDateTime) row[1];
        @SuppressWarnings("unchecked")
        String address = ((java.util.Optional<String>) row[2]).orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        ctx.json(new Invitation(address + path, path, expires == null ? null : expires.toInstant()));
    }

    void trailCsv(Context ctx) throws SQLException {
        UUID id = readable(ctx);
        var trail = trail(id);
        ctx.header("Content-Disposition", "attachment; filename=\"verification-trail-" + id + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(TrailExport.csv(heading(id), trail));
    }

    void trailPdf(Context ctx) throws SQLException, IOException {
        UUID id = readable(ctx);
        var trail = trail(id);
        ctx.header("Content-Disposition", "attachment; filename=\"verification-trail-" + id + ".pdf\"");
        ctx.contentType("application/pdf").result(TrailExport.pdf(heading(id), trail));
    }

    private List<Trail.Entry> trail(UUID id) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_REPEATABLE_READ, c -> Trail.of(c, id));
    }

    private TrailExport.Heading heading(UUID id) throws SQLException {
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            Map<UUID, String> reviewers = new HashMap<>();
            Sql.list(
                    c,
                    "select distinct u.id, u.full_name from document_verifications v join users u on u.id = v.admin_user_id"
                            + " where v.cohort_enrollment_id = ?",
                    rs -> reviewers.put(rs.getObject(1, UUID.class), rs.getString(2)),
                    id);
            return Sql.one(
                            c,
                            "select p.full_name, k.name, i.name from cohort_enrollments e join candidates p on p.id = e.candidate_id"
                                    + " join cohorts k on k.id = e.cohort_id join institutions i on i.id = e.institution_id where e.id = ?",
                            rs -> new TrailExport.Heading(rs.getString(1), rs.getString(2), rs.getString(3), reviewers),
                            id)
                    .orElseThrow(EnrollmentFiles::notFound);
        });
    }

    /** The enrollment in the path, if the caller may read it; else 404, as for one that does not exist. */
    private UUID readable(Context ctx) throws SQLException {
        Principal who = Authenticator.principal(ctx);
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        Optional<UUID> institution = database.jdbcTransaction(
                Connection.TRANSACTION_READ_COMMITTED,
                c -> Sql.one(
                        c,
                        "select institution_id from cohort_enrollments where id = ? and organization_id = ?",
                        rs -> rs.getObject(1, UUID.class),
                        id,
                        who.organizationId()));
        boolean may = institution.isPresent()
                && (who.has(Role.ADMIN)
                        || who.roles().stream()
                                .anyMatch(g -> g.role() == Role.INSTITUTION_ADMIN
                                        && institution.get().equals(g.institutionId())));
        if (!may) {
            throw notFound();
        }
        return id;
    }

    private static ApiException notFound() {
        return new ApiException(404, ErrorCodes.NOT_FOUND, "There is no such enrollment, or it is not yours to see.");
    }
}
