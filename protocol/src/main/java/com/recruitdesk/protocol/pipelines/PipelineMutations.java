package com.recruitdesk.protocol.pipelines;

import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.List;
import java.util.UUID;

/** The Pipelines feature's mutations and their argument records. */
public final class PipelineMutations {
    private PipelineMutations() {}

    /** The stages of an application, in pipeline order (seed 002); the last three close it. */
    public static final List<String> STAGES =
            List.of("new", "screening", "interview", "offer", "hired", "rejected", "withdrawn");

    public static final int MAX_REMARKS = 2_000;

    public record MoveApplication(UUID applicationId, String stage, Long baseVersion, String remarks) {}

    public static final MutationType<MoveApplication> MOVE_APPLICATION =
            MutationType.of("application.move", MoveApplication.class, Feature.PIPELINES, "The move was undone");

    public static final List<MutationType<?>> ALL = List.of(MOVE_APPLICATION);
}
