package com.recruitdesk.app.upcoming;

import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.MutationType;
import javafx.scene.Node;

/**
 * Stands in for a feature's pane until it is built, so its users never land on a pane that is not
 * theirs: a feature's {@code XxxPane.create} returns {@code UpcomingPane.create(ctx, what)} meanwhile.
 */
public final class UpcomingPane implements Pane {
    private final UpcomingViewModel viewModel;
    private final Node view;

    private UpcomingPane(UpcomingViewModel viewModel, Node view) {
        this.viewModel = viewModel;
        this.view = view;
    }

    public static UpcomingPane create(PaneContext ctx, Upcoming upcoming) {
        UpcomingViewModel vm = new UpcomingViewModel(upcoming, ctx.store(), ctx.tasks());
        Node view = UpcomingView.create(vm);
        vm.start();
        return new UpcomingPane(vm, view);
    }

    public UpcomingViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void rejected(LocalStore.Rejection rejection, MutationType<?> type) {
        viewModel.rejected(rejection);
    }
}
