package com.recruitdesk.server.cohorts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Rejection;
import java.sql.SQLException;
import java.util.UUID;

/** What the link mutators share: the cohort must still take uploads, and the link's own token. */
final class EnrollmentLink {
    private EnrollmentLink() {}

    /** The enrollment's cohort name; refused when the cohort no longer takes documents (the link's page would say so). */
    static String requireUploads(MutationContext ctx, ObjectNode enrollment) throws SQLException {
        var cohort = Sql.one(
                        ctx.connection(),
                        "select state, name from cohorts where id = ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2)},
                        UUID.fromString(enrollment.path("cohort_id").asText()))
                .orElseThrow(() -> Rejection.notFound("The cohort"));
        if (!CohortRules.takesUploads(cohort[0])) {
            throw Rejection.invalid(
                    "The cohort is " + cohort[0] + " and takes no more documents, so its students" + " need no link.");
        }
        return cohort[1];
    }

    /** The enrollment's current upload page path, {@code /enroll/{token}}. */
    static String path(MutationContext ctx, ObjectNode enrollment) throws SQLException {
        byte[] key = Sql.one(
                        ctx.connection(),
                        "select value from server_secrets where name = ?",
                        rs -> rs.getBytes(1),
                        Cohorts.LINK_KEY)
                .orElseThrow(() -> new SQLException("the enrollment link key is missing"));
        return "/enroll/"
                + new InvitationLinks(key)
                        .token(
                                UUID.fromString(enrollment.path("id").asText()),
                                enrollment.path("invitation_generation").asInt());
    }
}
