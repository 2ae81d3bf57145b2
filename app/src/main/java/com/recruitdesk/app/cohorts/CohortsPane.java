package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.cohorts.data.CohortBook;
import com.recruitdesk.app.cohorts.data.CohortCommands;
import com.recruitdesk.app.cohorts.data.ReviewCommands;
import com.recruitdesk.app.cohorts.data.ReviewQueue;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.PaneContext;
import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The Cohorts pane of institution admins and administrators: the document review station, a tab to
 * set up cohorts and enrol their students, and one for the cohorts' sponsors.
 */
public final class CohortsPane implements Pane {
    public static final PaneFactory FACTORY = PaneFactory.of(
            "Cohorts", EnumSet.of(Role.INSTITUTION_ADMIN, Role.ADMIN), Feature.COHORTS, CohortsPane::create);

    private final ReviewViewModel vm;
    private final CohortsTab cohorts;
    private final SponsorsTab sponsors;
    private final TrailActions links;
    private final Node view;

    private CohortsPane(ReviewViewModel vm, CohortsTab cohorts, SponsorsTab sponsors, TrailActions links, Node view) {
        this.vm = vm;
        this.cohorts = cohorts;
        this.sponsors = sponsors;
        this.links = links;
        this.view = view;
    }

    public static CohortsPane create(PaneContext ctx) {
        ReviewViewModel vm = viewModel(ctx);
        var commands = new CohortCommands(ctx.store(), ctx.commands(), ctx.clock());
        var times = new Times(ctx.clock(), ctx.zone());
        var actions = new TrailActions(
                ctx.api(),
                ctx.tasks(),
                ctx.opener(),
                Path.of(System.getProperty("user.home"), "RecruitDesk exports"),
                text -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(text);
                    Clipboard.getSystemClipboard().setContent(content);
                },
                commands);
        Node review = ReviewView.create(vm, actions, times);
        var cohorts = new CohortsTab(new CohortBook(ctx.store()), commands, ctx.tasks(), actions, times);
        Tab reviewTab = new Tab("Review", review);
        reviewTab.setId("cohorts-review-tab");
        Tab cohortsTab = new Tab("Cohorts and students", cohorts.create());
        cohortsTab.setId("cohorts-cohorts-tab");
        var sponsors = new SponsorsTab(new CohortBook(ctx.store()), commands, ctx.tasks());
        Tab sponsorsTab = new Tab("Sponsors", sponsors.create());
        sponsorsTab.setId("cohorts-sponsors-tab");
        TabPane tabs = new TabPane(reviewTab, cohortsTab, sponsorsTab);
        tabs.setId("cohorts-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The station takes the keys again when its tab is back.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == reviewTab) {
                review.requestFocus();
            } else if (now == cohortsTab) {
                cohorts.reload();
            } else {
                sponsors.reload();
            }
        });
        ctx.store().addChangeListener(vm::changed);
        ctx.store().addChangeListener(entities -> {
            if (touchesCohorts(entities)) {
                ctx.tasks().onUi(() -> {
                    if (cohortsTab.isSelected()) {
                        cohorts.reload();
                    } else if (sponsorsTab.isSelected()) {
                        sponsors.reload();
                    }
                });
            }
        });
        vm.start();
        return new CohortsPane(vm, cohorts, sponsors, actions, tabs);
    }

    private static boolean touchesCohorts(java.util.Set<String> entities) {
        return entities.contains(Entities.COHORT)
                || entities.contains(Entities.COHORT_ENROLLMENT)
                || entities.contains(Entities.CANDIDATE)
                || entities.contains(Entities.SPONSOR);
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
        if (type == CohortMutations.VERIFY_DOCUMENT) {
            vm.rejected(rejection);
        } else if (type == CohortMutations.SAVE_SPONSOR) {
            sponsors.rejected(rejection);
        } else if (type == CohortMutations.SEND_LINK) {
            links.rejected(rejection); // asked from the station or the student's details: both say why
            cohorts.rejected(rejection);
        } else {
            cohorts.rejected(rejection);
        }
    }
}
