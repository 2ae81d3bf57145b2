package com.recruitdesk.app.conversations;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.conversations.data.Colleague;
import com.recruitdesk.app.conversations.data.ConversationStatus;
import com.recruitdesk.app.conversations.data.InboxRow;
import com.recruitdesk.app.widgets.Avatars;
import com.recruitdesk.app.widgets.Banners;
import com.recruitdesk.app.widgets.Icons;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The thread column: header with the conversation's actions, banners, the lines, and the composer. */
final class ThreadView {
    static final String TITLE_ID = "thread-title";
    static final String LIST_ID = "thread-list";
    static final String STATUS_ID = "thread-status";
    static final String ASSIGN_ID = "thread-assign";
    static final String CLOSE_ID = "thread-close";
    static final String UNREAD_ID = "thread-unread";
    static final String WINDOW_ID = "thread-window";
    static final String NOTICE_ID = "thread-notice";

    private ThreadView() {}

    static Node create(ThreadViewModel vm, ComposerViewModel composer, Node composerView) {
        ListView<ThreadItem> list = new ListView<>(vm.items());
        list.setId(LIST_ID);
        list.getStyleClass().add("thread-list");
        list.setFocusTraversable(true);
        Bubbles bubbles = new Bubbles(vm, composer);
        list.setCellFactory(v -> new LineCell(vm, bubbles));
        Label empty = new Label("Choose a conversation on the left.");
        empty.getStyleClass().add("empty-thread");
        list.setPlaceholder(empty);
        keepPlace(list, vm);

        VBox center = new VBox(Banners.notice(NOTICE_ID, vm.noticeProperty(), Icons.WARNING, vm::dismissNotice), list);
        VBox.setVgrow(list, Priority.ALWAYS);

        BorderPane root = new BorderPane(center);
        root.setTop(header(vm));
        root.setBottom(composerView);
        root.getStyleClass().add("thread");

        // The 24-hour window's countdown moves with the clock.
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(30), e -> vm.tick()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        return root;
    }

    private static Node header(ThreadViewModel vm) {
        Label title = new Label();
        title.setId(TITLE_ID);
        title.getStyleClass().add("thread-title");
        title.textProperty().bind(vm.titleProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("thread-subtitle");
        subtitle.textProperty().bind(vm.subtitleProperty());
        Label window = new Label();
        window.setId(WINDOW_ID);
        window.getStyleClass().add("window-chip");
        window.textProperty().bind(vm.windowTextProperty());
        window.setTooltip(new Tooltip("WhatsApp delivers free text only within 24 hours of the person's last message;"
                + " after that, only an approved template."));
        vm.windowOpenProperty().subscribe(open -> {
            window.getStyleClass().removeAll("open", "closed");
            window.getStyleClass().add(open ? "open" : "closed");
        });
        subtitle.setMinWidth(0);
        HBox subtitleRow = new HBox(10, subtitle, window);
        subtitleRow.setAlignment(Pos.CENTER_LEFT);
        VBox who = new VBox(2, title, subtitleRow);
        HBox.setHgrow(who, Priority.ALWAYS);

        ComboBox<ConversationStatus> status = new ComboBox<>();
        status.setId(STATUS_ID);
        status.getItems().setAll(ConversationStatus.values());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConversationStatus s) {
                return s == null ? "" : s.label();
            }

            @Override
            public ConversationStatus fromString(String s) {
                return null;
            }
        });
        status.setTooltip(new Tooltip("Status"));
        boolean[] updating = {false};
        vm.conversationProperty().subscribe(row -> {
            updating[0] = true;
            status.setValue(row == null ? null : row.status());
            updating[0] = false;
        });
        status.valueProperty().subscribe(s -> {
            InboxRow row = vm.conversationProperty().get();
            if (!updating[0] && s != null && row != null && s != row.status()) {
                vm.setStatus(s);
            }
        });

        MenuButton assign = new MenuButton();
        assign.setId(ASSIGN_ID);
        assign.textProperty().bind(vm.assigneeProperty());
        assign.setTooltip(new Tooltip("Who handles this conversation (A: assign to me)"));
        assign.setGraphic(Icons.PERSON.node(14));
        assign.setOnShowing(e -> fillAssignees(assign, vm));

        Button unread = new Button("Mark unread");
        unread.setId(UNREAD_ID);
        unread.getStyleClass().add(Styles.FLAT);
        unread.setOnAction(e -> vm.markUnread());
        unread.setTooltip(new Tooltip("Mark unread (U)"));

        Button close = new Button();
        close.setId(CLOSE_ID);
        close.textProperty()
                .bind(vm.conversationProperty()
                        .map(row -> row != null && !row.status().active() ? "Reopen" : "Close")
                        .orElse("Close"));
        close.setOnAction(e -> vm.toggleClosed());
        close.setTooltip(new Tooltip("Close or reopen (E)"));

        Button archive = new Button("Archive");
        archive.getStyleClass().add(Styles.FLAT);
        archive.setOnAction(e -> vm.archive());

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox actions = new HBox(6, status, assign, spring, unread, archive, close);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.disableProperty().bind(vm.conversationProperty().isNull());
        who.setMinWidth(0);
        title.setMinWidth(0);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {unread, archive, close}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(150);
        assign.setMinWidth(120);
        assign.setMaxWidth(240);
        window.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, Avatar.bound(vm), who);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(8, top, actions);
        header.getStyleClass().add("thread-header");
        header.visibleProperty().bind(vm.conversationProperty().isNotNull());
        header.managedProperty().bind(header.visibleProperty());
        return header;
    }

    private static void fillAssignees(MenuButton assign, ThreadViewModel vm) {
        assign.getItems().clear();
        MenuItem me = new MenuItem("Assign to me");
        me.setOnAction(e -> vm.assignToMe());
        MenuItem nobody = new MenuItem("Unassign");
        nobody.setOnAction(e -> vm.assignTo(null));
        assign.getItems().addAll(me, nobody, new SeparatorMenuItem());
        for (Colleague c : vm.directory().assignees()) {
            if (c.id().equals(vm.me())) {
                continue;
            }
            MenuItem item = new MenuItem(c.displayName());
            item.setOnAction(e -> vm.assignTo(c));
            assign.getItems().add(item);
        }
    }

    /**
     * Keeps the reader's place: a new conversation opens at its newest line; new lines scroll into
     * view when the reader was at the bottom; older lines added above keep the line that was on top
     * in place; reaching the top loads older lines.
     */
    private static void keepPlace(ListView<ThreadItem> list, ThreadViewModel vm) {
        Object[] shownConversation = {null};
        String[] topKey = {null};
        boolean[] atBottom = {true};
        String[] lastKey = {null};
        vm.items().addListener((javafx.collections.ListChangeListener<ThreadItem>) c -> {
            InboxRow row = vm.conversationProperty().get();
            Object id = row == null ? null : row.conversationId();
            if (vm.items().isEmpty()) {
                return;
            }
            if (!Objects.equals(id, shownConversation[0])) {
                shownConversation[0] = id;
                toBottom(list);
                return;
            }
            if (topKey[0] != null) {
                for (int i = 0; i < vm.items().size(); i++) {
                    if (vm.items().get(i).key().equals(topKey[0])) {
                        if (i > 1) {
                            list.scrollTo(i);
                        }
                        break;
                    }
                }
            }
            ThreadItem last = vm.items().getLast();
            boolean sentHere = last instanceof ThreadItem.Line l
                    && l.message().pending()
                    && !last.key().equals(lastKey[0]);
            lastKey[0] = last.key();
            if (atBottom[0] || sentHere) {
                toBottom(list); // new lines follow the reader at the bottom; one's own reply always shows
            }
        });
        Platform.runLater(() -> {
            list.skinProperty().subscribe(skin -> {
                if (skin == null) {
                    return;
                }
                VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
                if (flow == null) {
                    return;
                }
                flow.positionProperty().subscribe(p -> {
                    var first = flow.getFirstVisibleCell();
                    var last = flow.getLastVisibleCell();
                    atBottom[0] = last == null || last.getIndex() >= vm.items().size() - 1;
                    topKey[0] = first == null || first.getIndex() >= vm.items().size()
                            ? null
                            : vm.items().get(first.getIndex()).key();
                    if (first != null
                            && first.getIndex() == 0
                            && vm.hasOlderProperty().get()) {
                        vm.loadOlder();
                    }
                });
            });
        });
    }

    /** Shows the newest line, once the new lines are laid out (cell heights vary with content). */
    private static void toBottom(ListView<ThreadItem> list) {
        list.scrollTo(list.getItems().size() - 1);
        Platform.runLater(() -> {
            list.scrollTo(list.getItems().size() - 1);
            Platform.runLater(() -> list.scrollTo(list.getItems().size() - 1));
        });
    }

    /** A line of the thread. */
    private static final class LineCell extends ListCell<ThreadItem> {
        private final ThreadViewModel vm;
        private final Bubbles bubbles;

        LineCell(ThreadViewModel vm, Bubbles bubbles) {
            this.vm = vm;
            this.bubbles = bubbles;
        }

        @Override
        protected void updateItem(ThreadItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Node node = switch (item) {
                case ThreadItem.Older o -> {
                    Button more = new Button("Load older messages");
                    more.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
                    more.setOnAction(e -> vm.loadOlder());
                    HBox box = new HBox(more);
                    box.setAlignment(Pos.CENTER);
                    yield box;
                }
                case ThreadItem.Day d -> {
                    Label l = new Label(d.label());
                    l.getStyleClass().add("day-separator");
                    HBox box = new HBox(l);
                    box.setAlignment(Pos.CENTER);
                    yield box;
                }
                case ThreadItem.Line line -> bubbles.line(line, getListView().getWidth() - 40);
            };
            if (node instanceof Region r) {
                r.setMinWidth(0);
                r.prefWidthProperty().bind(getListView().widthProperty().subtract(52));
                r.maxWidthProperty().bind(r.prefWidthProperty());
            }
            setGraphic(node);
        }
    }

    /** The header's avatar, following the conversation shown. */
    private static final class Avatar {
        private Avatar() {}

        static Node bound(ThreadViewModel vm) {
            StackPane holder = new StackPane();
            vm.conversationProperty()
                    .subscribe(row -> holder.getChildren()
                            .setAll(row == null ? new Region() : Avatars.of(row.name(), row.candidateId(), false)));
            return holder;
        }
    }
}
