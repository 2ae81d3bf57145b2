package com.recruitdesk.app.conversations;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.conversations.data.CannedResponse;
import com.recruitdesk.app.conversations.data.Template;
import com.recruitdesk.app.widgets.Icons;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The composer: reply or private note; text with attachments, quotes and canned responses while the
 * 24-hour window is open; the template picker with its variables once it is closed.
 */
final class ComposerView {
    static final String TEXT_ID = "composer-text";
    static final String SEND_ID = "composer-send";
    static final String REPLY_ID = "composer-reply";
    static final String NOTE_ID = "composer-note";
    static final String ATTACH_ID = "composer-attach";
    static final String TEMPLATES_ID = "composer-templates";
    static final String TEMPLATE_ID = "composer-template";
    static final String TEMPLATE_SEND_ID = "composer-template-send";
    static final String TEMPLATE_PREVIEW_ID = "composer-template-preview";
    static final String CANNED_ID = "composer-canned";
    static final String PROBLEM_ID = "composer-problem";
    static final String MANAGE_CANNED_ID = "composer-manage-canned";
    static final String MANAGE_CANNED_MENU_ID = "composer-manage-canned-menu";
    static final String CANNED_MENU_ID = "composer-canned-menu";

    private ComposerView() {}

    static Node create(ComposerViewModel vm, CannedResponsesViewModel canned) {
        ToggleGroup modes = new ToggleGroup();
        ToggleButton reply = new ToggleButton("Reply");
        reply.setId(REPLY_ID);
        reply.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton note = new ToggleButton("Private note");
        note.setId(NOTE_ID);
        note.getStyleClass().add(Styles.RIGHT_PILL);
        note.setGraphic(Icons.LOCK.node(11));
        note.setTooltip(new Tooltip("Only colleagues see notes (N)"));
        reply.setToggleGroup(modes);
        note.setToggleGroup(modes);
        reply.setFocusTraversable(false);
        note.setFocusTraversable(false);
        vm.modeProperty().subscribe(m -> {
            reply.setSelected(m == ComposerViewModel.Mode.REPLY);
            note.setSelected(m == ComposerViewModel.Mode.NOTE);
        });
        reply.setOnAction(e -> vm.modeProperty().set(ComposerViewModel.Mode.REPLY));
        note.setOnAction(e -> vm.modeProperty().set(ComposerViewModel.Mode.NOTE));
        HBox modeRow = new HBox(new HBox(reply, note));
        modeRow.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setOnMouseClicked(e -> vm.dismissProblem());

        VBox root = new VBox(
                6,
                modeRow,
                quoteChip(vm),
                attachmentChip(vm),
                problem,
                new StackPane(editor(vm, canned), templates(vm)));
        root.getStyleClass().add("composer");
        vm.modeProperty().subscribe(m -> {
            if (m == ComposerViewModel.Mode.NOTE) {
                root.getStyleClass().add("note-mode");
            } else {
                root.getStyleClass().remove("note-mode");
            }
        });
        root.visibleProperty().bind(vm.hasConversationProperty());
        root.managedProperty().bind(root.visibleProperty());
        // A file dropped on the composer is attached, as with the paperclip.
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && vm.modeProperty().get() == ComposerViewModel.Mode.REPLY) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles();
            if (done) {
                vm.attach(e.getDragboard().getFiles().getFirst().toPath());
            }
            e.setDropCompleted(done);
            e.consume();
        });
        return root;
    }

    private static Node quoteChip(ComposerViewModel vm) {
        Label text = new Label();
        text.textProperty().bind(vm.quoteProperty().map(q -> "Replying to: " + oneLine(q.summary(), 80)));
        text.setGraphic(Icons.REPLY.node(12));
        Button clear = closeButton();
        clear.setOnAction(e -> vm.clearQuote());
        HBox chip = chip(text, clear);
        chip.visibleProperty().bind(vm.quoteProperty().isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        return chip;
    }

    private static Node attachmentChip(ComposerViewModel vm) {
        Label text = new Label();
        text.textProperty().bind(vm.attachmentTextProperty());
        text.setGraphic(Icons.ATTACH.node(12));
        Button clear = closeButton();
        clear.setOnAction(e -> vm.removeAttachment());
        HBox chip = chip(text, clear);
        chip.visibleProperty().bind(vm.attachmentProperty().isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        return chip;
    }

    private static HBox chip(Label text, Button clear) {
        HBox chip = new HBox(6, text, clear);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("chip");
        chip.setMaxWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    private static Button closeButton() {
        Button b = new Button(null, Icons.CLOSE.node(9));
        b.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_CIRCLE, Styles.SMALL);
        return b;
    }

    /** The text box with its buttons, and the canned responses that match a leading '/'. */
    private static Node editor(ComposerViewModel vm, CannedResponsesViewModel manager) {
        TextArea text = new TextArea();
        text.setId(TEXT_ID);
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.textProperty().bindBidirectional(vm.textProperty());
        text.promptTextProperty()
                .bind(vm.modeProperty()
                        .map(m -> m == ComposerViewModel.Mode.NOTE
                                ? "Write a private note for your colleagues…"
                                : "Write a reply… (Enter sends, Shift+Enter for a new line, / for canned responses)"));
        HBox.setHgrow(text, Priority.ALWAYS);

        ListView<CannedResponse> canned = new ListView<>(vm.cannedMatches());
        canned.setId(CANNED_ID);
        canned.getStyleClass().add("canned-list");
        canned.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CannedResponse c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : "/" + c.shortcut() + "   " + oneLine(c.body(), 90));
            }
        });
        canned.visibleProperty().bind(Bindings.isNotEmpty(vm.cannedMatches()));
        canned.managedProperty().bind(canned.visibleProperty());
        canned.setOnMouseClicked(e -> {
            if (canned.getSelectionModel().getSelectedItem() != null) {
                vm.useCanned(canned.getSelectionModel().getSelectedItem());
                text.requestFocus();
                text.end();
            }
        });
        vm.cannedMatches().addListener((javafx.collections.ListChangeListener<CannedResponse>) c -> {
            if (!vm.cannedMatches().isEmpty()) {
                canned.getSelectionModel().selectFirst();
            }
        });

        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean picking = !vm.cannedMatches().isEmpty();
            if (picking && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP)) {
                int at = canned.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                canned.getSelectionModel()
                        .select(Math.max(0, Math.min(vm.cannedMatches().size() - 1, at)));
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                if (picking && canned.getSelectionModel().getSelectedItem() != null) {
                    vm.useCanned(canned.getSelectionModel().getSelectedItem());
                    text.end();
                } else {
                    vm.send();
                }
                e.consume();
            }
        });

        Button attach = new Button(null, Icons.ATTACH.node(16));
        attach.setId(ATTACH_ID);
        attach.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        attach.setTooltip(new Tooltip("Attach a photo, video, audio or document"));
        attach.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Attach a file");
            File file = chooser.showOpenDialog(attach.getScene().getWindow());
            if (file != null) {
                vm.attach(file.toPath());
            }
        });
        attach.disableProperty().bind(vm.modeProperty().isEqualTo(ComposerViewModel.Mode.NOTE));

        MenuButton cannedMenu = new MenuButton(null, Icons.BOLT.node(16));
        cannedMenu.setId(CANNED_MENU_ID);
        cannedMenu.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        cannedMenu.setTooltip(new Tooltip("Canned responses (type / in the text box)"));
        cannedMenu.setOnShowing(e -> {
            cannedMenu.getItems().clear();
            for (CannedResponse c : vm.cannedResponses()) {
                MenuItem item = new MenuItem("/" + c.shortcut() + "  —  " + oneLine(c.body(), 60));
                item.setOnAction(a -> {
                    vm.useCanned(c);
                    text.requestFocus();
                    text.end();
                });
                cannedMenu.getItems().add(item);
            }
            if (cannedMenu.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No canned responses yet");
                none.setDisable(true);
                cannedMenu.getItems().add(none);
            }
            MenuItem manage = new MenuItem("Manage canned responses…");
            manage.setId(MANAGE_CANNED_MENU_ID);
            manage.setOnAction(a -> manager.open(""));
            cannedMenu.getItems().addAll(new SeparatorMenuItem(), manage);
        });

        Button send = new Button();
        send.setId(SEND_ID);
        send.textProperty().bind(vm.modeProperty().map(m -> m == ComposerViewModel.Mode.NOTE ? "Add note" : "Send"));
        send.setGraphic(Icons.SEND.node(14, "send-icon"));
        send.getStyleClass().add(Styles.ACCENT);
        send.setDefaultButton(false);
        send.setMinWidth(Region.USE_PREF_SIZE); // "Add note" whole, however narrow the thread
        send.disableProperty().bind(vm.canSendBinding().not());
        send.setOnAction(e -> vm.send());

        VBox buttons = new VBox(4, send, new HBox(2, attach, cannedMenu));
        buttons.setAlignment(Pos.BOTTOM_RIGHT);
        HBox row = new HBox(8, text, buttons);
        VBox editor = new VBox(4, canned, pickerFooter(vm, manager), row);
        editor.visibleProperty().bind(vm.showsTemplatesBinding().not());
        editor.managedProperty().bind(editor.visibleProperty());
        return editor;
    }

    /**
     * Under the '/' picker: a way to the canned responses dialog, and when nothing matches what was
     * typed, that it does not exist yet (the dialog then starts a response with that shortcut).
     */
    private static Node pickerFooter(ComposerViewModel vm, CannedResponsesViewModel manager) {
        Label none = new Label();
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.textProperty().bind(vm.textProperty().map(t -> "No canned response starts with " + t + "."));
        none.visibleProperty().bind(Bindings.isEmpty(vm.cannedMatches()));
        none.managedProperty().bind(none.visibleProperty());
        Hyperlink manage = new Hyperlink("Manage canned responses…");
        manage.setId(MANAGE_CANNED_ID);
        manage.setFocusTraversable(false);
        manage.setOnAction(e -> manager.open(vm.cannedMatches().isEmpty() ? vm.typedShortcut() : ""));
        HBox footer = new HBox(8, none, manage);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.visibleProperty().bind(vm.pickingProperty());
        footer.managedProperty().bind(footer.visibleProperty());
        return footer;
    }

    /** Outside the 24-hour window: pick an approved template, fill its variables, see the message, send. */
    private static Node templates(ComposerViewModel vm) {
        Label why = new Label(
                "Reply window closed: WhatsApp delivers only an approved template until the person" + " writes again.");
        why.setWrapText(true);
        why.setGraphic(Icons.TEMPLATE.node(14));
        why.setTooltip(new Tooltip("WhatsApp lets a business send free text for 24 hours after the person's last"
                + " message. After that only a template Meta has approved can start the conversation again;"
                + " when the person answers it, the window opens for another 24 hours."));

        ComboBox<Template> choice = new ComboBox<>(vm.templates());
        choice.setId(TEMPLATE_ID);
        choice.valueProperty().bindBidirectional(vm.templateProperty());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Template t) {
                return t == null ? "" : t.label();
            }

            @Override
            public Template fromString(String s) {
                return null;
            }
        });
        choice.setPromptText("Choose a template");
        choice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(choice, Priority.ALWAYS);

        GridPane variables = new GridPane();
        variables.setHgap(8);
        variables.setVgap(6);
        vm.fields()
                .addListener((javafx.collections.ListChangeListener<TemplateField>) c -> fillVariables(variables, vm));
        fillVariables(variables, vm);

        Label preview = new Label();
        preview.setId(TEMPLATE_PREVIEW_ID);
        preview.setWrapText(true);
        preview.textProperty().bind(vm.templatePreviewProperty());
        VBox previewBox = new VBox(2, caption("The person will receive"), preview);
        previewBox.getStyleClass().add("template-preview");
        previewBox.visibleProperty().bind(vm.templateProperty().isNotNull());
        previewBox.managedProperty().bind(previewBox.visibleProperty());

        Label none = new Label("This number has no approved template that can be sent from here. Templates are"
                + " made and approved in Meta's WhatsApp Manager and appear here once synced; those with a media"
                + " header or a button that needs a value are not offered yet.");
        none.setWrapText(true);
        none.visibleProperty().bind(Bindings.isEmpty(vm.templates()));
        none.managedProperty().bind(none.visibleProperty());

        Button send = new Button("Send template", Icons.SEND.node(14, "send-icon"));
        send.setId(TEMPLATE_SEND_ID);
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(vm.canSendBinding().not());
        send.setOnAction(e -> vm.send());
        send.setMinWidth(Region.USE_PREF_SIZE);
        HBox choiceRow = new HBox(8, choice, send);
        choiceRow.setAlignment(Pos.CENTER_LEFT);

        VBox panel = new VBox(8, why, none, choiceRow, variables, previewBox);
        panel.setId(TEMPLATES_ID);
        panel.getStyleClass().add("template-panel");
        panel.visibleProperty().bind(vm.showsTemplatesBinding());
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    private static void fillVariables(GridPane grid, ComposerViewModel vm) {
        grid.getChildren().clear();
        for (int i = 0; i < vm.fields().size(); i++) {
            TemplateField f = vm.fields().get(i);
            Label name = new Label(f.label());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            TextField value = new TextField();
            value.setId("composer-variable-" + (i + 1));
            value.setPromptText(f.hint());
            value.textProperty().bindBidirectional(f.value());
            GridPane.setHgrow(value, Priority.ALWAYS);
            grid.addRow(i, name, value);
        }
    }

    private static Label caption(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("bubble-caption");
        return l;
    }

    static String oneLine(String s, int max) {
        String line = s == null ? "" : s.replace('\n', ' ').strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
