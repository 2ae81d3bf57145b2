package com.recruitdesk.app.pipelines;

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

/** The Pipelines pane: until its issue builds it, what it will show and what this computer holds for it. */
public final class PipelinesPane {
    public static final PaneFactory FACTORY = PaneFactory.of(
            "Pipelines",
            EnumSet.of(Role.ADMIN, Role.MANAGER, Role.RECRUITER),
            Feature.PIPELINES,
            PipelinesPane::create);

    static final Upcoming UPCOMING = new Upcoming(
            "Pipelines",
            "Coming to this pane: the jobs, a board of their applications by stage, each application's timeline"
                    + " and prescreen answers, and the action queue.",
            List.of(
                    new Holding(Entities.JOB, "job", "jobs"),
                    new Holding(Entities.APPLICATION, "application", "applications"),
                    new Holding(Entities.PRESCREEN_ANSWER, "prescreen answer", "prescreen answers"),
                    new Holding(Entities.ACTION_QUEUE_ITEM, "queued action", "queued actions")));

    private PipelinesPane() {}

    public static Pane create(PaneContext ctx) {
        return UpcomingPane.create(ctx, UPCOMING);
    }
}
