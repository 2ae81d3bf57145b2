package com.recruitdesk.app.crm;

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

/** The Sales pane (the CRM): until its issue builds it, what it will show and what this computer holds for it. */
public final class SalesPane {
    public static final PaneFactory FACTORY =
            PaneFactory.of("Sales", EnumSet.of(Role.SALES), Feature.CRM, SalesPane::create);

    static final Upcoming UPCOMING = new Upcoming(
            "Sales",
            "Coming to this pane: leads, the agency's clients and your sales tasks.",
            List.of(
                    new Holding(Entities.LEAD, "lead", "leads"),
                    new Holding(Entities.CLIENT, "client", "clients"),
                    new Holding(Entities.SALES_TASK, "sales task", "sales tasks")));

    private SalesPane() {}

    public static Pane create(PaneContext ctx) {
        return UpcomingPane.create(ctx, UPCOMING);
    }
}
