package com.recruitdesk.app.pipelines.data;

import com.recruitdesk.app.store.LocalStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The merges this computer still owes its user: conflicts kept in the store (with their arguments
 * and the server's values, decision 0037) that were neither merged nor discarded, so a conflict
 * heard before a restart, or while another pane was up, is offered again (decision 0042). Settling
 * one is remembered in the store's meta under the refused mutation's id.
 */
public final class KeptMerges {
    private static final String SETTLED = "merge.settled.";

    private final LocalStore store;

    public KeptMerges(LocalStore store) {
        this.store = store;
    }

    /** The conflicts a merge can settle that are not settled yet, oldest first. */
    public List<Merge> unsettled() {
        return store.rejections().stream()
                .filter(r -> store.meta(SETTLED + r.mutationId()).isEmpty())
                .map(Merge::of)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The merge of the refused mutation {@code mutationId} was chosen or discarded: not offered again. */
    public void settle(UUID mutationId) {
        store.setMeta(SETTLED + mutationId, "settled");
    }
}
