package com.recruitdesk.server.interviews;

import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.server.platform.sync.Mutator;
import java.util.List;

/** The Interviews feature's mutators, one per type of {@link InterviewMutations}; the server registers them. */
public final class InterviewMutators {
    private InterviewMutators() {}

    public static List<Mutator<?>> all() {
        return List.of(
                new ScheduleInterview(),
                new RescheduleInterview(),
                new CancelInterview(),
                new SetInterviewStatus(),
                new SubmitFeedback(),
                new AmendFeedback(),
                new MarkNotificationRead());
    }
}
