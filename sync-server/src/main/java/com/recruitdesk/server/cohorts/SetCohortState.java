package com.recruitdesk.server.cohorts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** Moves a cohort along its states (seed 004): draft → active → completed, and draft or active → cancelled. */
final class SetCohortState implements Mutator<CohortMutations.SetCohortState> {
    @Override
    public MutationType<CohortMutations.SetCohortState> type() {
        return CohortMutations.SET_COHORT_STATE;
    }

    @Override
    public Access<CohortMutations.SetCohortState> access() {
        return Access.anyOf(
                Access.administrators(),
                Access.institutionAdminOf("cohorts", "The cohort", CohortMutations.SetCohortState::cohortId));
    }

    @Override
    public void apply(MutationContext ctx, CohortMutations.SetCohortState a) throws SQLException {
        String to = Checks.oneOf(a.state(), CohortRules.STATES, "A cohort's state");
        ObjectNode cohort = Rows.require(ctx, "cohorts", a.cohortId(), "The cohort");
        String from = cohort.path("state").asText();
        if (from.equals(to)) {
            return;
        }
        if (!CohortRules.canMove(from, to)) {
            throw Rejection.invalid("A cohort that is " + from + " cannot become " + to + "; "
                    + (from.equals("draft")
                            ? "it may become active or cancelled."
                            : from.equals("active")
                                    ? "it may become completed or cancelled."
                                    : "it stays " + from + "."));
        }
        Rows.update(ctx, "update cohorts set state = ? where id = ?", to, a.cohortId());
        ctx.logActivity(
                Entities.COHORT,
                a.cohortId(),
                "Cohort " + from + " → " + to,
                ctx.mapper().createObjectNode().put("from", from).put("to", to));
    }
}
