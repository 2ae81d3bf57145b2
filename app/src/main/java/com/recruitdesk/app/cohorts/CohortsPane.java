package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.cohorts.data.ReviewCommands;
import com.recruitdesk.app.cohorts.data.ReviewQueue;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The Cohorts pane: the document review station of institution admins and administrators. */
public final class CohortsPane implements Pane {
    public static final PaneFactory FACTORY = PaneFactory.of(
            "Cohorts", EnumSet.of(Role.INSTITUTION_ADMIN, Role.ADMIN), Feature.COHORTS, CohortsPane::create);

    private final ReviewViewModel vm;
    private final Node view;

    private CohortsPane(ReviewViewModel vm, Node view) {
        this.vm = vm;
        this.view = view;
    }

    public static CohortsPane create(PaneContext ctx) {
        ReviewViewModel vm = viewModel(ctx);
        var actions = new TrailActions(
                ctx.api(),
                ctx.tasks(),
                ctx.opener(),
                Path.of(System.getProperty("user.home"), "RecruitDesk exports"),
                text -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(text);
                    Clipboard.getSystemClipboard().setContent(content);
                });
        Node view = ReviewView.create(vm, actions, new Times(ctx.clock(), ctx.zone()));
        ctx.store().addChangeListener(vm::changed);
        vm.start();
        return new CohortsPane(vm, view);
    }

    /** The station's view model over {@code ctx}, without a view. */
    static ReviewViewModel viewModel(PaneContext ctx) {
        return new ReviewViewModel(
                new ReviewQueue(ctx.store()),
                new ReviewCommands(ctx.store(), ctx.commands(), ctx.user().id(), ctx.clock()),
                new Blobs(ctx.api(), ctx.store(), ctx.files()),
                ctx.tasks(),
                new Decider());
    }

    /** For tests and the benchmark: the station behind the window. */
    ReviewViewModel station() {
        return vm;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void rejected(LocalStore.Rejection rejection, MutationType<?> type) {
        vm.rejected(rejection);
    }
}
