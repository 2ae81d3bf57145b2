package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.app.pipelines.data.Actions;
import com.recruitdesk.app.pipelines.data.Board;
import com.recruitdesk.app.pipelines.data.Detail;
import com.recruitdesk.app.pipelines.data.KeptMerges;
import com.recruitdesk.app.pipelines.data.PipelineCommands;
import com.recruitdesk.app.pipelines.data.PrescreenQuestions;
import com.recruitdesk.app.pipelines.data.Profile;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.EnumSet;
import java.util.UUID;
import javafx.scene.Node;

/** Wires the Pipelines pane by hand for one signed-in user: its data, view model and view. */
public final class PipelinesPane implements Pane {
    public static final PaneFactory FACTORY = PaneFactory.of(
            "Pipelines",
            EnumSet.of(Role.ADMIN, Role.MANAGER, Role.RECRUITER),
            Feature.PIPELINES,
            PipelinesPane::create);

    private final PipelinesViewModel vm;
    private final QueueViewModel queue;
    private final MergeViewModel merges;
    private final PrescreenViewModel prescreen;
    private final ProfileViewModel profiles;
    private final Node view;

    private PipelinesPane(
            PipelinesViewModel vm,
            QueueViewModel queue,
            MergeViewModel merges,
            PrescreenViewModel prescreen,
            ProfileViewModel profiles,
            Node view) {
        this.vm = vm;
        this.queue = queue;
        this.merges = merges;
        this.prescreen = prescreen;
        this.profiles = profiles;
        this.view = view;
    }

    public static PipelinesPane create(PaneContext ctx) {
        PipelinesViewModel vm = viewModel(ctx);
        Blobs blobs = new Blobs(ctx.api(), ctx.store(), ctx.files());
        ConversationLinkViewModel link = new ConversationLinkViewModel(ctx.navigator(), ctx.tasks());
        QueueViewModel queue = new QueueViewModel(
                new Actions(ctx.store(), ctx.user().id()),
                vm.commands(),
                vm,
                ctx.tasks(),
                blobId -> ctx.opener().open(blobs.fetch(blobId).toUri().toString()),
                link);
        ctx.store().addChangeListener(vm::changed);
        ctx.store().addChangeListener(queue::changed);
        MergeViewModel merges =
                new MergeViewModel(vm.commands(), new KeptMerges(ctx.store()), ctx.tasks(), vm::say, vm::failed);
        vm.shownProperty().subscribe(shown -> link.show(candidateOf(shown)));
        ctx.store().addChangeListener(entities -> {
            if (entities.contains(Entities.CONVERSATION)) {
                ctx.tasks().onUi(link::refresh);
            }
        });
        ProfileViewModel profiles = new ProfileViewModel(
                new Profile(ctx.store()), vm.commands(), ctx.tasks(), new Times(ctx.clock(), ctx.zone()), vm::failed);
        PrescreenViewModel prescreen = new PrescreenViewModel(
                new PrescreenQuestions(ctx.store(), ctx.commands(), ctx.clock()), ctx.tasks(), vm::failed);
        ctx.store().addChangeListener(prescreen::changed);
        Node view = PipelinesView.create(vm, queue, merges, link, profiles, prescreen);
        vm.start();
        queue.start();
        merges.start();
        return new PipelinesPane(vm, queue, merges, prescreen, profiles, view);
    }

    /** Opens the person's master profile editor over {@code owner} (another pane asks, through the navigator). */
    public void openProfileOf(UUID personId, javafx.stage.Window owner) {
        ProfileEditor.openOf(personId, owner, profiles);
    }

    private static UUID candidateOf(Detail.View shown) {
        return shown == null ? null : RowValues.uuid(shown.application(), "candidateId");
    }

    public MergeViewModel merges() {
        return merges;
    }

    public PrescreenViewModel prescreen() {
        return prescreen;
    }

    public QueueViewModel queue() {
        return queue;
    }

    /** The pane's view model over {@code ctx}, without a view (tests drive it with no toolkit). */
    static PipelinesViewModel viewModel(PaneContext ctx) {
        var commands =
                new PipelineCommands(ctx.store(), ctx.commands(), ctx.user().id(), ctx.clock());
        return new PipelinesViewModel(
                new Board(ctx.store()), new Detail(ctx.store()), commands, ctx.tasks(), ctx.clock());
    }

    public PipelinesViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void rejected(LocalStore.Rejection rejection, MutationType<?> type) {
        if (!merges.offer(rejection)) {
            prescreen.rejected(rejection); // said in the open editor too
            vm.rejected(rejection);
        }
    }
}
