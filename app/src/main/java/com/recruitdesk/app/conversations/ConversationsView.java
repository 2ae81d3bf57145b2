package com.recruitdesk.app.conversations;

import com.recruitdesk.app.widgets.Banners;
import com.recruitdesk.app.widgets.HelpOverlay;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.ShortcutKeys;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Conversations pane: inbox | thread with composer | candidate panel, the offline and
 * rejection banners above them, the keyboard help over them, and the keyboard shortcuts.
 */
public final class ConversationsView {
    public static final String ID = "conversations";
    public static final String OFFLINE_ID = "offline-banner";
    public static final String NOTICE_ID = "rejection-notice";
    public static final String SEARCH_ID = InboxView.SEARCH_ID;
    public static final String INBOX_LIST_ID = InboxView.LIST_ID;
    public static final String THREAD_LIST_ID = ThreadView.LIST_ID;
    public static final String THREAD_STATUS_ID = ThreadView.STATUS_ID;
    public static final String THREAD_WINDOW_ID = ThreadView.WINDOW_ID;
    public static final String COMPOSER_TEXT_ID = ComposerView.TEXT_ID;
    public static final String COMPOSER_SEND_ID = ComposerView.SEND_ID;
    public static final String COMPOSER_NOTE_ID = ComposerView.NOTE_ID;
    public static final String COMPOSER_TEMPLATES_ID = ComposerView.TEMPLATES_ID;
    public static final String COMPOSER_TEMPLATE_SEND_ID = ComposerView.TEMPLATE_SEND_ID;
    public static final String COMPOSER_TEMPLATE_PREVIEW_ID = ComposerView.TEMPLATE_PREVIEW_ID;
    public static final String HELP_ID = "keyboard-help";
    public static final String CANNED_ID = CannedResponsesView.ID;
    public static final String MANAGE_CANNED_ID = ComposerView.MANAGE_CANNED_ID;

    private ConversationsView() {}

    public static Parent create(ConversationsViewModel vm) {
        Node composer = ComposerView.create(vm.composer(), vm.canned());
        Node inbox = InboxView.create(vm.inbox());
        Node thread = ThreadView.create(vm.thread(), vm.composer(), composer);
        Node candidate = CandidateView.create(vm.candidate(), vm.thread().times());
        SplitPane columns = new SplitPane(inbox, thread, candidate);
        columns.setDividerPositions(0.3, 0.76);
        SplitPane.setResizableWithParent(inbox, false);
        SplitPane.setResizableWithParent(candidate, false);

        VBox main = new VBox(
                offlineBanner(vm),
                Banners.notice(NOTICE_ID, vm.noticeProperty(), Icons.ERROR, vm::dismissNotice),
                columns);
        VBox.setVgrow(columns, Priority.ALWAYS);
        StackPane root = new StackPane(
                main,
                HelpOverlay.create(HELP_ID, Shortcuts.ALL, vm.helpShownProperty()),
                CannedResponsesView.create(vm.canned()));
        root.setId(ID);
        root.getStylesheets()
                .add(Objects.requireNonNull(ConversationsView.class.getResource("conversations.css"))
                        .toExternalForm());
        keys(root, vm);
        return root;
    }

    private static Node offlineBanner(ConversationsViewModel vm) {
        return Banners.offline(
                OFFLINE_ID,
                "You are offline. Everything here still works: what you send now is queued and leaves, in"
                        + " order, when the connection returns.",
                vm.offlineProperty());
    }

    /** The shortcuts of {@link Shortcuts}; single keys only act when the user is not typing. */
    private static void keys(StackPane root, ConversationsViewModel vm) {
        ShortcutKeys.install(root, e -> pressed(root, vm, e), e -> typed(root, vm, e));
    }

    private static boolean pressed(StackPane root, ConversationsViewModel vm, KeyEvent e) {
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        boolean choosing = focus instanceof ComboBoxBase<?>;
        if (vm.canned().shownProperty().get()) {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.canned().close();
                focus(root, "#" + COMPOSER_TEXT_ID);
                return true;
            }
            return false; // the dialog's fields and list take the keys
        }
        if (vm.helpShownProperty().get()) {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                vm.helpShownProperty().set(false);
                return true;
            }
            return false;
        }
        if (e.getCode() == KeyCode.F1) {
            vm.helpShownProperty().set(true);
            return true;
        } else if (e.getCode() == KeyCode.K && e.isShortcutDown()) {
            focus(root, "#" + SEARCH_ID);
            return true;
        } else if (e.getCode() == KeyCode.ESCAPE && typing) {
            focus(root, "#" + INBOX_LIST_ID);
            return true;
        } else if (!typing && !choosing && !e.isShortcutDown() && !e.isAltDown()) {
            return handleKey(root, vm, e.getCode());
        }
        return false;
    }

    private static boolean typed(StackPane root, ConversationsViewModel vm, KeyEvent e) {
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focus instanceof TextInputControl
                || vm.helpShownProperty().get()
                || vm.canned().shownProperty().get()) {
            return false;
        }
        if ("?".equals(e.getCharacter())) {
            vm.helpShownProperty().set(true);
            return true;
        } else if ("/".equals(e.getCharacter())) {
            focus(root, "#" + SEARCH_ID);
            return true;
        }
        return false;
    }

    private static boolean handleKey(StackPane root, ConversationsViewModel vm, KeyCode code) {
        switch (code) {
            case DOWN, J -> vm.inbox().move(1);
            case UP, K -> vm.inbox().move(-1);
            case ENTER, R -> {
                vm.composer().modeProperty().set(ComposerViewModel.Mode.REPLY);
                focus(root, "#" + COMPOSER_TEXT_ID);
            }
            case N -> {
                vm.composer().modeProperty().set(ComposerViewModel.Mode.NOTE);
                focus(root, "#" + COMPOSER_TEXT_ID);
            }
            case A -> vm.thread().assignToMe();
            case E -> vm.thread().toggleClosed();
            case U -> vm.thread().markUnread();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void focus(Parent root, String selector) {
        Node node = root.lookup(selector);
        if (node != null && node.isVisible()) {
            node.requestFocus();
        }
    }
}
