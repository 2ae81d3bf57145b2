package com.recruitdesk.app.pipelines.data;

import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The names of the rows the disputed reference fields of {@code m} point at (a job's client,
     * recruiter, hiring manager), by id, so the dialog shows "Morgan Manager", not an id.
     */
    public Map<String, String> names(Merge m) {
        Map<String, String> names = new HashMap<>();
        for (Merge.Field f : m.disputed()) {
            if (f.spec().kind() == FieldSpec.Kind.ID) {
                JobForm.options(store, f.spec()).forEach(o -> names.put(o.id(), o.name()));
            }
        }
        return names;
    }

    /** The merge of the refused mutation {@code mutationId} was chosen or discarded: not offered again. */
    public void settle(UUID mutationId) {
        store.setMeta(SETTLED + mutationId, "settled");
    }
}
