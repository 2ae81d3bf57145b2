package com.recruitdesk.app.conversations;

import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.conversations.data.ConversationCommands;
import com.recruitdesk.app.conversations.data.Directory;
import com.recruitdesk.app.conversations.data.Inbox;
import com.recruitdesk.app.conversations.data.People;
import com.recruitdesk.app.conversations.data.Threads;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pane.Overlay;
import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.EnumSet;
import java.util.UUID;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the Conversations pane by hand for one signed-in user: its data, view models and view. */
public final class ConversationsPane implements Pane {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationsPane.class);

    /** Who may add a person to a job from the candidate panel (the Pipelines mutations' access). */
    private static final java.util.Set<com.recruitdesk.protocol.auth.Role> RECRUITING_STAFF = java.util.EnumSet.of(
            com.recruitdesk.protocol.auth.Role.ADMIN,
            com.recruitdesk.protocol.auth.Role.MANAGER,
            com.recruitdesk.protocol.auth.Role.RECRUITER);

    /** The team's shared inbox: for those who talk to candidates. */
    public static final PaneFactory FACTORY = PaneFactory.of(
            "Conversations",
            EnumSet.of(Role.ADMIN, Role.MANAGER, Role.RECRUITER),
            Feature.CONVERSATIONS,
            ConversationsPane::create);

    private final ConversationsViewModel viewModel;
    private final Node view;

    private ConversationsPane(ConversationsViewModel viewModel, Node view) {
        this.viewModel = viewModel;
        this.view = view;
    }

    public static ConversationsPane create(PaneContext ctx) {
        ConversationsViewModel vm = viewModel(ctx);
        ctx.engine().addListener(vm::accept);
        Node view = ConversationsView.create(vm);
        vm.start();
        return new ConversationsPane(vm, view);
    }

    /** The pane's view models over {@code ctx}, without a view (tests drive them with no toolkit). */
    static ConversationsViewModel viewModel(PaneContext ctx) {
        UUID me = ctx.user().id();
        Times times = new Times(ctx.clock(), ctx.zone());
        Blobs blobs = new Blobs(ctx.api(), ctx.store(), ctx.files());
        ConversationCommands commands = new ConversationCommands(ctx.store(), ctx.commands(), blobs, me, ctx.clock());
        Inbox inbox = new Inbox(ctx.store());
        return new ConversationsViewModel(
                ctx.store(),
                new InboxViewModel(inbox, ctx.tasks(), me, times),
                new ThreadViewModel(
                        new Threads(ctx.store()), inbox, commands, blobs, ctx.tasks(), times, me, ctx.opener()),
                new ComposerViewModel(commands, blobs, ctx.tasks()),
                new CandidateViewModel(
                        new People(ctx.store()),
                        commands,
                        ctx.tasks(),
                        ctx.user().roles().stream().anyMatch(RECRUITING_STAFF::contains),
                        ctx.navigator()),
                new CannedResponsesViewModel(commands, ctx.tasks()),
                ctx.tasks());
    }

    /**
     * The canned responses dialog on its own, kept up to date with the store, for another pane to
     * show (Administration links to it); it manages the same rows as the composer's.
     */
    public static Overlay cannedResponses(PaneContext ctx) {
        Blobs blobs = new Blobs(ctx.api(), ctx.store(), ctx.files());
        ConversationCommands commands = new ConversationCommands(
                ctx.store(), ctx.commands(), blobs, ctx.user().id(), ctx.clock());
        CannedResponsesViewModel vm = new CannedResponsesViewModel(commands, ctx.tasks());
        Refresher<Directory> directory = new Refresher<>(
                ctx.tasks(),
                () -> Directory.load(ctx.store()),
                vm::setDirectory,
                e -> LOG.warn("Could not read the canned responses: {}", e.getMessage()));
        ctx.store().addChangeListener(entities -> {
            if (entities.contains(Entities.CANNED_RESPONSE)) {
                directory.request();
            }
        });
        directory.request();
        return new Overlay(CannedResponsesView.create(vm), () -> vm.open(""));
    }

    /** Whether this computer holds a conversation with the candidate; reads the store, so off the FX thread. */
    public static boolean hasConversation(LocalStore store, UUID candidateId) {
        return new Inbox(store).ofCandidate(candidateId).isPresent();
    }

    /** Opens the candidate's conversation in this pane (the window shows the pane). */
    public void openConversationOf(UUID candidateId) {
        viewModel.inbox().openConversationOf(candidateId);
    }

    public ConversationsViewModel viewModel() {
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
