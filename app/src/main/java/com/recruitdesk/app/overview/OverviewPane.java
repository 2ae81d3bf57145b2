package com.recruitdesk.app.overview;

import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.pane.PaneFactory;
import javafx.scene.Node;

/** How many rows of each kind this computer holds, for everyone. */
public final class OverviewPane implements Pane {
    public static final PaneFactory FACTORY =
            PaneFactory.readOnly("Synced data", PaneFactory.EVERYONE, OverviewPane::create);

    private final Node view;

    private OverviewPane(Node view) {
        this.view = view;
    }

    public static OverviewPane create(PaneContext ctx) {
        OverviewViewModel vm = new OverviewViewModel(ctx.store(), ctx.tasks());
        Node view = OverviewView.create(vm);
        vm.refresh();
        return new OverviewPane(view);
    }

    @Override
    public Node view() {
        return view;
    }
}
