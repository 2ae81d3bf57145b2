package com.recruitdesk.app.interviews;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.widgets.Banners;
import com.recruitdesk.app.widgets.HelpOverlay;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.Shortcut;
import com.recruitdesk.app.widgets.ShortcutKeys;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Interviews pane: a header with the views the user's roles use and the bell; the offline and
 * refusal banners; then "My week" (agenda | kit | scorecard), "Schedule" or "Who said what"; the
 * bell's list and the keyboard help over them.
 */
public final class InterviewsView {
    public static final String ID = "interviews";
    public static final String OFFLINE_ID = "interviews-offline";
    public static final String NOTICE_ID = "interviews-notice";
    public static final String HELP_ID = "interviews-help";
    public static final String AGENDA_ID = AgendaView.LIST_ID;
    public static final String KIT_ID = KitView.ID;
    public static final String SEALED_ID = KitView.SEALED_ID;
    public static final String SCORECARD_ID = ScorecardView.ID;
    public static final String SUBMIT_ID = ScorecardView.SUBMIT_ID;
    public static final String SCORECARD_STATE_ID = ScorecardView.STATE_ID;
    public static final String SCORECARD_PROBLEM_ID = ScorecardView.PROBLEM_ID;
    public static final String STRENGTHS_ID = ScorecardView.STRENGTHS_ID;
    public static final String NOTES_ID = ScorecardView.NOTES_ID;
    public static final String AMENDMENTS_ID = ScorecardView.AMENDMENTS_ID;
    public static final String AMEND_VALUE_ID = ScorecardView.AMEND_VALUE_ID;
    public static final String AMEND_REASON_ID = ScorecardView.AMEND_REASON_ID;
    public static final String AMEND_ID = ScorecardView.AMEND_ID;
    public static final String KEPT_DRAFT_ID = ScorecardView.KEPT_ID;
    public static final String CLASH_ID = SchedulerView.CLASH_ID;
    public static final String SCHEDULE_SAVE_ID = SchedulerView.SAVE_ID;
    public static final String SCHEDULE_TIME_ID = SchedulerView.TIME_ID;
    public static final String SCHEDULE_DONE_ID = SchedulerView.DONE_ID;
    public static final String COMPARE_TABLE_ID = WhoSaidWhatView.TABLE_ID;
    public static final String COMPARE_UNRATED_ID = WhoSaidWhatView.UNRATED_ID;
    public static final String BELL_ID = BellView.BUTTON_ID;
    public static final String BELL_COUNT_ID = BellView.COUNT_ID;
    public static final String BELL_LIST_ID = BellView.LIST_ID;

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("J K  or  ↓ ↑", "Next / previous interview of your week"),
            new Shortcut("S", "Go to the scorecard (its strengths)"),
            new Shortcut("B", "Open or close the notifications"),
            new Shortcut("Esc", "Close the notifications or this help"),
            new Shortcut("?  or  F1", "Show this help"));

    private InterviewsView() {}

    /** The tab's id: {@code interviews-tab-my-week}. */
    public static String tabId(InterviewsViewModel.Tab tab) {
        return "interviews-tab-" + tab.title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    public static Parent create(InterviewsViewModel vm, Times times, ZoneId zone, UUID me) {
        Node week = week(vm, times, zone, me);
        Node schedule = vm.tabs().contains(InterviewsViewModel.Tab.SCHEDULE)
                ? SchedulerView.create(vm.scheduler(), zone)
                : new Region();
        Node compare = vm.tabs().contains(InterviewsViewModel.Tab.COMPARE)
                ? WhoSaidWhatView.create(vm.compare())
                : new Region();
        StackPane content = new StackPane(week, schedule, compare);
        show(week, vm, InterviewsViewModel.Tab.WEEK);
        show(schedule, vm, InterviewsViewModel.Tab.SCHEDULE);
        show(compare, vm, InterviewsViewModel.Tab.COMPARE);

        VBox main = new VBox(
                header(vm),
                offline(vm),
                Banners.notice(NOTICE_ID, vm.noticeProperty(), Icons.ERROR, vm::dismissNotice),
                content);
        VBox.setVgrow(content, Priority.ALWAYS);
        StackPane root = new StackPane(
                main, BellView.list(vm.bell(), times), HelpOverlay.create(HELP_ID, SHORTCUTS, vm.helpShownProperty()));
        root.setId(ID);
        root.getStylesheets()
                .add(Objects.requireNonNull(InterviewsView.class.getResource("interviews.css"))
                        .toExternalForm());
        keys(root, vm);
        return root;
    }

    private static void show(Node node, InterviewsViewModel vm, InterviewsViewModel.Tab tab) {
        node.visibleProperty().bind(vm.tabProperty().isEqualTo(tab));
    }

    private static Node week(InterviewsViewModel vm, Times times, ZoneId zone, UUID me) {
        Node agenda = AgendaView.create(vm.agenda());
        Node kit = KitView.create(vm.kit(), zone, me);
        Node scorecard = ScorecardView.create(vm.scorecard(), times);
        SplitPane columns = new SplitPane(agenda, kit, scorecard);
        columns.setDividerPositions(0.24, 0.58);
        SplitPane.setResizableWithParent(agenda, false);
        return columns;
    }

    private static Node header(InterviewsViewModel vm) {
        Label title = new Label("Interviews");
        title.getStyleClass().add(Styles.TITLE_4);
        HBox tabs = new HBox();
        ToggleGroup group = new ToggleGroup();
        List<InterviewsViewModel.Tab> all = vm.tabs();
        for (int i = 0; i < all.size() && all.size() > 1; i++) {
            InterviewsViewModel.Tab tab = all.get(i);
            ToggleButton b = new ToggleButton(tab.title);
            b.setId(tabId(tab));
            b.setToggleGroup(group);
            b.getStyleClass()
                    .add(i == 0 ? Styles.LEFT_PILL : i == all.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setSelected(vm.tabProperty().get() == tab);
            b.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    vm.tabProperty().set(tab);
                }
            });
            vm.tabProperty().addListener((o, was, now) -> b.setSelected(now == tab));
            tabs.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true); // one view is always shown
            }
        });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox header = new HBox(16, title, tabs, spring, BellView.button(vm.bell()));
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 12, 6, 16));
        header.getStyleClass().add("interviews-header");
        return header;
    }

    private static Node offline(InterviewsViewModel vm) {
        return Banners.offline(
                OFFLINE_ID,
                "You are offline. Your week, the kits and your scorecards all work here; what you submit"
                        + " leaves, in order, when the connection returns.",
                vm.offlineProperty());
    }

    private static void keys(Node root, InterviewsViewModel vm) {
        ShortcutKeys.install(
                root,
                e -> {
                    if (e.getCode() == KeyCode.ESCAPE
                            && (vm.bell().openProperty().get()
                                    || vm.helpShownProperty().get())) {
                        vm.bell().openProperty().set(false);
                        vm.helpShownProperty().set(false);
                        return true;
                    }
                    if (e.getCode() == KeyCode.F1) {
                        vm.helpShownProperty().set(true);
                        return true;
                    }
                    if (typing(e) || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                        return false;
                    }
                    return switch (e.getCode()) {
                        case J -> step(vm, 1);
                        case K -> step(vm, -1);
                        case B -> {
                            vm.bell()
                                    .openProperty()
                                    .set(!vm.bell().openProperty().get());
                            yield true;
                        }
                        case S -> {
                            if (vm.tabProperty().get() != InterviewsViewModel.Tab.WEEK) {
                                yield false;
                            }
                            Node strengths = root.lookup("#" + STRENGTHS_ID);
                            if (strengths == null || strengths.isDisabled()) {
                                yield false;
                            }
                            strengths.requestFocus();
                            yield true;
                        }
                        default -> false;
                    };
                },
                e -> {
                    if (!"?".equals(e.getCharacter()) || typing(e)) {
                        return false;
                    }
                    vm.helpShownProperty().set(true);
                    return true;
                });
    }

    /** Moves the agenda's selection to the next ({@code +1}) or previous interview. */
    private static boolean step(InterviewsViewModel vm, int by) {
        if (vm.tabProperty().get() != InterviewsViewModel.Tab.WEEK) {
            return false;
        }
        List<InterviewItem> items = vm.agenda().entries().stream()
                .filter(AgendaEntry.Entry.class::isInstance)
                .map(e -> ((AgendaEntry.Entry) e).interview())
                .toList();
        if (items.isEmpty()) {
            return true;
        }
        InterviewItem now = vm.agenda().selectedProperty().get();
        int at = -1;
        for (int i = 0; i < items.size(); i++) {
            if (now != null && items.get(i).id().equals(now.id())) {
                at = i;
            }
        }
        int next = Math.max(0, Math.min(items.size() - 1, at + by));
        vm.agenda().selectedProperty().set(items.get(next));
        return true;
    }

    private static boolean typing(KeyEvent e) {
        return e.getTarget() instanceof TextInputControl || e.getTarget() instanceof ComboBoxBase<?>;
    }
}
