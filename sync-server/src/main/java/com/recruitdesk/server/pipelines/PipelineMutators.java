package com.recruitdesk.server.pipelines;

import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.server.platform.sync.Mutator;
import java.util.List;

/** The Pipelines feature's mutators, one per type of {@link PipelineMutations}; the server registers them. */
public final class PipelineMutators {
    private PipelineMutators() {}

    public static List<Mutator<?>> all() {
        return List.of(
                new MoveApplication(),
                new AddApplicationNote(),
                new SaveJob(),
                new SetJobStatus(),
                new CreateApplication(),
                new AddPersonToJob(),
                new UpdateApplication(),
                new UpdateProfile(),
                new SaveWorkHistory(),
                new DeleteWorkHistory(),
                new SavePrescreenQuestion(),
                new DeletePrescreenQuestion(),
                new ReorderPrescreenQuestions(),
                new RecordPrescreenAnswer(),
                new DismissActionItem(),
                new RequestExport());
    }
}
