package com.recruitdesk.app.interviews;

import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.interviews.data.Bell;
import com.recruitdesk.app.interviews.data.Directory;
import com.recruitdesk.app.interviews.data.InterviewCommands;
import com.recruitdesk.app.interviews.data.Schedule;
import com.recruitdesk.app.interviews.data.Scorecards;
import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;

/** Wires the Interviews pane by hand for one signed-in user: its data, view models and view. */
public final class InterviewsPane implements Pane {
    /** Recruiters, managers and administrators schedule and compare; everyone on a panel keeps their week. */
    static final Set<Role> STAFF = Set.copyOf(EnumSet.of(Role.ADMIN, Role.MANAGER, Role.RECRUITER));

    public static final PaneFactory FACTORY = PaneFactory.of(
            "Interviews",
            EnumSet.of(Role.INTERVIEWER, Role.ADMIN, Role.MANAGER, Role.RECRUITER),
            Feature.INTERVIEWS,
            InterviewsPane::create);

    private final InterviewsViewModel viewModel;
    private final Node view;

    private InterviewsPane(InterviewsViewModel viewModel, Node view) {
        this.viewModel = viewModel;
        this.view = view;
    }

    public static InterviewsPane create(PaneContext ctx) {
        InterviewsViewModel vm = viewModel(ctx);
        ctx.engine().addListener(vm::accept);
        Node view = InterviewsView.create(
                vm, new Times(ctx.clock(), ctx.zone()), ctx.zone(), ctx.user().id());
        vm.start();
        return new InterviewsPane(vm, view);
    }

    /** The pane's view models over {@code ctx}, without a view (tests drive them with no toolkit). */
    static InterviewsViewModel viewModel(PaneContext ctx) {
        Blobs blobs = new Blobs(ctx.api(), ctx.store(), ctx.files());
        return viewModel(ctx, blobs::fetch);
    }

    static InterviewsViewModel viewModel(PaneContext ctx, KitViewModel.Files files) {
        LocalStore store = ctx.store();
        Times times = new Times(ctx.clock(), ctx.zone());
        InterviewCommands commands =
                new InterviewCommands(store, ctx.commands(), ctx.user().id(), ctx.clock());
        Schedule schedule = new Schedule(store);
        Scorecards scorecards = new Scorecards(store);
        boolean staff = ctx.user().roles().stream().anyMatch(STAFF::contains);
        List<InterviewsViewModel.Tab> tabs = new ArrayList<>();
        if (staff) {
            tabs.add(InterviewsViewModel.Tab.SCHEDULE);
            tabs.add(InterviewsViewModel.Tab.WEEK);
            tabs.add(InterviewsViewModel.Tab.COMPARE);
        } else {
            tabs.add(InterviewsViewModel.Tab.WEEK);
        }
        return new InterviewsViewModel(
                tabs,
                new AgendaViewModel(
                        schedule,
                        scorecards,
                        commands.drafts(),
                        ctx.tasks(),
                        times,
                        ctx.zone(),
                        ctx.user().id()),
                new KitViewModel(
                        store, schedule, commands, ctx.tasks(), ctx.user().id(), files, ctx.opener()),
                new ScorecardViewModel(
                        commands,
                        ctx.tasks(),
                        times,
                        ctx.user().id(),
                        ctx.user().displayName()),
                new SchedulerViewModel(schedule, new Directory(store), commands, ctx.tasks(), times, ctx.zone()),
                new WhoSaidWhatViewModel(scorecards, ctx.tasks()),
                new BellViewModel(new Bell(store), commands, ctx.tasks()),
                store,
                ctx.tasks());
    }

    public InterviewsViewModel viewModel() {
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
