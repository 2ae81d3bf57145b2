package com.recruitdesk.server;

import com.recruitdesk.server.admin.AdminMutators;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.cohorts.CohortMutators;
import com.recruitdesk.server.conversations.ConversationMutators;
import com.recruitdesk.server.interviews.InterviewMutators;
import com.recruitdesk.server.pipelines.PipelineMutators;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Mutators;
import com.recruitdesk.server.whatsapp.MetaBusiness;
import java.util.List;

/**
 * The features this server is made of. A new feature package (interviews, cohorts, admin, crm,
 * assessments) adds its {@code XxxMutators.all()} here, and its routes to {@link Routes}.
 */
public final class Features {
    private Features() {}

    /** Every feature's mutators, feature by feature, as a server without Cloud API credentials has them. */
    public static List<List<Mutator<?>>> byFeature() {
        return byFeature(new PasswordHasher(), MetaBusiness.none());
    }

    /** Every feature's mutators, with what some of them need from the server: a password hasher, Meta. */
    public static List<List<Mutator<?>>> byFeature(PasswordHasher hasher, MetaBusiness meta) {
        return List.of(
                ConversationMutators.all(),
                PipelineMutators.all(),
                InterviewMutators.all(),
                CohortMutators.all(),
                AdminMutators.all(hasher, meta));
    }

    /** The registry of them all; each mutation type of the protocol has exactly one. */
    public static Mutators mutators() {
        return Mutators.of(byFeature());
    }

    public static Mutators mutators(PasswordHasher hasher, MetaBusiness meta) {
        return Mutators.of(byFeature(hasher, meta));
    }
}
