package com.recruitdesk.app.sync;

import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.sync.MutationTypes;

/** A rejection as one sentence: what was undone (its type's {@code whenRejected}) and the reason given. */
public final class RejectionText {
    private RejectionText() {}

    public static String of(LocalStore.Rejection r) {
        String what = MutationTypes.byName(r.name())
                .map(MutationType::whenRejected)
                .orElse("A change was undone (" + r.name() + ")");
        return r.message() == null || r.message().isBlank() ? what + "." : what + ": " + r.message();
    }
}
