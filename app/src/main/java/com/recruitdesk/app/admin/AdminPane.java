package com.recruitdesk.app.admin;

import com.recruitdesk.app.admin.data.AdminCommands;
import com.recruitdesk.app.admin.data.AdminServer;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pane.Overlay;
import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.EnumSet;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * Wires the Administration pane by hand for one signed-in user: administrators change things,
 * managers read them. The canned responses dialog it links to comes from the app's composition
 * ({@code cannedResponses}), as the Conversations feature makes it.
 */
public final class AdminPane implements Pane {
    public static final String TITLE = "Administration";

    private final AdminViewModel viewModel;
    private final Node view;

    private AdminPane(AdminViewModel viewModel, Node view) {
        this.viewModel = viewModel;
        this.view = view;
    }

    /** The pane's factory, showing {@code cannedResponses} (made per pane) for the team's quick replies. */
    public static PaneFactory factory(Function<PaneContext, Overlay> cannedResponses) {
        return PaneFactory.of(
                TITLE,
                EnumSet.of(Role.ADMIN, Role.MANAGER),
                Feature.ADMIN,
                ctx -> create(ctx, cannedResponses.apply(ctx)));
    }

    public static AdminPane create(PaneContext ctx, Overlay cannedResponses) {
        AdminViewModel vm = viewModel(ctx);
        Node view = AdminView.create(vm, new Times(ctx.clock(), ctx.zone()), cannedResponses);
        vm.start();
        return new AdminPane(vm, view);
    }

    /** The pane's view models over {@code ctx}, without a view (tests drive them without a toolkit). */
    static AdminViewModel viewModel(PaneContext ctx) {
        boolean admin = ctx.user().holds(Role.ADMIN);
        AdminCommands commands = new AdminCommands(ctx.store(), ctx.commands(), ctx.clock());
        AdminServer server = new AdminServer(ctx.api());
        Times times = new Times(ctx.clock(), ctx.zone());
        return new AdminViewModel(
                ctx.store(),
                new UsersViewModel(commands, ctx.tasks(), ctx.user().id(), admin),
                new NumbersViewModel(commands, server, ctx.tasks(), times, admin),
                new TemplatesViewModel(commands, ctx.tasks(), admin),
                new SettingsViewModel(commands, ctx.tasks(), admin),
                new ActivityViewModel(server, ctx.tasks(), ctx.zone()),
                ctx.tasks());
    }

    public AdminViewModel viewModel() {
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
