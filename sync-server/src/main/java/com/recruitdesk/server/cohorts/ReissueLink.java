package com.recruitdesk.server.cohorts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Gives a student a new upload link (a lost phone, a forwarded message, an expired link): the next
 * generation of the token, so the old link's page says it has expired, valid for {@link
 * CohortRules#INVITATION_VALID} from now. The trail records it (decision 0039).
 */
final class ReissueLink implements Mutator<CohortMutations.ReissueLink> {
    @Override
    public MutationType<CohortMutations.ReissueLink> type() {
        return CohortMutations.REISSUE_LINK;
    }

    @Override
    public Access<CohortMutations.ReissueLink> access() {
        return Access.anyOf(
                Access.administrators(),
                Access.institutionAdminOf(
                        "cohort_enrollments", "The enrollment", CohortMutations.ReissueLink::enrollmentId));
    }

    @Override
    public void apply(MutationContext ctx, CohortMutations.ReissueLink a) throws SQLException {
        ObjectNode enrollment = Rows.require(ctx, "cohort_enrollments", a.enrollmentId(), "The enrollment");
        EnrollmentLink.requireUploads(ctx, enrollment);
        int generation = enrollment.path("invitation_generation").asInt() + 1;
        Instant expires = ctx.now().plus(CohortRules.INVITATION_VALID);
        Rows.update(
                ctx,
                "update cohort_enrollments set invitation_generation = ?, invitation_expires_at = ? where id = ?",
                generation,
                expires,
                a.enrollmentId());
        Trail.append(
                ctx.connection(),
                Trail.Decision.linkEvent(
                        UUID.randomUUID(),
                        enrollment,
                        ctx.userId(),
                        CohortRules.LINK_ISSUED,
                        "A new upload link, valid until " + expires.toString().substring(0, 10)
                                + "; the one before no longer works",
                        ctx.now()));
        ctx.logActivity(
                Entities.COHORT_ENROLLMENT,
                a.enrollmentId(),
                "Made the student a new upload link",
                ctx.mapper().createObjectNode().put("generation", generation));
    }
}
