package com.recruitdesk.app.pane;

import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.RejectionText;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.sync.MutationTypes;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Hands each rejected mutation to the pane of the feature that owns it ({@link MutationType#feature}),
 * so a refused Pipelines move is said in Pipelines, never in Conversations. A mutation no open pane
 * owns (an unknown name, or a feature without a pane for this user) is said {@code elsewhere}: the
 * status bar.
 */
public final class RejectionRouter implements Consumer<LocalStore.Rejection> {
    private final Map<Feature, Pane> owners;
    private final Consumer<String> elsewhere;

    public RejectionRouter(Map<Feature, Pane> owners, Consumer<String> elsewhere) {
        this.owners = owners.isEmpty() ? Map.of() : new EnumMap<>(owners);
        this.elsewhere = elsewhere;
    }

    @Override
    public void accept(LocalStore.Rejection rejection) {
        Optional<MutationType<?>> type = MutationTypes.byName(rejection.name());
        Pane owner = type.map(t -> owners.get(t.feature())).orElse(null);
        if (owner != null) {
            owner.rejected(rejection, type.get());
        } else {
            elsewhere.accept(RejectionText.of(rejection));
        }
    }
}
