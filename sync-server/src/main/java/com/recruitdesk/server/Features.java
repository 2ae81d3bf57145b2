package com.recruitdesk.server;

import com.recruitdesk.server.cohorts.CohortMutators;
import com.recruitdesk.server.conversations.ConversationMutators;
import com.recruitdesk.server.interviews.InterviewMutators;
import com.recruitdesk.server.pipelines.PipelineMutators;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Mutators;
import java.util.List;

/**
 * The features this server is made of. A new feature package (interviews, cohorts, admin, crm,
 * assessments) adds its {@code XxxMutators.all()} here, and its routes to {@link Routes}.
 */
public final class Features {
    private Features() {}

    /** Every feature's mutators, feature by feature. */
    public static List<List<Mutator<?>>> byFeature() {
        return List.of(
                ConversationMutators.all(), PipelineMutators.all(), InterviewMutators.all(), CohortMutators.all());
    }

    /** The registry of them all; each mutation type of the protocol has exactly one. */
    public static Mutators mutators() {
        return Mutators.of(byFeature());
    }
}
