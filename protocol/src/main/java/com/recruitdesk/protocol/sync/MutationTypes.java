package com.recruitdesk.protocol.sync;

import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every mutation of every feature. A feature adds its contract file's {@code ALL} here once; its
 * mutations are then known to the server's registry test and to the desktop's rejection routing.
 */
public final class MutationTypes {
    public static final List<MutationType<?>> ALL = Stream.of(
                    ConversationMutations.ALL,
                    PipelineMutations.ALL,
                    InterviewMutations.ALL,
                    CohortMutations.ALL,
                    AdminMutations.ALL)
            .flatMap(List::stream)
            .toList();

    private static final Map<String, MutationType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(MutationType::name, Function.identity()));

    private MutationTypes() {}

    public static Optional<MutationType<?>> byName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }
}
