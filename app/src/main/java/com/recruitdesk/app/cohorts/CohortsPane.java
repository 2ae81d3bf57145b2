package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.app.upcoming.Upcoming;
import com.recruitdesk.app.upcoming.Upcoming.Holding;
import com.recruitdesk.app.upcoming.UpcomingPane;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.Feature;
import java.util.EnumSet;
import java.util.List;

/** The Cohorts pane: until its issue builds it, what it will show and what this computer holds for it. */
public final class CohortsPane {
    public static final PaneFactory FACTORY = PaneFactory.of(
            "Cohorts", EnumSet.of(Role.INSTITUTION_ADMIN, Role.ADMIN), Feature.COHORTS, CohortsPane::create);

    static final Upcoming UPCOMING = new Upcoming(
            "Cohorts",
            "Coming to this pane: the cohorts and their enrolments, the documents students upload, and approving"
                    + " or rejecting each document with a reason.",
            List.of(
                    new Holding(Entities.COHORT, "cohort", "cohorts"),
                    new Holding(Entities.COHORT_ENROLLMENT, "enrolment", "enrolments"),
                    new Holding(Entities.UPLOADED_DOCUMENT, "document", "documents"),
                    new Holding(Entities.DOCUMENT_VERIFICATION, "verification", "verifications")));

    private CohortsPane() {}

    public static Pane create(PaneContext ctx) {
        return UpcomingPane.create(ctx, UPCOMING);
    }
}
