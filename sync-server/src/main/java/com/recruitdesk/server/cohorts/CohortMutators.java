package com.recruitdesk.server.cohorts;

import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.server.platform.sync.Mutator;
import java.util.List;

/** The Cohorts feature's mutators, one per type of {@link CohortMutations}; the server registers them. */
public final class CohortMutators {
    private CohortMutators() {}

    public static List<Mutator<?>> all() {
        return List.of(
                new SaveCohort(),
                new SetCohortState(),
                new SaveSponsor(),
                new CreateEnrollment(),
                new VerifyDocument(),
                new SaveStudentData(),
                new ReissueLink(),
                new SendLink());
    }
}
