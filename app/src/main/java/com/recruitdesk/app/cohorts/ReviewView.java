package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.cohorts.data.Pages;
import com.recruitdesk.app.cohorts.data.ReviewItem;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.widgets.Banners;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.ShortcutKeys;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The review station's window: the queue on the left, the document in the middle (pages, zoom,
 * rotation), the checklist, the decision and the enrollment's trail on the right. Every key goes
 * through {@link ShortcutKeys}, so a letter that decides never lands in a field.
 */
final class ReviewView {
    private ReviewView() {}

    static Node create(ReviewViewModel vm, TrailActions actions, Times times) {
        BorderPane root = new BorderPane();
        root.setId("cohorts-pane");
        root.getStylesheets()
                .add(Objects.requireNonNull(ReviewView.class.getResource("cohorts.css"))
                        .toExternalForm());
        root.setFocusTraversable(true);

        Label title = new Label("Document review");
        title.getStyleClass().add("review-heading");
        Label summary = new Label();
        summary.setId("review-summary");
        summary.textProperty().bind(vm.summary);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Label keys = new Label("J / K next · A approve · R reject, 1–6 reason · U undo · + − zoom · T turn");
        keys.getStyleClass().add("review-keys");
        HBox header = new HBox(12, title, summary, spring, keys);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("review-header");
        root.setTop(new VBox(
                Banners.notice("review-notice", vm.notice, Icons.WARNING, vm::dismissNotice),
                Banners.notice("trail-notice", actions.message, Icons.DOCUMENT),
                header));

        root.setLeft(queue(vm, times));
        root.setCenter(viewer(vm));
        root.setRight(ReviewSide.create(vm, actions, times));

        ShortcutKeys.install(root, e -> pressed(vm, root, e), e -> false);
        // A click anywhere but in a field gives the station the keys.
        root.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof TextInputControl)) {
                root.requestFocus();
            }
        });
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                Platform.runLater(root::requestFocus);
            }
        });
        return root;
    }

    private static boolean pressed(ReviewViewModel vm, Node root, KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancelReject();
                root.requestFocus();
                return true;
            }
            if (e.getCode() == KeyCode.ENTER) {
                vm.confirmOther();
                root.requestFocus();
                return true;
            }
            return false;
        }
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return false;
        }
        if (vm.pickingReason.get() && e.getCode().isDigitKey()) {
            vm.pickReason(digit(e.getCode()));
            return true;
        }
        switch (e.getCode()) {
            case J, DOWN -> vm.next();
            case K, UP -> vm.previous();
            case A -> vm.approve();
            case R -> vm.startReject();
            case U -> vm.undo();
            case ESCAPE -> vm.cancelReject();
            case PLUS, EQUALS, ADD -> vm.zoomIn();
            case MINUS, SUBTRACT -> vm.zoomOut();
            case T -> vm.rotate();
            case PAGE_DOWN, RIGHT -> vm.nextPage();
            case PAGE_UP, LEFT -> vm.previousPage();
            default -> {
                return false;
            }
        }
        root.requestFocus();
        return true;
    }

    private static int digit(KeyCode code) {
        String name = code.getName(); // "1" or "Numpad 1"
        return Character.getNumericValue(name.charAt(name.length() - 1));
    }

    private static Node queue(ReviewViewModel vm, Times times) {
        ListView<ReviewItem> list = new ListView<>(vm.items);
        list.setId("review-queue");
        list.setFocusTraversable(false);
        list.setPrefWidth(290);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ReviewItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label who = new Label(item.student());
                who.getStyleClass().add("queue-student");
                Label what = new Label(item.label() + " · " + item.cohort());
                what.getStyleClass().add("queue-what");
                Label when = new Label(times.inList(item.uploadedAt()));
                when.getStyleClass().add("queue-when");
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                HBox top = new HBox(6, who, gap, when);
                VBox cell = new VBox(2, top, what);
                cell.getStyleClass().add("queue-cell");
                setPrefWidth(0); // as wide as the list: long names are cut with an ellipsis, no sideways scrolling
                setGraphic(cell);
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() >= 0 && now.intValue() != vm.selected.get()) {
                vm.select(now.intValue());
            }
        });
        vm.selected.addListener((o, was, now) -> {
            if (now.intValue() >= 0 && now.intValue() < vm.items.size()) {
                list.getSelectionModel().select(now.intValue());
                list.scrollTo(Math.max(0, now.intValue() - 3));
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        Label empty = new Label("Nothing waits for a decision.");
        list.setPlaceholder(empty);
        VBox box = new VBox(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("review-queue-box");
        return box;
    }

    private static Node viewer(ReviewViewModel vm) {
        ImageView image = new ImageView();
        image.setId("review-page");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        vm.page.addListener((o, was, page) -> image.setImage(page == null ? null : fx(page)));
        image.rotateProperty().bind(vm.rotation);
        Group turned = new Group(image); // so the scroll pane sizes to the turned page
        StackPane centred = new StackPane(turned);
        centred.getStyleClass().add("review-canvas");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToHeight(true);
        scroll.setFocusTraversable(false);
        // 100% is the page as wide as the viewer; PDFs are rendered at least that sharp (Pages' zoom).
        image.fitWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> vm.page.get() == null
                                ? 0.0
                                : Math.max(100, scroll.getViewportBounds().getWidth() - 32) * vm.zoom.get(),
                        vm.page,
                        vm.zoom,
                        scroll.viewportBoundsProperty()));
        Label message = new Label();
        message.setId("review-viewer-message");
        message.textProperty().bind(vm.viewerMessage);
        message.visibleProperty().bind(Bindings.isNotEmpty(vm.viewerMessage));
        message.getStyleClass().add("review-viewer-message");
        StackPane stage = new StackPane(scroll, message);
        VBox.setVgrow(stage, Priority.ALWAYS);

        Label pageLabel = new Label();
        pageLabel.setId("review-page-label");
        pageLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.page.get() == null
                                ? ""
                                : "Page " + (vm.page.get().index() + 1) + " of "
                                        + vm.page.get().count(),
                        vm.page));
        Label zoomLabel = new Label();
        zoomLabel
                .textProperty()
                .bind(Bindings.createStringBinding(() -> Math.round(vm.zoom.get() * 100) + "%", vm.zoom));
        HBox tools = new HBox(
                6,
                tool("‹", "Previous page (Page Up)", vm::previousPage),
                pageLabel,
                tool("›", "Next page (Page Down)", vm::nextPage),
                new Label("  "),
                tool("−", "Zoom out (−)", vm::zoomOut),
                zoomLabel,
                tool("+", "Zoom in (+)", vm::zoomIn),
                tool("⟳", "Turn a quarter (T)", vm::rotate));
        tools.setAlignment(Pos.CENTER);
        tools.getStyleClass().add("review-tools");
        VBox box = new VBox(tools, stage);
        box.getStyleClass().add("review-viewer");
        return box;
    }

    private static Button tool(String text, String help, Runnable action) {
        Button b = new Button(text);
        b.setFocusTraversable(false);
        b.setAccessibleText(help);
        b.setTooltip(new javafx.scene.control.Tooltip(help));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static WritableImage fx(Pages.Page page) {
        WritableImage img = new WritableImage(page.width(), page.height());
        img.getPixelWriter()
                .setPixels(
                        0,
                        0,
                        page.width(),
                        page.height(),
                        PixelFormat.getIntArgbInstance(),
                        page.argb(),
                        0,
                        page.width());
        return img;
    }
}
