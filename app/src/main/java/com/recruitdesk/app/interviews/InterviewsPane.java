package com.recruitdesk.app.interviews;

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

/** The Interviews pane: until its issue builds it, what it will show and what this computer holds for it. */
public final class InterviewsPane {
    public static final PaneFactory FACTORY =
            PaneFactory.of("Interviews", EnumSet.of(Role.INTERVIEWER), Feature.INTERVIEWS, InterviewsPane::create);

    static final Upcoming UPCOMING = new Upcoming(
            "Interviews",
            "Coming to this pane: your interview schedule, each candidate's summary, and scorecards you can fill"
                    + " in offline and send when you are back online.",
            List.of(
                    new Holding(Entities.INTERVIEW_SESSION, "interview", "interviews"),
                    new Holding(Entities.CANDIDATE, "candidate", "candidates"),
                    new Holding(Entities.JOB, "job", "jobs"),
                    new Holding(Entities.INTERVIEW_FEEDBACK, "scorecard", "scorecards")));

    private InterviewsPane() {}

    public static Pane create(PaneContext ctx) {
        return UpcomingPane.create(ctx, UPCOMING);
    }
}
