package com.recruitdesk.app.conversations;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.conversations.data.CannedResponse;
import com.recruitdesk.app.widgets.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The canned responses dialog: a card over the pane with the list and a form; Esc or Close closes it. */
final class CannedResponsesView {
    static final String ID = "canned-responses";
    static final String LIST_ID = "canned-responses-list";
    static final String SHORTCUT_ID = "canned-response-shortcut";
    static final String BODY_ID = "canned-response-body";
    static final String PROBLEM_ID = "canned-response-problem";
    static final String NEW_ID = "canned-response-new";
    static final String SAVE_ID = "canned-response-save";
    static final String DELETE_ID = "canned-response-delete";
    static final String CLOSE_ID = "canned-responses-close";

    private CannedResponsesView() {}

    static Node create(CannedResponsesViewModel vm) {
        Label title = new Label("Canned responses");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setGraphic(Icons.BOLT.node(18));
        Label hint = new Label("Type / and a shortcut at the start of a reply to put in its text.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        ListView<CannedResponse> list = new ListView<>(vm.responses());
        list.setId(LIST_ID);
        list.setPrefWidth(260);
        list.setPlaceholder(new Label("None yet: write the first one."));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0); // as wide as the list: long texts end in "…" instead of scrolling sideways
            }

            @Override
            protected void updateItem(CannedResponse c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label("/" + c.shortcut());
                name.getStyleClass().add(Styles.TEXT_BOLD);
                Label text = new Label(ComposerView.oneLine(c.body(), 120));
                text.getStyleClass().add(Styles.TEXT_MUTED);
                setGraphic(new VBox(1, name, text));
            }
        });
        // Only what the user picks edits a response; a list refreshed by sync keeps the form as it is.
        list.getSelectionModel().selectedItemProperty().subscribe(c -> {
            if (c != null && !c.equals(vm.selectedProperty().get())) {
                vm.selectedProperty().set(c);
            }
        });
        vm.selectedProperty().subscribe(c -> {
            if (c == null) {
                list.getSelectionModel().clearSelection();
            } else if (!c.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(c);
            }
        });

        TextField shortcut = new TextField();
        shortcut.setId(SHORTCUT_ID);
        shortcut.setPromptText("welcome");
        shortcut.textProperty().bindBidirectional(vm.shortcutProperty());
        TextArea body = new TextArea();
        body.setId(BODY_ID);
        body.setWrapText(true);
        body.setPrefRowCount(6);
        body.setPromptText("Hi! Thanks for writing to us…");
        body.textProperty().bindBidirectional(vm.bodyProperty());
        VBox.setVgrow(body, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.TEXT_MUTED);
        problem.textProperty()
                .bind(vm.failureProperty()
                        .isEmpty()
                        .flatMap(noFailure -> noFailure ? vm.problemProperty() : vm.failureProperty()));
        problem.setMinHeight(Region.USE_PREF_SIZE);

        Button add = new Button("New");
        add.setId(NEW_ID);
        add.setOnAction(e -> {
            vm.newResponse();
            shortcut.requestFocus();
        });
        Button save = new Button("Save");
        save.setId(SAVE_ID);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.canSaveBinding().not());
        save.setOnAction(e -> vm.save());
        Button delete = new Button("Delete");
        delete.setId(DELETE_ID);
        delete.getStyleClass().add(Styles.DANGER);
        delete.visibleProperty().bind(vm.editingProperty());
        delete.managedProperty().bind(delete.visibleProperty());
        delete.setOnAction(e -> vm.delete());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setId(CLOSE_ID);
        close.setCancelButton(true);
        close.setOnAction(e -> vm.close());
        // In a form, Tab leaves the text for the next field instead of typing a tab.
        body.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                (e.isShiftDown() ? shortcut : save.isDisabled() ? close : save).requestFocus();
                e.consume();
            }
        });
        HBox buttons = new HBox(8, add, delete, spring, save, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox form = new VBox(6, field("Shortcut"), shortcut, field("Text"), body, problem);
        form.setPrefWidth(420);
        HBox.setHgrow(form, Priority.ALWAYS);
        HBox columns = new HBox(14, list, form);
        VBox card = new VBox(12, title, hint, columns, buttons);
        card.getStyleClass().add("help-card");
        card.setMaxSize(760, 460);

        StackPane scrim = new StackPane(card);
        scrim.setId(ID);
        scrim.getStyleClass().add("help-scrim");
        scrim.setAlignment(Pos.CENTER);
        scrim.visibleProperty().bind(vm.shownProperty());
        vm.shownProperty().subscribe(open -> {
            if (open) {
                (vm.shortcutProperty().get().isEmpty() ? shortcut : body).requestFocus();
            }
        });
        return scrim;
    }

    private static Label field(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }
}
